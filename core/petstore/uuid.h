// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/petstore/domaintime.h"

#include <string>
#include <string_view>

namespace petstore::core {

// RFC 9562 identifiers. v7 ids sort by creation time; ids made within one millisecond by
// one generator still sort in creation order (§6.2 method 1, a 12-bit counter in rand_a).
class UuidV7Generator
{
public:
    std::string next(TimePoint now);

private:
    long long m_lastMs = -1;
    unsigned m_counter = 0;
};

// Canonical 8-4-4-4-12 lower- or upper-case hex form, any version.
bool isUuid(std::string_view text);

} // namespace petstore::core
