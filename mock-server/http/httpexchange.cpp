// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/http/httpexchange.h"

#include <algorithm>

namespace petstore::mock {

bool HttpExchange::hasScope(std::string_view scope) const
{
    return std::find(scopes.begin(), scopes.end(), scope) != scopes.end();
}

std::string HttpExchange::queryValue(std::string_view name) const
{
    for (const auto &[key, value] : query)
        if (key == name)
            return value;
    return {};
}

} // namespace petstore::mock
