// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/http/tenantmiddleware.h"

#include "mock-server/http/httpproblemresponse.h"

namespace petstore::mock {

TenantMiddleware::TenantMiddleware(core::TenantRegistry *tenants) : m_tenants(tenants) {}

std::optional<core::HttpResponse> TenantMiddleware::before(HttpExchange &exchange)
{
    std::string tenant = exchange.header("X-Tenant-ID");
    // Browsers' EventSource and WebSocket cannot send headers: streams name the tenant in the
    // query instead (DESIGN §5).
    if (tenant.empty())
        tenant = exchange.queryValue("tenant");
    if (tenant.empty())
        tenant = core::TenantRegistry::DefaultTenant;
    auto store = m_tenants->store(tenant);
    if (!store.ok()) {
        core::Error error = store.error();
        for (auto &field : error.fields)
            field.field = "header.X-Tenant-ID";
        return HttpProblemResponse::fromError(error, exchange);
    }
    exchange.tenantId = tenant;
    exchange.store = store.value();
    return std::nullopt;
}

void TenantMiddleware::after(const HttpExchange &exchange, core::HttpResponse &response)
{
    if (exchange.tenantId != core::TenantRegistry::DefaultTenant)
        response.addHeader("X-Tenant-ID", exchange.tenantId);
}

} // namespace petstore::mock
