// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/http/corsmiddleware.h"

#include "mock-server/http/httpproblemresponse.h"

namespace petstore::mock {

CorsMiddleware::CorsMiddleware(AllowedMethods allowedMethods) : m_allowedMethods(std::move(allowedMethods)) {}

std::optional<core::HttpResponse> CorsMiddleware::before(HttpExchange &exchange)
{
    const bool preflight = exchange.request.method == "OPTIONS" && exchange.request.hasHeader("Origin")
        && exchange.request.hasHeader("Access-Control-Request-Method");
    if (!preflight)
        return std::nullopt;
    std::vector<std::string> methods = m_allowedMethods(exchange.path);
    if (methods.empty())
        return HttpProblemResponse::forStatus(404, "no resource at " + exchange.path, exchange);
    methods.push_back("OPTIONS");
    core::HttpResponse response;
    response.status = 204;
    response.addHeader("Access-Control-Allow-Methods", core::joinFieldValues(methods));
    const std::string requested = exchange.header("Access-Control-Request-Headers");
    response.addHeader("Access-Control-Allow-Headers",
                       requested.empty() ? "Authorization, Content-Type, X-API-Key" : requested);
    response.addHeader("Access-Control-Max-Age", "600");
    return response;
}

void CorsMiddleware::after(const HttpExchange &exchange, core::HttpResponse &response)
{
    const std::string origin = exchange.header("Origin");
    if (origin.empty())
        return;
    // Echo the origin (not "*") so requests made with credentials are readable too.
    response.addHeader("Access-Control-Allow-Origin", origin);
    response.addHeader("Access-Control-Allow-Credentials", "true");
    response.addHeader("Vary", "Origin");
    response.addHeader("Access-Control-Expose-Headers",
                       "ETag, Location, Retry-After, RateLimit-Limit, RateLimit-Remaining, "
                       "RateLimit-Reset, X-Request-Id, Idempotent-Replayed, Preference-Applied");
}

} // namespace petstore::mock
