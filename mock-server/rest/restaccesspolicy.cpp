// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/rest/restaccesspolicy.h"

namespace petstore::mock {

std::optional<std::string> RestAccessPolicy::ownerLimit(const HttpExchange &exchange)
{
    if (!exchange.authenticated || exchange.actor.isAdmin())
        return std::nullopt;
    // A signed-in caller always has a user id (AuthMiddleware sets one from the token's `sub`
    // or the API key); an empty one matches no owner rather than every owner.
    return exchange.actor.userId.value_or(std::string());
}

bool RestAccessPolicy::mayActFor(const HttpExchange &exchange, const std::optional<std::string> &ownerId)
{
    const std::optional<std::string> limit = ownerLimit(exchange);
    return !limit || (ownerId && !ownerId->empty() && *ownerId == *limit);
}

core::Status RestAccessPolicy::requireAdmin(const HttpExchange &exchange, const std::string &action)
{
    if (exchange.authenticated && !exchange.actor.isAdmin())
        return core::Error::make(core::ErrorKind::Forbidden, "only admins may " + action);
    return core::Done{};
}

} // namespace petstore::mock
