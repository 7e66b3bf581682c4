// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/http/requestidmiddleware.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cstdio>

namespace petstore::mock {

namespace {

bool acceptable(const std::string &id)
{
    // Printable ASCII without spaces, bounded: safe to echo into headers and logs.
    return !id.empty() && id.size() <= 128
        && std::all_of(id.begin(), id.end(), [](char c) { return c > 0x20 && c < 0x7f; });
}

} // namespace

std::optional<core::HttpResponse> RequestIdMiddleware::before(HttpExchange &exchange)
{
    std::string id = exchange.header("X-Request-Id");
    if (!acceptable(id)) {
        char buffer[33];
        std::snprintf(buffer, sizeof buffer, "%016llx%016llx",
                      static_cast<unsigned long long>(QRandomGenerator::global()->generate64()),
                      static_cast<unsigned long long>(QRandomGenerator::global()->generate64()));
        id = buffer;
    }
    exchange.requestId = std::move(id);
    return std::nullopt;
}

void RequestIdMiddleware::after(const HttpExchange &exchange, core::HttpResponse &response)
{
    response.addHeader("X-Request-Id", exchange.requestId);
}

} // namespace petstore::mock
