// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/petstore/tenantregistry.h"
#include "mock-server/mockconfig.h"

#include <QObject>

#include <string>

namespace petstore::mock {

// DESIGN §5: payments settle asynchronously. A payment accepted over any protocol goes
// PENDING -> PROCESSING after half the configured delay and -> SUCCEEDED/FAILED after the
// other half, so clients and event subscribers see every state. Timers run on
// `timerContext`'s thread and die with it.
class PaymentScheduler
{
public:
    PaymentScheduler(const MockConfig *config, core::TenantRegistry *tenants, QObject *timerContext)
        : m_config(config), m_tenants(tenants), m_timerContext(timerContext) {}

    void schedule(const std::string &tenantId, const std::string &paymentId) const;

private:
    core::Store *liveStore(const std::string &tenantId) const;

    const MockConfig *m_config;
    core::TenantRegistry *m_tenants;
    QObject *m_timerContext;
};

} // namespace petstore::mock
