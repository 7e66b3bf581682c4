// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/http/ratelimitmiddleware.h"

#include "mock-server/http/httpproblemresponse.h"

#include <functional>

namespace petstore::mock {

RateLimitMiddleware::RateLimitMiddleware()
{
    m_clock.start();
}

void RateLimitMiddleware::configure(int capacity, int refillPerSecond)
{
    m_limiter.configure(capacity, refillPerSecond);
    m_unlimited = capacity == 0;
}

std::optional<core::HttpResponse> RateLimitMiddleware::before(HttpExchange &exchange)
{
    if (m_unlimited)
        return std::nullopt;
    // Key by credential when one is presented (so clients behind one address are separate),
    // hashed so the secret itself is not kept; otherwise by address.
    std::string key = exchange.header("Authorization");
    if (key.empty())
        key = exchange.header("X-API-Key");
    key = key.empty() ? exchange.client.substr(0, exchange.client.rfind(':'))
                      : "c:" + std::to_string(std::hash<std::string>{}(key));
    m_last = m_limiter.take(key, m_clock.elapsed());
    if (m_last.allowed)
        return std::nullopt;
    core::HttpResponse response = HttpProblemResponse::forStatus(
        429, "rate limit of " + std::to_string(m_last.limit) + " requests exceeded; retry in "
                 + std::to_string(m_last.retryAfterSeconds) + " s", exchange);
    response.addHeader("Retry-After", std::to_string(m_last.retryAfterSeconds));
    return response;
}

void RateLimitMiddleware::after(const HttpExchange &, core::HttpResponse &response)
{
    if (m_unlimited)
        return;
    response.addHeader("RateLimit-Limit", std::to_string(m_last.limit));
    response.addHeader("RateLimit-Remaining", std::to_string(m_last.remaining));
    response.addHeader("RateLimit-Reset", std::to_string(m_last.resetSeconds));
}

} // namespace petstore::mock
