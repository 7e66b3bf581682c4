// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/petstore/store.h"
#include "core/result.h"
#include "mock-server/http/httpexchange.h"

#include <optional>
#include <string>
#include <vector>

namespace petstore::mock {

// Who is calling, as every protocol sees it: signed in (a Bearer token or an API key was
// accepted) or not, and the actor.
struct Caller
{
    bool authenticated = false;
    core::Actor actor;
    static Caller of(const HttpExchange &exchange) { return {exchange.authenticated, exchange.actor}; }
};

// The ownership and role rules of DESIGN §6 in one place, for REST and GraphQL alike.
// Anonymous callers only get this far in auth mode `none` (mode `required` refuses them
// earlier) and may then do everything, like admins.
class AccessPolicy
{
public:
    // The owner a caller is limited to: a signed-in customer's own user id, or nullopt (no
    // limit) for admins and anonymous callers.
    static std::optional<std::string> ownerLimit(const Caller &caller);
    static std::optional<std::string> ownerLimit(const HttpExchange &exchange) { return ownerLimit(Caller::of(exchange)); }

    // Whether the caller may act on something owned by `ownerId` (nullopt: owned by nobody,
    // such as an anonymous order, which only unlimited callers may touch).
    static bool mayActFor(const Caller &caller, const std::optional<std::string> &ownerId);
    static bool mayActFor(const HttpExchange &exchange, const std::optional<std::string> &ownerId)
    {
        return mayActFor(Caller::of(exchange), ownerId);
    }

    // Forbidden for signed-in callers who are not admins; `action` completes the sentence
    // "only admins may ...".
    static core::Status requireAdmin(const Caller &caller, const std::string &action);
    static core::Status requireAdmin(const HttpExchange &exchange, const std::string &action)
    {
        return requireAdmin(Caller::of(exchange), action);
    }

    // An operation needing `scope` ("" for none), for protocols that check credentials per
    // operation (GraphQL fields, gRPC methods): Unauthorized without credentials in auth mode
    // `required`, Forbidden when the credentials lack the scope (REST's 401 and 403).
    static core::Status requireScope(const Caller &caller, const std::vector<std::string> &scopes, bool authRequired,
                                     const std::string &scope);

    // The order `id` if the caller may act on it; NotFound otherwise, as for a missing order
    // (REST's 404 hides other customers' orders).
    static core::Result<core::Order> ownOrder(const core::Store &store, const Caller &caller, const std::string &id);
};

} // namespace petstore::mock
