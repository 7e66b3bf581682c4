// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/petstore/tenantregistry.h"
#include "mock-server/http/httpmiddleware.h"

namespace petstore::mock {

// Selects the tenant's isolated store from X-Tenant-ID (DESIGN §5), seeding it on first use.
class TenantMiddleware : public HttpMiddleware
{
public:
    explicit TenantMiddleware(core::TenantRegistry *tenants);

    std::optional<core::HttpResponse> before(HttpExchange &exchange) override;
    void after(const HttpExchange &exchange, core::HttpResponse &response) override;

private:
    core::TenantRegistry *m_tenants;
};

} // namespace petstore::mock
