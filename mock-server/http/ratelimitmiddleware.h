// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/http/tokenbucketratelimiter.h"
#include "mock-server/http/httpmiddleware.h"

#include <QElapsedTimer>

namespace petstore::mock {

// Token bucket per client (credential, else address). Every response carries the IETF
// RateLimit header fields (draft-ietf-httpapi-ratelimit-headers); refusals are 429 with
// Retry-After (RFC 6585 §4).
class RateLimitMiddleware : public HttpMiddleware
{
public:
    RateLimitMiddleware();
    void configure(int capacity, int refillPerSecond);

    std::optional<core::HttpResponse> before(HttpExchange &exchange) override;
    void after(const HttpExchange &exchange, core::HttpResponse &response) override;

private:
    core::TokenBucketRateLimiter m_limiter;
    QElapsedTimer m_clock;
    core::TokenBucketRateLimiter::Decision m_last{};
    bool m_unlimited = false;
};

} // namespace petstore::mock
