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

#include <functional>
#include <memory>
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
    QObject *timers = nullptr;   // lives on the mock thread: chaos delays and chat pacing

    // Mock thread: the checks every call passes before its handler runs, in order: the client
    // has not given up (CANCELLED, DEADLINE_EXCEEDED), the mock's chaos errorRate (UNAVAILABLE;
    // not for public methods), tenant and credentials for `scope` (GrpcCaller::admit). Returns the refusal, or nothing
    // with `caller` filled in.
    std::optional<grpc::Status> admit(bool cancelled, const GrpcCallMetadata &metadata, const char *scope,
                                      GrpcCaller &caller) const;
    // The configured latency before a handler runs (chaos), in milliseconds.
    int latencyMs() const { return config->latencyMs; }
    // Mock thread: runs `open` now, or after the configured latency on a timer owned by
    // `callTimers` (made here if need be), so a call that ends while it waits never runs it.
    void afterLatency(std::unique_ptr<QObject> &callTimers, std::function<void()> open) const;
};

} // namespace petstore::mock
