// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/petstore/domainevents.h"

#include <string>
#include <vector>

namespace petstore::core {

// Which domain events a subscriber wants: a list of types, where a trailing `*` matches a prefix
// (`order.*`), and a subject path that matches itself and everything below it. Empty parts
// match everything. Used by the SSE stream's `?types=` and `?subject=`.
class EventFilter
{
public:
    EventFilter() = default;
    // `types` is a comma-separated list ("pet.status_changed,order.*"); empty items are ignored.
    EventFilter(const std::string &types, std::string subject);

    bool matches(const CloudEvent &event) const;

private:
    std::vector<std::string> m_exact;
    std::vector<std::string> m_prefixes;
    std::string m_subject;
};

} // namespace petstore::core
