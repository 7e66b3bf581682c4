// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mock-server/http/httpmiddleware.h"

namespace petstore::mock {

// Failure injection for clients under test: per request with `Prefer: latency=MS` and
// `Prefer: code=NNN` (RFC 7240 preferences, confirmed in Preference-Applied), globally with a
// fixed latency and a random error rate. The control plane (/admin, /health) is exempt so a
// broken mock can always be repaired.
class ChaosMiddleware : public HttpMiddleware
{
public:
    static constexpr int MaxLatencyMs = 60000;

    void configure(int latencyMs, double errorRate);

    std::optional<core::HttpResponse> before(HttpExchange &exchange) override;
    void after(const HttpExchange &exchange, core::HttpResponse &response) override;

private:
    int m_latencyMs = 0;
    double m_errorRate = 0.0;
};

} // namespace petstore::mock
