// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mock-server/http/httpmiddleware.h"

#include <functional>
#include <string>
#include <vector>

namespace petstore::mock {

// CORS for browser frontends (WHATWG Fetch "CORS protocol"): answers preflights and marks
// every response to a cross-origin request as readable by that origin.
class CorsMiddleware : public HttpMiddleware
{
public:
    // Methods a path accepts, for Access-Control-Allow-Methods (empty: unknown path).
    using AllowedMethods = std::function<std::vector<std::string>(const std::string &path)>;
    explicit CorsMiddleware(AllowedMethods allowedMethods);

    std::optional<core::HttpResponse> before(HttpExchange &exchange) override;
    void after(const HttpExchange &exchange, core::HttpResponse &response) override;

private:
    AllowedMethods m_allowedMethods;
};

} // namespace petstore::mock
