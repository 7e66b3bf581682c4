// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "mock-server/grpc/grpccalllog.h"
#include "mock-server/grpc/grpcservicecontext.h"
#include "mock-server/grpc/mockthreadqueue.h"

#include <grpcpp/server.h>

#include <QObject>

#include <memory>

namespace petstore::mock {

class GrpcChatService;
class GrpcHealthService;
class GrpcOrderService;
class GrpcPetService;

// The mock's gRPC listener (DESIGN §4, port 50051): petstore.v1 PetService, OrderService and
// ChatService, grpc.health.v1.Health and server reflection (grpc.reflection.v1alpha, the only
// version grpc++ 1.51 serves), on grpc++'s callback API. Handlers run on gRPC's threads and
// hand their work to the mock thread through a MockThreadQueue; everything else here is used
// on the mock thread. TLS when the mock has a certificate and key.
class GrpcServer
{
public:
    struct Environment
    {
        const MockConfig *config = nullptr;
        core::TenantRegistry *tenants = nullptr;
        core::DomainEventBus *bus = nullptr;
        const AuthMiddleware *auth = nullptr;
        PaymentScheduler payments;
        GrpcCallLog::Sink traffic;
    };

    // Binds config.grpc.port on config.bind. Errors name the problem; a taken port is Conflict.
    static core::Result<std::unique_ptr<GrpcServer>> start(Environment environment);
    ~GrpcServer();

    int port() const { return m_port; }
    bool tls() const { return m_tls; }
    int activeCalls() const { return m_log.activeCalls(); }
    std::uint64_t totalCalls() const { return m_log.totalCalls(); }

    // Health turns NOT_SERVING, streams end with UNAVAILABLE, unary calls get up to
    // config.grpc.shutdownGraceMs to finish, then gRPC shuts down while this thread keeps
    // serving the queue (so no handler waits on a thread that waits on it).
    void stop();

private:
    explicit GrpcServer(Environment environment);

    MockThreadQueue m_queue;
    GrpcCallLog m_log;
    std::unique_ptr<QObject> m_timers;
    GrpcServiceContext m_context;
    std::unique_ptr<GrpcPetService> m_pets;
    std::unique_ptr<GrpcOrderService> m_orders;
    std::unique_ptr<GrpcChatService> m_chat;
    std::unique_ptr<GrpcHealthService> m_health;
    std::unique_ptr<grpc::Server> m_server;
    int m_port = 0;
    bool m_tls = false;
};

} // namespace petstore::mock
