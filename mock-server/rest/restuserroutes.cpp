// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/rest/restuserroutes.h"

#include "core/http/jwths256.h"
#include "core/petstore/domainjson.h"
#include "mock-server/http/authmiddleware.h"
#include "mock-server/accesspolicy.h"
#include "mock-server/rest/restreply.h"

#include <QtGlobal>

#include <algorithm>
#include <sstream>
#include <vector>

namespace petstore::mock {

namespace {

using nlohmann::json;

// DESIGN §6: the scopes a token may carry, by role. Admins get everything customers get.
const std::vector<std::string> &customerScopes()
{
    static const std::vector<std::string> scopes = {"read:pets",  "read:orders", "write:orders",
                                                    "read:user",  "write:user",  "chat:write"};
    return scopes;
}

const std::vector<std::string> &adminScopes()
{
    static const std::vector<std::string> scopes = [] {
        std::vector<std::string> all = customerScopes();
        all.insert(all.end(), {"write:pets", "admin"});
        return all;
    }();
    return scopes;
}

std::string joinScopes(const std::vector<std::string> &scopes)
{
    std::string out;
    for (const auto &scope : scopes)
        out += (out.empty() ? "" : " ") + scope;
    return out;
}

// The scope to grant: the requested scopes (space-separated, RFC 6749 §3.3) when the role
// allows all of them, every allowed scope when none were requested. Granted scopes are
// listed in the canonical order above whatever order they were asked in.
core::Result<std::string> grantedScope(const json &body, core::Role role)
{
    const std::vector<std::string> &allowed = role == core::Role::Admin ? adminScopes() : customerScopes();
    std::vector<std::string> requested;
    std::istringstream in(body.value("scope", std::string()));
    for (std::string scope; in >> scope;)
        requested.push_back(scope);
    if (requested.empty())
        return joinScopes(allowed);
    for (const auto &scope : requested) {
        if (std::find(allowed.begin(), allowed.end(), scope) == allowed.end())
            return core::Error::make(core::ErrorKind::Forbidden, "a " + std::string(core::toString(role))
                                         + " account may not have the scope " + scope);
    }
    std::vector<std::string> granted;
    for (const auto &scope : allowed)
        if (std::find(requested.begin(), requested.end(), scope) != requested.end())
            granted.push_back(scope);
    return joinScopes(granted);
}

core::HttpResponse createToken(HttpExchange &exchange, const RestEnvironment &environment)
{
    const json &body = exchange.body;
    // The store answers unknown users and wrong passwords with the same message (and time).
    auto user = exchange.store->authenticate(body.value("username", std::string()),
                                             body.value("password", std::string()));
    if (!user.ok()) {
        core::HttpResponse response = RestReply::error(user.error(), exchange);
        response.addHeader("WWW-Authenticate", AuthMiddleware::challenge({}));   // RFC 9110 §15.5.2
        return response;
    }
    auto scope = grantedScope(body, user->role);
    if (!scope.ok())
        return RestReply::error(scope.error(), exchange);
    // MockServer picks a random secret when none is configured: an empty key would make
    // tokens anyone can forge.
    Q_ASSERT(!environment.config->jwtSecret.empty());

    const std::int64_t now = environment.unixSeconds();
    const int ttl = environment.config->tokenTtlSeconds;
    // RFC 7519 §4.1 registered claims plus `tid` (the tenant the token is valid for, checked
    // by AuthMiddleware), `role` and `scope` (RFC 8693 §4.2).
    const json claims = {{"iss", "petstore-mock"}, {"sub", user->id},  {"tid", exchange.tenantId},
                         {"role", core::toString(user->role)},    {"scope", scope.value()},
                         {"iat", now},             {"exp", now + ttl}};
    core::HttpResponse response = RestReply::json(200, {{"accessToken", core::JwtHs256::sign(claims, environment.config->jwtSecret)},
                                                        {"tokenType", "Bearer"},
                                                        {"expiresIn", ttl},
                                                        {"scope", scope.value()}});
    response.addHeader("Cache-Control", "no-store");   // RFC 6749 §5.1: never cache tokens
    return response;
}

core::HttpResponse registerUser(HttpExchange &exchange)
{
    auto user = exchange.store->registerUser(exchange.body);
    if (!user.ok())
        return RestReply::error(user.error(), exchange);
    return RestReply::created(core::toJson(user.value()), "/v1/users/" + user->id);
}

core::HttpResponse getCurrentUser(HttpExchange &exchange)
{
    // "me" needs to know who is calling, so even auth mode `none` cannot answer anonymously.
    if (!exchange.authenticated || !exchange.actor.userId) {
        core::HttpResponse response = RestReply::error(
            core::Error::make(core::ErrorKind::Unauthorized,
                              "/v1/users/me needs credentials: send a Bearer token from POST /v1/auth/tokens"),
            exchange);
        response.addHeader("WWW-Authenticate", AuthMiddleware::challenge({}));
        return response;
    }
    auto user = exchange.store->getUser(*exchange.actor.userId);
    return user.ok() ? RestReply::json(200, core::toJson(user.value())) : RestReply::error(user.error(), exchange);
}

std::string userIdOf(HttpExchange &exchange)
{
    return exchange.params["path"].value("userId", std::string());
}

// Signed-in customers may only touch their own account. Checked before the look-up, so a
// customer learns nothing about other ids.
std::optional<core::HttpResponse> refuseOthers(HttpExchange &exchange, const std::string &userId)
{
    if (AccessPolicy::mayActFor(exchange, userId))
        return std::nullopt;
    return RestReply::error(core::Error::make(core::ErrorKind::Forbidden,
                                              "customers may only access their own account"), exchange);
}

core::HttpResponse getUser(HttpExchange &exchange)
{
    const std::string id = userIdOf(exchange);
    if (auto refused = refuseOthers(exchange, id))
        return *refused;
    auto user = exchange.store->getUser(id);
    return user.ok() ? RestReply::json(200, core::toJson(user.value())) : RestReply::error(user.error(), exchange);
}

template<typename Change>
core::HttpResponse changeUser(HttpExchange &exchange, Change change)
{
    const std::string id = userIdOf(exchange);
    if (auto refused = refuseOthers(exchange, id))
        return *refused;
    auto current = exchange.store->getUser(id);
    if (!current.ok())
        return RestReply::error(current.error(), exchange);
    if (auto failed = RestReply::checkIfMatch(exchange, core::toJson(current.value())))
        return *failed;
    auto user = change(id);
    return user.ok() ? RestReply::json(200, core::toJson(user.value())) : RestReply::error(user.error(), exchange);
}

core::HttpResponse deleteUser(HttpExchange &exchange)
{
    const std::string id = userIdOf(exchange);
    if (auto refused = refuseOthers(exchange, id))
        return *refused;
    auto done = exchange.store->deleteUser(id);
    return done.ok() ? RestReply::noContent() : RestReply::error(done.error(), exchange);
}

} // namespace

void RestUserRoutes::install(RestRouter &router, const RestEnvironment &environment)
{
    router.handle("registerUser", registerUser);
    router.setPublic("registerUser");
    router.handle("createToken", [environment](HttpExchange &exchange) { return createToken(exchange, environment); });
    router.setPublic("createToken");
    router.handle("getCurrentUser", getCurrentUser);
    router.handle("getUser", getUser);
    router.handle("replaceUser", [](HttpExchange &exchange) {
        return changeUser(exchange, [&exchange](const std::string &id) { return exchange.store->replaceUser(id, exchange.body); });
    });
    router.handle("updateUser", [](HttpExchange &exchange) {
        return changeUser(exchange, [&exchange](const std::string &id) { return exchange.store->mergePatchUser(id, exchange.body); });
    });
    router.handle("deleteUser", deleteUser);
    for (const char *op : {"getCurrentUser", "getUser"})
        router.requireScope(op, "read:user");
    for (const char *op : {"replaceUser", "updateUser", "deleteUser"})
        router.requireScope(op, "write:user");
}

} // namespace petstore::mock
