// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/petstore/domainevents.h"
#include "core/petstore/tenantregistry.h"
#include "mock-server/grpc/grpccaller.h"
#include "mock-server/grpc/grpccalllog.h"
#include "mock-server/grpc/mockthreadqueue.h"
#include "mock-server/http/authmiddleware.h"
#include "mock-server/mockconfig.h"
#include "mock-server/paymentscheduler.h"

#include <QObject>
#include <QTimer>

#include <optional>

namespace petstore::mock {

// What the gRPC services share with the rest of the mock. Everything but `queue` is used on
// the mock thread only; gRPC's threads reach it by posting to `queue`.
struct GrpcServiceContext
{
    MockThreadQueue *queue = nullptr;
    const MockConfig *config = nullptr;
    core::TenantRegistry *tenants = nullptr;
    core::DomainEventBus *bus = nullptr;
    const AuthMiddleware *auth = nullptr;
    PaymentScheduler payments;
    GrpcCallLog *log = nullptr;
    QObject *timers = nullptr;   // lives on the mock thread: unary calls' chaos delays

    // Mock thread: the checks every call passes before its handler runs, in order: the client
    // has not given up (CANCELLED, DEADLINE_EXCEEDED), the mock's chaos errorRate (UNAVAILABLE;
    // not for public methods), tenant and credentials for `scope` (GrpcCaller::admit). Returns the refusal, or nothing
    // with `caller` filled in.
    std::optional<grpc::Status> admit(bool cancelled, const GrpcCallMetadata &metadata, const char *scope,
                                      GrpcCaller &caller) const;
    // Mock thread: runs `open` now, or after the configured chaos latency on a timer owned by
    // `owner`, so a call that ends (deleting its owner) while it waits never runs it.
    // A template so the common case, no latency, calls `open` without copying it.
    template<typename Open>
    void afterLatency(QObject *owner, Open open) const
    {
        if (config->latencyMs <= 0)
            return open();
        QTimer::singleShot(config->latencyMs, owner, std::move(open));
    }
};

} // namespace petstore::mock
