// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/petstore/tenantregistry.h"
#include "mock-server/mockconfig.h"

#include <QObject>

#include <cstdint>
#include <functional>

namespace petstore::mock {

// What REST route groups need beyond the exchange: live configuration, the tenants (for work
// that outlives a request, such as payment processing), a context object for timers on the
// mock thread, and the Unix clock used for tokens.
struct RestEnvironment
{
    const MockConfig *config = nullptr;
    core::TenantRegistry *tenants = nullptr;
    QObject *timerContext = nullptr;
    std::function<std::int64_t()> unixSeconds;
};

} // namespace petstore::mock
