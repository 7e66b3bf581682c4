// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/petstore/store.h"
#include "mock-server/rest/petadvisorcriteria.h"

#include <cstddef>
#include <string>
#include <vector>

namespace petstore::mock {

// The `pet-advisor-1` chat model: a deterministic answer from the store's data, no language
// model involved. Pure functions of the store's state and the question; nothing is changed.
class PetAdvisor
{
public:
    static constexpr std::size_t MaxRecommendations = 3;

    // A short friendly reply to `question`: up to MaxRecommendations AVAILABLE pets matching
    // the question's criteria (name, breed, age, price, id), or, when none match, which single
    // criterion to relax to get matches.
    static std::string answer(const core::Store &store, const std::string &question);

    // Every AVAILABLE pet meeting `criteria`, oldest listing first (the store's default order).
    // Budgets compare price amounts as written, in each pet's own currency, like the
    // maxPrice filter of GET /v1/pets.
    static std::vector<core::Pet> matches(const core::Store &store, const PetAdvisorCriteria &criteria);
};

} // namespace petstore::mock
