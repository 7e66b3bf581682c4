// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/petstore/domaintypes.h"

#include <cstddef>
#include <string>
#include <unordered_map>

namespace petstore::mock {

// The serialized JSON of each pet, kept while the pet is unchanged (same revision and update
// time), so reads — the bulk of a frontend's traffic — skip building and dumping JSON. Bounded:
// cleared when it would pass MaxEntries.
class PetRepresentationCache
{
public:
    static constexpr std::size_t MaxEntries = 100000;

    const std::string &text(const std::string &tenantId, const core::Pet &pet);

private:
    struct Entry
    {
        std::uint64_t revision = 0;
        core::TimePoint updatedAt{};
        std::string text;
    };
    std::unordered_map<std::string, Entry> m_entries;
};

} // namespace petstore::mock
