// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocols/graphql/graphqlerror.h"

#include <nlohmann/json.hpp>

#include <vector>

namespace petstore::core {

// A GraphQL response (spec §7.1): "data" when execution started (a request error — syntax,
// validation, variables — has none), "errors" when something went wrong, and extensions.
struct GraphQLResponse
{
    bool hasData = false;
    nlohmann::ordered_json data;
    std::vector<GraphQLError> errors;
    nlohmann::ordered_json extensions;   // null or an object

    nlohmann::ordered_json toJson() const &;
    nlohmann::ordered_json toJson() &&;   // moves the data instead of copying it
    static GraphQLResponse requestError(std::vector<GraphQLError> errors);
};

} // namespace petstore::core
