// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocols/graphql/graphqlengine.h"
#include "core/result.h"

#include <nlohmann/json.hpp>

namespace petstore::mock {

// The `graphql` object of the --config file: what one operation may cost (DESIGN §9, limits
// are explicit and configurable). Applied when the mock starts.
struct GraphQLConfig
{
    int maxDepth = 12;
    int maxComplexity = 1000;
    int maxAliases = 50;
    int maxTokens = 10000;

    core::Status applyJson(const nlohmann::json &object);
    core::GraphQLEngine::Limits engineLimits() const;
};

} // namespace petstore::mock
