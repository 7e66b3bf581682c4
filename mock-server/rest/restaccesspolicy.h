// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "mock-server/http/httpexchange.h"

#include <optional>
#include <string>

namespace petstore::mock {

// The ownership and role rules of the REST routes (DESIGN §6), in one place. A caller is
// "signed in" when AuthMiddleware accepted a Bearer token or an API key; anonymous callers
// only get this far in auth mode `none` (the router refuses them in mode `required`) and may
// then do everything, like admins.
class RestAccessPolicy
{
public:
    // The owner a caller is limited to: a signed-in customer's own user id, or nullopt (no
    // limit) for admins and anonymous callers.
    static std::optional<std::string> ownerLimit(const HttpExchange &exchange);

    // Whether the caller may act on something owned by `ownerId` (nullopt: owned by nobody,
    // such as an anonymous order, which only unlimited callers may touch).
    static bool mayActFor(const HttpExchange &exchange, const std::optional<std::string> &ownerId);

    // Forbidden for signed-in callers who are not admins; `action` completes the sentence
    // "only admins may ...".
    static core::Status requireAdmin(const HttpExchange &exchange, const std::string &action);
};

} // namespace petstore::mock
