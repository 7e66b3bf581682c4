// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/petstore/domainenums.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace petstore::mock {

// What a pet-advisor question asks for, read from plain English by keyword spotting:
//   species  dog(s) puppy puppies | cat(s) kitten(s) | rabbit(s) bunny bunnies | bird(s) |
//            reptile(s) lizard(s) snake(s)
//   size     small | medium | large
//   kids     kid(s) child children
//   budget   "under $300", "below 300", "less than 300", "cheaper than 300", "< 300"; a number
//            followed by an age unit ("under 2 years") is an age, not a budget
// Matching is case-insensitive on whole words; several species or sizes mean "any of them".
struct PetAdvisorCriteria
{
    std::vector<core::Species> species;       // in order of mention, no repeats; empty: any
    std::vector<core::PetSize> sizes;         // in order of mention, no repeats; empty: any
    bool goodWithKids = false;
    std::optional<std::int64_t> budgetCents;  // exclusive upper bound on the price amount

    bool isEmpty() const { return species.empty() && sizes.empty() && !goodWithKids && !budgetCents; }

    static PetAdvisorCriteria fromQuestion(const std::string &question);
};

} // namespace petstore::mock
