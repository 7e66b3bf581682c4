// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/http/idempotencycache.h"
#include "core/jsonschema/openapirequestvalidator.h"
#include "mock-server/http/httpexchange.h"
#include "mock-server/mockconfig.h"

#include <QElapsedTimer>

#include <functional>
#include <map>
#include <set>
#include <string>

namespace petstore::mock {

// Routes by the OpenAPI document itself (the single source of truth, DESIGN §6): method + path
// -> operationId -> handler. Before a handler runs, the router answers 404 / 405 + Allow,
// enforces auth mode `required` and scopes, validates parameters (422), media type (415), JSON
// syntax (400) and the body schema (422), and replays Idempotency-Key requests. After it, GET
// responses get an ETag and If-None-Match yields 304.
class RestRouter
{
public:
    using Handler = std::function<core::HttpResponse(HttpExchange &)>;

    RestRouter(const core::OpenApiRequestValidator *api, const MockConfig *config);

    void handle(const std::string &operationId, Handler handler);
    // Operations that never need credentials (health, specs, registration, token, admin).
    void setPublic(const std::string &operationId) { m_public.insert(operationId); }
    // Scope a caller with credentials must hold for an operation (RFC 6750 §3.1 insufficient_scope).
    void requireScope(const std::string &operationId, std::string scope) { m_scopes[operationId] = std::move(scope); }
    // Operations that read their body themselves (GraphQL over HTTP answers malformed bodies in
    // its own error form): the router checks no media type, JSON syntax or schema for them.
    void acceptRawBody(const std::string &operationId) { m_rawBodies.insert(operationId); }
    // The non-standard QUERY method (draft-ietf-httpbis-safe-method-w-body) routed as POST.
    void allowQueryMethod(const std::string &operationId) { m_queryAliases.insert(operationId); }

    // Operations of the document without a handler (a test keeps this empty).
    std::vector<std::string> unhandledOperations() const;

    core::HttpResponse route(HttpExchange &exchange);
    void clearIdempotency() { m_idempotency = core::IdempotencyCache(); }

private:
    std::optional<core::HttpResponse> prepare(HttpExchange &exchange);
    core::HttpResponse dispatch(HttpExchange &exchange);
    void addCaching(const HttpExchange &exchange, core::HttpResponse &response) const;

    const core::OpenApiRequestValidator *m_api;
    const MockConfig *m_config;
    std::map<std::string, Handler> m_handlers;
    std::set<std::string> m_public;
    std::set<std::string> m_queryAliases;
    std::set<std::string> m_rawBodies;
    std::map<std::string, std::string> m_scopes;
    core::IdempotencyCache m_idempotency;
    QElapsedTimer m_clock;
};

} // namespace petstore::mock
