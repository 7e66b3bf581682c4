// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/graphql/graphqlrequestcontext.h"

#include "mock-server/graphql/graphqlerrorreply.h"

namespace petstore::mock {

std::optional<core::GraphQLResolved> GraphQLRequestContext::refuse(const std::string &scope) const
{
    if (auto allowed = AccessPolicy::requireScope(caller, scopes, authRequired, scope); !allowed.ok())
        return graphQLErrorFor(allowed.error());
    return std::nullopt;
}

} // namespace petstore::mock
