// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mock-server/grpc/grpcservicecontext.h"

#include "grpc/health/v1/health.grpc.pb.h"

#include <map>
#include <mutex>
#include <set>
#include <string>

namespace petstore::mock {

class GrpcHealthWatch;

// grpc.health.v1.Health (grpc/doc/health-checking.md) for the server ("") and each service.
// Public and outside the mock's chaos, like HTTP /health: a client must always be able to ask.
// Check answers on gRPC's thread from the statuses kept here behind a mutex; Watch streams are
// fed on the mock thread like every other stream.
class GrpcHealthService : public grpc::health::v1::Health::CallbackService
{
public:
    using ServingStatus = grpc::health::v1::HealthCheckResponse::ServingStatus;

    // Every service starts SERVING.
    GrpcHealthService(const GrpcServiceContext &context, const std::set<std::string> &services);

    // Mock thread: sets every status (NOT_SERVING while the mock stops) and tells the watchers.
    void setAll(ServingStatus status);
    // Any thread; SERVICE_UNKNOWN for a service the server does not have.
    ServingStatus status(const std::string &service) const;

    grpc::ServerUnaryReactor *Check(grpc::CallbackServerContext *call, const grpc::health::v1::HealthCheckRequest *request,
                                    grpc::health::v1::HealthCheckResponse *response) override;
    grpc::ServerWriteReactor<grpc::health::v1::HealthCheckResponse> *Watch(
        grpc::CallbackServerContext *call, const grpc::health::v1::HealthCheckRequest *request) override;

private:
    friend class GrpcHealthWatch;

    const GrpcServiceContext &m_context;
    mutable std::mutex m_mutex;
    std::map<std::string, ServingStatus> m_statuses;
    std::set<GrpcHealthWatch *> m_watches;   // mock thread
};

} // namespace petstore::mock
