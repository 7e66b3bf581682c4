// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>

namespace petstore::core {

// One server-sent event as the WHATWG HTML "Server-sent events" section defines it (§9.2).
struct SseEvent
{
    std::string type = "message";   // the `event:` field; "message" when absent or empty
    std::string data;               // `data:` lines joined with LF, final LF removed
    std::string id;                 // the stream's last event ID when the event was dispatched
    std::optional<long long> retryMs;   // a `retry:` seen since the previous event
};

} // namespace petstore::core
