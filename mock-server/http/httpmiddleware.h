// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/http/httpmessage.h"
#include "mock-server/http/httpexchange.h"

#include <optional>

namespace petstore::mock {

// One link of the HTTP middleware chain (DESIGN §4). before() runs in chain order and may end
// the exchange early by returning a response; after() runs in reverse order for every link
// whose before() ran, also on early responses, so headers such as RateLimit-* and
// X-Request-Id are on every reply.
class HttpMiddleware
{
public:
    virtual ~HttpMiddleware() = default;
    virtual std::optional<core::HttpResponse> before(HttpExchange &exchange) = 0;
    virtual void after(const HttpExchange &exchange, core::HttpResponse &response) = 0;
};

} // namespace petstore::mock
