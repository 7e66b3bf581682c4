// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/http/authmiddleware.h"

#include "core/http/jwths256.h"
#include "mock-server/http/httpproblemresponse.h"

#include <openssl/crypto.h>

#include <sstream>

namespace petstore::mock {

namespace {

bool constantTimeEquals(const std::string &a, const std::string &b)
{
    return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::vector<std::string> splitScopes(const std::string &scope)
{
    std::vector<std::string> scopes;
    std::istringstream in(scope);
    for (std::string s; in >> s;)
        scopes.push_back(s);
    return scopes;
}

} // namespace

AuthMiddleware::AuthMiddleware(Clock clock) : m_clock(std::move(clock)) {}

void AuthMiddleware::configure(std::string jwtSecret, std::vector<ApiKey> apiKeys)
{
    m_secret = std::move(jwtSecret);
    m_apiKeys = std::move(apiKeys);
}

std::string AuthMiddleware::challenge(const std::string &description)
{
    std::string value = "Bearer realm=\"petstore\"";
    if (!description.empty())
        value += ", error=\"invalid_token\", error_description=\"" + description + "\"";
    return value;
}

core::Result<AuthMiddleware::Identity> AuthMiddleware::verifyBearer(const std::string &token,
                                                                   const std::string &tenantId) const
{
    auto unauthorized = [](const std::string &message) {
        return core::Error::make(core::ErrorKind::Unauthorized, message);
    };
    const auto claims = core::JwtHs256::verify(token, m_secret, m_clock());
    if (!claims.ok())
        return unauthorized(claims.error().message);
    const nlohmann::json &c = claims.value();
    if (!c.contains("sub") || !c.at("sub").is_string())
        return unauthorized("token has no subject");
    if (c.value("tid", std::string()) != tenantId)
        return unauthorized("token was issued for another tenant");
    Identity identity;
    identity.actor.userId = c.at("sub").get<std::string>();
    identity.actor.role = core::roleFromString(c.value("role", std::string())).value_or(core::Role::Customer);
    identity.scopes = splitScopes(c.value("scope", std::string()));
    return identity;
}

core::Result<std::optional<AuthMiddleware::Identity>> AuthMiddleware::identify(const std::string &authorization,
                                                                              const std::string &apiKey,
                                                                              const std::string &tenantId) const
{
    if (!authorization.empty()) {
        static const std::string prefix = "Bearer ";
        if (authorization.size() <= prefix.size()
            || !core::headerNameEquals(authorization.substr(0, prefix.size()), prefix))
            return core::Error::make(core::ErrorKind::Unauthorized, "Authorization must use the Bearer scheme");
        auto identity = verifyBearer(authorization.substr(prefix.size()), tenantId);
        if (!identity.ok())
            return identity.error();
        return std::optional<Identity>(std::move(identity).value());
    }
    if (!apiKey.empty()) {
        for (const ApiKey &key : m_apiKeys) {
            if (constantTimeEquals(key.key, apiKey)) {
                Identity identity;
                identity.actor.userId = key.userId;
                identity.actor.role = key.role;
                identity.scopes = key.scopes;
                return std::optional<Identity>(std::move(identity));
            }
        }
        return core::Error::make(core::ErrorKind::Unauthorized, "unknown API key");
    }
    return std::optional<Identity>();
}

std::optional<core::HttpResponse> AuthMiddleware::before(HttpExchange &exchange)
{
    std::string authorization = exchange.header("Authorization");
    // RFC 6750 §2.3: the URI query form, for clients that cannot send headers (EventSource).
    if (authorization.empty() && !exchange.queryValue("access_token").empty())
        authorization = "Bearer " + exchange.queryValue("access_token");
    auto identity = identify(authorization, exchange.header("X-API-Key"), exchange.tenantId);
    if (!identity.ok()) {
        core::HttpResponse response = HttpProblemResponse::forStatus(401, identity.error().message, exchange);
        response.addHeader("WWW-Authenticate", challenge(identity.error().message));
        return response;
    }
    if (identity.value()) {
        exchange.actor = identity.value()->actor;
        exchange.scopes = identity.value()->scopes;
        exchange.authenticated = true;
    }
    return std::nullopt;
}

void AuthMiddleware::after(const HttpExchange &, core::HttpResponse &) {}

} // namespace petstore::mock
