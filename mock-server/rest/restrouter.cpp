// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/rest/restrouter.h"

#include "core/http/mediatype.h"

#include "core/http/etag.h"
#include "mock-server/http/authmiddleware.h"
#include "mock-server/http/httpproblemresponse.h"

#include <algorithm>
#include <cctype>

namespace petstore::mock {

RestRouter::RestRouter(const core::OpenApiRequestValidator *api, const MockConfig *config)
    : m_api(api), m_config(config)
{
    m_clock.start();
}

void RestRouter::handle(const std::string &operationId, Handler handler)
{
    m_handlers[operationId] = std::move(handler);
}

std::vector<std::string> RestRouter::unhandledOperations() const
{
    std::vector<std::string> missing;
    const auto paths = m_api->document().find("paths");
    if (paths == m_api->document().end())
        return missing;
    for (const auto &[path, item] : paths->items())
        for (const auto &[method, operation] : item.items())
            if (operation.is_object() && operation.contains("operationId")
                && !m_handlers.count(operation.at("operationId").get<std::string>()))
                missing.push_back(operation.at("operationId").get<std::string>());
    return missing;
}

core::HttpResponse RestRouter::route(HttpExchange &exchange)
{
    if (auto early = prepare(exchange))
        return std::move(*early);
    core::HttpResponse response = dispatch(exchange);
    addCaching(exchange, response);
    return response;
}

std::optional<core::HttpResponse> RestRouter::prepare(HttpExchange &exchange)
{
    const std::string &method = exchange.request.method;
    const bool query = method == "QUERY";
    const std::string matchMethod = method == "HEAD" ? "GET" : query ? "POST" : method;
    auto match = m_api->match(matchMethod, exchange.path);
    if (!match || (query && !m_queryAliases.count(match->operationId))) {
        std::vector<std::string> allowed = m_api->allowedMethods(exchange.path);
        if (allowed.empty())
            return HttpProblemResponse::forStatus(404, "no resource at " + exchange.path, exchange);
        if (std::find(allowed.begin(), allowed.end(), "GET") != allowed.end())
            allowed.push_back("HEAD");
        if (auto post = m_api->match("POST", exchange.path); post && m_queryAliases.count(post->operationId))
            allowed.push_back("QUERY");
        std::sort(allowed.begin(), allowed.end());
        core::HttpResponse response = HttpProblemResponse::forStatus(
            405, method + " is not allowed on " + exchange.path + "; use " + core::joinFieldValues(allowed), exchange);
        response.addHeader("Allow", core::joinFieldValues(allowed));   // RFC 9110 §15.5.6
        return response;
    }
    exchange.match = std::move(*match);
    const std::string &operationId = exchange.match->operationId;

    if (!m_public.count(operationId)) {
        if (m_config->auth == AuthMode::Required && !exchange.authenticated) {
            core::HttpResponse response = HttpProblemResponse::forStatus(
                401, "credentials required: send a Bearer token from POST /v1/auth/tokens or an X-API-Key", exchange);
            response.addHeader("WWW-Authenticate", AuthMiddleware::challenge({}));
            return response;
        }
        const auto scope = m_scopes.find(operationId);
        if (exchange.authenticated && scope != m_scopes.end() && !exchange.hasScope(scope->second)) {
            core::HttpResponse response = HttpProblemResponse::forStatus(
                403, "the token lacks the scope " + scope->second, exchange);
            response.addHeader("WWW-Authenticate", "Bearer realm=\"petstore\", error=\"insufficient_scope\", scope=\""
                                                       + scope->second + "\"");
            return response;
        }
    }

    auto params = m_api->validateParameters(*exchange.match, exchange.query);
    if (!params.ok())
        return HttpProblemResponse::fromError(params.error(), exchange);
    exchange.params = std::move(params).value();

    if (!m_api->hasRequestBody(*exchange.match) || m_rawBodies.count(operationId))
        return std::nullopt;
    const std::string &body = exchange.request.body;
    if (body.empty()) {
        if (!m_api->requestBodyRequired(*exchange.match))
            return std::nullopt;
        return HttpProblemResponse::make(
            core::ProblemDetails::validation({{"/", "a request body is required", "required"}},
                                             "the request has no body"), exchange);
    }
    const std::string mediaType = core::MediaType::parse(exchange.header("Content-Type")).essence;
    if (!m_api->acceptsMediaType(*exchange.match, mediaType)) {
        std::vector<std::string> accepted;
        for (const char *type : {"application/json", "application/merge-patch+json"})
            if (m_api->acceptsMediaType(*exchange.match, type))
                accepted.push_back(type);
        return HttpProblemResponse::forStatus(
            415, "Content-Type " + (mediaType.empty() ? std::string("(none)") : mediaType)
                     + " is not supported here; send " + core::joinFieldValues(accepted), exchange);
    }
    nlohmann::json json = nlohmann::json::parse(body, nullptr, false);
    if (json.is_discarded()) {
        std::string detail = "the body is not valid JSON";
        try {
            const nlohmann::json strict = nlohmann::json::parse(body);
            Q_UNUSED(strict);
        } catch (const nlohmann::json::parse_error &e) {
            detail += ": syntax error at byte " + std::to_string(e.byte);
        }
        return HttpProblemResponse::make(core::ProblemDetails::malformedJson(detail), exchange);
    }
    std::vector<core::FieldError> violations = m_api->validateBody(*exchange.match, mediaType, json);
    if (!violations.empty())
        return HttpProblemResponse::make(core::ProblemDetails::validation(std::move(violations),
                                                                          "the body does not match the schema"), exchange);
    exchange.body = std::move(json);
    return std::nullopt;
}

core::HttpResponse RestRouter::dispatch(HttpExchange &exchange)
{
    const auto handler = m_handlers.find(exchange.match->operationId);
    if (handler == m_handlers.end())
        return HttpProblemResponse::forStatus(501, exchange.match->operationId + " is not implemented", exchange);

    // Idempotency-Key on POST (draft-ietf-httpapi-idempotency-key-header): the first response
    // is replayed for the same key and body; another body with the same key is refused.
    const std::string key = exchange.request.method == "POST" ? exchange.header("Idempotency-Key") : std::string();
    if (key.empty())
        return handler->second(exchange);
    if (!core::IdempotencyCache::isValidKey(key))
        return HttpProblemResponse::forStatus(400, "Idempotency-Key must be 1 to 255 printable characters", exchange);
    const std::string scope = exchange.tenantId + '|' + exchange.actor.userId.value_or("anonymous") + '|'
        + exchange.request.method + ' ' + exchange.path;
    auto lookup = m_idempotency.lookup(scope, key, exchange.request.body, m_clock.elapsed());
    if (lookup.outcome == core::IdempotencyCache::Outcome::Replay) {
        lookup.response.setHeader("Idempotent-Replayed", "true");
        return lookup.response;
    }
    if (lookup.outcome == core::IdempotencyCache::Outcome::Mismatch)
        return HttpProblemResponse::make(core::ProblemDetails::idempotencyKeyReused(
            "Idempotency-Key " + key + " was used with a different request body"), exchange);
    core::HttpResponse response = handler->second(exchange);
    if (response.status < 500)
        m_idempotency.store(scope, key, exchange.request.body, response, m_clock.elapsed());
    return response;
}

void RestRouter::addCaching(const HttpExchange &exchange, core::HttpResponse &response) const
{
    const std::string &method = exchange.request.method;
    if ((method != "GET" && method != "HEAD") || response.status != 200)
        return;
    if (exchange.streamBody) {
        // A stream has no representation to validate: every request opens a new one.
        response.setHeader("Cache-Control", "no-store");
        return;
    }
    if (!response.hasHeader("ETag"))
        response.addHeader("ETag", core::ETag::strongFor(response.body));
    if (!response.hasHeader("Cache-Control"))
        response.addHeader("Cache-Control", "no-cache");   // cache, but revalidate with the ETag
    const std::string ifNoneMatch = exchange.header("If-None-Match");
    if (!ifNoneMatch.empty() && !core::ETag::noneMatch(ifNoneMatch, response.header("ETag"))) {
        response.status = 304;   // RFC 9110 §13.1.2
        response.body.clear();
        response.headers.erase(std::remove_if(response.headers.begin(), response.headers.end(),
                                              [](const auto &h) { return core::headerNameEquals(h.first, "Content-Type"); }),
                               response.headers.end());
    }
}

} // namespace petstore::mock
