// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mock-server/http/httpmiddleware.h"

namespace petstore::mock {

// Echoes a sane X-Request-Id or makes one; it becomes every problem's traceId.
class RequestIdMiddleware : public HttpMiddleware
{
public:
    std::optional<core::HttpResponse> before(HttpExchange &exchange) override;
    void after(const HttpExchange &exchange, core::HttpResponse &response) override;
};

} // namespace petstore::mock
