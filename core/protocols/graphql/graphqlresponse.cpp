// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/graphql/graphqlresponse.h"

namespace petstore::core {

nlohmann::ordered_json GraphQLResponse::toJson() const &
{
    return GraphQLResponse(*this).toJson();
}

nlohmann::ordered_json GraphQLResponse::toJson() &&
{
    // §7.1: "errors" first when present, so a reader sees what went wrong before the data.
    nlohmann::ordered_json response = nlohmann::ordered_json::object();
    // Room for all three members: growing an ordered_map copies its entries (const keys).
    response.get_ref<nlohmann::ordered_json::object_t &>().reserve(3);
    if (!errors.empty()) {
        auto &list = response["errors"] = nlohmann::ordered_json::array();
        for (const GraphQLError &error : errors)
            list.push_back(error.toJson());
    }
    if (hasData)
        response["data"] = std::move(data);
    if (!extensions.is_null())
        response["extensions"] = std::move(extensions);
    return response;
}

GraphQLResponse GraphQLResponse::requestError(std::vector<GraphQLError> errors)
{
    GraphQLResponse response;
    response.errors = std::move(errors);
    return response;
}

} // namespace petstore::core
