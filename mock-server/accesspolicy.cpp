// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/accesspolicy.h"

#include <algorithm>

namespace petstore::mock {

std::optional<std::string> AccessPolicy::ownerLimit(const Caller &caller)
{
    if (!caller.authenticated || caller.actor.isAdmin())
        return std::nullopt;
    // A signed-in caller always has a user id (AuthMiddleware sets one from the token's `sub`
    // or the API key); an empty one matches no owner rather than every owner.
    return caller.actor.userId.value_or(std::string());
}

bool AccessPolicy::mayActFor(const Caller &caller, const std::optional<std::string> &ownerId)
{
    const std::optional<std::string> limit = ownerLimit(caller);
    return !limit || (ownerId && !ownerId->empty() && *ownerId == *limit);
}

core::Status AccessPolicy::requireAdmin(const Caller &caller, const std::string &action)
{
    if (caller.authenticated && !caller.actor.isAdmin())
        return core::Error::make(core::ErrorKind::Forbidden, "only admins may " + action);
    return core::Done{};
}

core::Status AccessPolicy::requireScope(const Caller &caller, const std::vector<std::string> &scopes, bool authRequired,
                                       const std::string &scope)
{
    if (authRequired && !caller.authenticated)
        return core::Error::make(core::ErrorKind::Unauthorized,
                                 "credentials required: send a Bearer token from POST /v1/auth/tokens or an X-API-Key");
    if (caller.authenticated && !scope.empty() && std::find(scopes.begin(), scopes.end(), scope) == scopes.end())
        return core::Error::make(core::ErrorKind::Forbidden, "the token lacks the scope " + scope);
    return core::Done{};
}

core::Result<core::Order> AccessPolicy::ownOrder(const core::Store &store, const Caller &caller, const std::string &id)
{
    auto order = store.getOrder(id);
    if (!order || !mayActFor(caller, order->userId))
        return core::Error::make(core::ErrorKind::NotFound, "no order " + id);
    return order;
}

} // namespace petstore::mock
