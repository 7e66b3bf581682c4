// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace petstore::core {

// Writes text/event-stream (WHATWG HTML §9.2.5): the server side of SseStreamParser.
class SseEventWriter
{
public:
    // "id:", "event:", one "data:" line per line of `data` (CRLF, LF and CR all split), an
    // optional "retry:", and the blank line that dispatches it. Line breaks in `id` and `type`
    // cannot be written and are removed, as is NUL in `id`.
    static std::string event(std::string_view data, std::string_view type = {}, std::string_view id = {},
                             std::optional<long long> retryMs = std::nullopt);
    // ": text" — a comment, e.g. a heartbeat that keeps proxies from closing an idle stream.
    static std::string comment(std::string_view text);
};

} // namespace petstore::core
