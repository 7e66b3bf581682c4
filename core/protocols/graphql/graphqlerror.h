// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocols/graphql/graphqltoken.h"
#include "core/result.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace petstore::core {

// One entry of a response's "errors" list (spec §7.1.2): a message, where in the document
// (line and column, 1-based), the response path of a field error and optional extensions.
struct GraphQLError
{
    std::string message;
    std::vector<GraphQLLocation> locations;
    nlohmann::ordered_json path;          // null, or the response keys and list indices
    nlohmann::ordered_json extensions;    // null, or an object such as {"code": "NOT_FOUND"}

    nlohmann::ordered_json toJson() const;
    // A GraphQLParser error ("Syntax Error: …", its place as "line:column") as a GraphQL error.
    static GraphQLError fromSyntaxError(const Error &error);
};

} // namespace petstore::core
