// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/jsonschema/openapirequestvalidator.h"
#include "core/petstore/store.h"
#include "core/protocols/http1/http1request.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace petstore::mock {

class HttpResponseStream;

// Everything known about one request while it travels through the middleware chain and the
// router. Middleware fills the identity, tenant and chaos members; the router fills the match.
struct HttpExchange
{
    core::Http1Request request;
    std::string path;                                         // raw path, no query
    std::vector<std::pair<std::string, std::string>> query;   // percent-decoded, in order
    std::string client;                                       // "ip:port"
    std::string requestId;
    std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();

    // Identity (AuthMiddleware).
    core::Actor actor;
    std::vector<std::string> scopes;
    bool authenticated = false;
    std::string rateLimitKey;

    // Tenant (TenantMiddleware).
    std::string tenantId = "default";
    core::Store *store = nullptr;

    // Routing (RestRouter).
    std::optional<core::OpenApiRequestValidator::Match> match;
    nlohmann::json params;   // {"path": {...}, "query": {...}} coerced to the schema types
    nlohmann::json body;     // parsed JSON body, or null

    // Chaos (ChaosMiddleware): extra latency before the response leaves.
    int delayMs = 0;
    std::vector<std::string> preferenceApplied;

    // Set by a handler whose body is produced over time (SSE, streamed chat): receives the
    // stream once the response head is on the wire. Ignored for error responses.
    std::function<void(HttpResponseStream &)> streamBody;

    std::string header(std::string_view name) const { return request.header(name); }
    bool hasScope(std::string_view scope) const;
    std::string queryValue(std::string_view name) const;   // first value, or empty
};

} // namespace petstore::mock
