// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/graphql/graphqlrequestcontext.h"

#include <algorithm>

namespace petstore::mock {

std::optional<core::GraphQLResolved> GraphQLRequestContext::refuse(const std::string &scope) const
{
    if (authRequired && !caller.authenticated)
        return core::GraphQLResolved::error(
            "credentials required: send a Bearer token from POST /v1/auth/tokens or an X-API-Key",
            {{"code", "UNAUTHENTICATED"}, {"status", 401}});
    if (caller.authenticated && !scope.empty() && std::find(scopes.begin(), scopes.end(), scope) == scopes.end())
        return core::GraphQLResolved::error("the token lacks the scope " + scope, {{"code", "FORBIDDEN"}, {"status", 403}});
    return std::nullopt;
}

} // namespace petstore::mock
