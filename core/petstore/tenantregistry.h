// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/petstore/store.h"
#include "core/result.h"

#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace petstore::core {

// Isolated stores by tenant id (X-Tenant-ID, DESIGN §5). A tenant is seeded from the seed
// document on first use. Ids are 1..64 of [A-Za-z0-9._-]; the number of tenants is bounded so
// memory cannot grow without limit (Validation / Conflict errors otherwise).
class TenantRegistry
{
public:
    static constexpr const char *DefaultTenant = "default";

    TenantRegistry(nlohmann::json seed, DomainEventBus *bus, Clock clock = systemNow,
                   std::size_t maxTenants = 256);

    Result<Store *> store(const std::string &tenantId);   // empty id means DefaultTenant
    Store &defaultStore();
    std::vector<std::string> tenantIds() const;

    void reset();  // drops every tenant; the default one is re-seeded
    nlohmann::json snapshot() const;                  // {"tenants": {id: storeSnapshot}}
    Status restore(const nlohmann::json &snapshot);

    static bool isValidTenantId(const std::string &id);
    // Whether the seed document loaded; when it did not, tenants start empty.
    const Status &seedStatus() const { return m_seedStatus; }

private:
    // The seed parsed once into a store; every new tenant is a copy of it (cheap, no parsing).
    std::unique_ptr<Store> m_template;
    Status m_seedStatus = Done{};
    DomainEventBus *m_bus;
    Clock m_clock;
    std::size_t m_maxTenants;
    std::map<std::string, std::unique_ptr<Store>> m_stores;
};

} // namespace petstore::core
