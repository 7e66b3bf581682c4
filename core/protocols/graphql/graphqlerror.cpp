// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/graphql/graphqlerror.h"

namespace petstore::core {

nlohmann::ordered_json GraphQLError::toJson() const
{
    nlohmann::ordered_json error;
    error["message"] = message;
    if (!locations.empty()) {
        auto &list = error["locations"] = nlohmann::ordered_json::array();
        for (const GraphQLLocation &location : locations)
            list.push_back({{"line", location.line}, {"column", location.column}});
    }
    if (!path.is_null())
        error["path"] = path;
    if (!extensions.is_null())
        error["extensions"] = extensions;
    return error;
}

GraphQLError GraphQLError::fromSyntaxError(const Error &error)
{
    GraphQLError out;
    out.message = error.message;
    if (!error.fields.empty()) {
        const std::string &at = error.fields.front().field;
        const auto colon = at.find(':');
        GraphQLLocation location;
        location.line = std::stoi(at.substr(0, colon));
        location.column = std::stoi(at.substr(colon + 1));
        out.locations.push_back(location);
    }
    return out;
}

} // namespace petstore::core
