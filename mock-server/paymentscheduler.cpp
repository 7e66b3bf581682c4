// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/paymentscheduler.h"

#include <QTimer>

#include <algorithm>

namespace petstore::mock {

// Looks a tenant's store up when a payment timer fires. /admin/reset may have dropped the
// tenant (or replaced its store) since the payment was accepted: a dropped tenant is not
// seeded anew just to find the payment gone.
core::Store *PaymentScheduler::liveStore(const std::string &tenantId) const
{
    const std::vector<std::string> ids = m_tenants->tenantIds();
    if (std::find(ids.begin(), ids.end(), tenantId) == ids.end())
        return nullptr;
    auto store = m_tenants->store(tenantId);
    return store.ok() ? store.value() : nullptr;
}

// Failures when a timer fires are expected (the order was cancelled, which cancels the
// payment, or the data was reset) and end the processing quietly.
void PaymentScheduler::schedule(const std::string &tenantId, const std::string &paymentId) const
{
    const int delayMs = std::max(0, m_config->paymentDelayMs);
    const int settleAfterMs = delayMs - delayMs / 2;
    const PaymentScheduler self = *this;
    QTimer::singleShot(delayMs / 2, m_timerContext, [self, tenantId, paymentId, settleAfterMs] {
        core::Store *store = self.liveStore(tenantId);
        if (!store || !store->startPaymentProcessing(paymentId).ok())
            return;
        QTimer::singleShot(settleAfterMs, self.m_timerContext, [self, tenantId, paymentId] {
            if (core::Store *settling = self.liveStore(tenantId))
                settling->settlePayment(paymentId);
        });
    });
}

} // namespace petstore::mock
