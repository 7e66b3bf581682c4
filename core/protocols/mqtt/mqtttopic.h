// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <optional>
#include <string>
#include <string_view>

namespace petstore::core {

// Topic names and topic filters (MQTT 5.0 §4.7, §4.8.2; 3.1.1 §4.7): validation, matching with
// `+` and `#`, the `$`-topic rule and shared subscriptions `$share/{group}/{filter}`.
class MqttTopic
{
public:
    // A name a PUBLISH may carry: at least one character, no wildcards (§4.7.3, §4.7.1).
    // Errors are ErrorKind::Validation (reason code 0x90 Topic Name invalid).
    static Status validateName(std::string_view topic);
    // A subscription filter: `#` alone or as the last level after a `/`, `+` filling a whole
    // level (§4.7.1.2, §4.7.1.3). A shared one needs a group without `/`, `+` or `#` and a
    // filter after it (§4.8.2). Errors are ErrorKind::Validation (0x8F Topic Filter invalid).
    static Status validateFilter(std::string_view filter);

    // Whether `topic` matches `filter` (both valid, the filter not shared). Topics starting
    // with `$` are not matched by a filter starting with a wildcard (§4.7.2).
    static bool matches(std::string_view filter, std::string_view topic);

    struct Shared
    {
        std::string group;
        std::string filter;
    };
    // `$share/{group}/{filter}` split in two; nothing for an ordinary filter.
    static std::optional<Shared> shared(std::string_view filter);
};

} // namespace petstore::core
