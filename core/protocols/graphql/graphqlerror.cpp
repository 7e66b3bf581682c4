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

} // namespace petstore::core
