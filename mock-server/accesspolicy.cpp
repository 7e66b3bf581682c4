// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/accesspolicy.h"

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

} // namespace petstore::mock
