// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mock-server/http/httpmiddleware.h"
#include "core/petstore/store.h"
#include "core/result.h"
#include "mock-server/mockconfig.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace petstore::mock {

// Establishes who is calling: a Bearer JWT (HS256, RFC 6750) or an X-API-Key. It only rejects
// credentials that are presented and wrong (401 with WWW-Authenticate); whether a route needs
// credentials at all is the router's decision, since only it knows the operation.
class AuthMiddleware : public HttpMiddleware
{
public:
    struct Identity
    {
        core::Actor actor;
        std::vector<std::string> scopes;
    };

    using Clock = std::function<std::int64_t()>;   // Unix seconds
    explicit AuthMiddleware(Clock clock);

    void configure(std::string jwtSecret, std::vector<ApiKey> apiKeys);

    std::optional<core::HttpResponse> before(HttpExchange &exchange) override;
    void after(const HttpExchange &exchange, core::HttpResponse &response) override;

    // Verifies a bearer JWT issued for `tenantId` (also used by WebSocket endpoints, whose
    // browser clients pass it as ?token=). The error message says what is wrong with it.
    core::Result<Identity> verifyBearer(const std::string &token, const std::string &tenantId) const;
    // The identity behind an Authorization value ("Bearer <jwt>") or an X-API-Key as any
    // protocol carries them (HTTP headers, gRPC metadata); nullopt when neither is given.
    // Errors are Unauthorized and say what is wrong.
    core::Result<std::optional<Identity>> identify(const std::string &authorization, const std::string &apiKey,
                                                   const std::string &tenantId) const;

    // WWW-Authenticate value for a 401 (RFC 6750 §3); empty description for "no credentials".
    static std::string challenge(const std::string &description);

private:
    Clock m_clock;
    std::string m_secret;
    std::vector<ApiKey> m_apiKeys;
};

} // namespace petstore::mock
