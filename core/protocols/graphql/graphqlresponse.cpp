// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/graphql/graphqlresponse.h"

namespace petstore::core {

nlohmann::ordered_json GraphQLResponse::toJson() const
{
    // §7.1: "errors" first when present, so a reader sees what went wrong before the data.
    nlohmann::ordered_json response = nlohmann::ordered_json::object();
    if (!errors.empty()) {
        auto &list = response["errors"] = nlohmann::ordered_json::array();
        for (const GraphQLError &error : errors)
            list.push_back(error.toJson());
    }
    if (hasData)
        response["data"] = data;
    if (!extensions.is_null())
        response["extensions"] = extensions;
    return response;
}

GraphQLResponse GraphQLResponse::requestError(std::vector<GraphQLError> errors)
{
    GraphQLResponse response;
    response.errors = std::move(errors);
    return response;
}

} // namespace petstore::core
