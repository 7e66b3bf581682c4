// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/petstore/tenantregistry.h"

#include <QLoggingCategory>

namespace petstore::core {

namespace {

Q_LOGGING_CATEGORY(lcTenants, "petstore.core.petstore")

constexpr std::size_t MaxTenantIdLength = 64;

} // namespace

TenantRegistry::TenantRegistry(nlohmann::json seed, DomainEventBus *bus, Clock clock,
                               std::size_t maxTenants)
    : m_template(std::make_unique<Store>(DefaultTenant, bus, clock)),
      m_bus(bus),
      m_clock(std::move(clock)),
      m_maxTenants(maxTenants < 1 ? 1 : maxTenants)
{
    m_seedStatus = m_template->loadSeed(seed);
    if (!m_seedStatus) {
        qCWarning(lcTenants, "seed rejected, tenants start empty: %s",
                  m_seedStatus.error().message.c_str());
    }
    reset();
}

bool TenantRegistry::isValidTenantId(const std::string &id)
{
    if (id.empty() || id.size() > MaxTenantIdLength)
        return false;
    for (const char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || c == '.' || c == '_' || c == '-';
        if (!ok)
            return false;
    }
    return true;
}

Result<Store *> TenantRegistry::store(const std::string &tenantId)
{
    const std::string id = tenantId.empty() ? std::string(DefaultTenant) : tenantId;
    const auto it = m_stores.find(id);
    if (it != m_stores.end())
        return it->second.get();
    if (!isValidTenantId(id)) {
        return Error::make(ErrorKind::Validation, "invalid tenant id",
                           {{"tenantId", "must be 1 to 64 of A-Z a-z 0-9 . _ -", "pattern"}});
    }
    if (m_stores.size() >= m_maxTenants) {
        return Error::make(ErrorKind::Conflict, "the limit of " + std::to_string(m_maxTenants)
                                                    + " tenants is reached");
    }
    // Copying the seeded template costs microseconds; parsing the seed again would cost far more.
    auto created = std::make_unique<Store>(id, *m_template);
    Store *raw = created.get();
    m_stores.emplace(id, std::move(created));
    return raw;
}

Store &TenantRegistry::defaultStore()
{
    return *m_stores.at(DefaultTenant);
}

std::vector<std::string> TenantRegistry::tenantIds() const
{
    std::vector<std::string> ids;
    ids.reserve(m_stores.size());
    for (const auto &entry : m_stores)
        ids.push_back(entry.first);
    return ids;
}

void TenantRegistry::reset()
{
    m_stores.clear();
    m_stores.emplace(DefaultTenant, std::make_unique<Store>(DefaultTenant, *m_template));
}

nlohmann::json TenantRegistry::snapshot() const
{
    nlohmann::json tenants = nlohmann::json::object();
    for (const auto &entry : m_stores)
        tenants[entry.first] = entry.second->snapshot();
    return {{"tenants", std::move(tenants)}};
}

Status TenantRegistry::restore(const nlohmann::json &snapshot)
{
    const auto tenants = snapshot.is_object() ? snapshot.find("tenants") : snapshot.end();
    if (!snapshot.is_object() || tenants == snapshot.end() || !tenants->is_object()) {
        return Error::make(ErrorKind::Validation, "the snapshot is not valid",
                           {{"/tenants", "must be an object of tenant snapshots", "type"}});
    }
    if (tenants->size() > m_maxTenants) {
        return Error::make(ErrorKind::Validation, "the snapshot is not valid",
                           {{"/tenants", "holds more than " + std::to_string(m_maxTenants)
                                             + " tenants", "maxProperties"}});
    }
    std::map<std::string, std::unique_ptr<Store>> restored;
    for (const auto &entry : tenants->items()) {
        const std::string at = "/tenants/" + entry.key();
        if (!isValidTenantId(entry.key())) {
            return Error::make(ErrorKind::Validation, "the snapshot is not valid",
                               {{at, "is not a valid tenant id", "pattern"}});
        }
        auto store = std::make_unique<Store>(entry.key(), m_bus, m_clock);
        const Status status = store->restore(entry.value());
        if (!status) {
            Error error = status.error();
            for (FieldError &field : error.fields)
                field.field = at + field.field;
            return error;
        }
        restored.emplace(entry.key(), std::move(store));
    }
    if (restored.find(DefaultTenant) == restored.end())
        restored.emplace(DefaultTenant, std::make_unique<Store>(DefaultTenant, *m_template));
    m_stores = std::move(restored);
    return Done{};
}

} // namespace petstore::core
