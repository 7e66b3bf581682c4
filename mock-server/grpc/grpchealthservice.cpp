// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/grpc/grpchealthservice.h"

#include "mock-server/grpc/grpcserverstream.h"

namespace petstore::mock {

using grpc::health::v1::HealthCheckRequest;
using grpc::health::v1::HealthCheckResponse;

// One Watch call: the status now, then each change, until the client cancels.
class GrpcHealthWatch final : public GrpcServerStream<HealthCheckRequest, HealthCheckResponse>
{
public:
    GrpcHealthWatch(GrpcHealthService *service, grpc::CallbackServerContext *call, const HealthCheckRequest &request)
        : GrpcServerStream(service->m_context, "/grpc.health.v1.Health/Watch", nullptr, request), m_service(service)
    {
        begin(call);
    }

    void update()
    {
        HealthCheckResponse message;
        message.set_status(m_service->status(request().service()));
        send(std::move(message));
    }

private:
    void started(GrpcCaller) override
    {
        m_service->m_watches.insert(this);
        update();
    }
    void stopped() override { m_service->m_watches.erase(this); }

    GrpcHealthService *m_service;
};

GrpcHealthService::GrpcHealthService(const GrpcServiceContext &context, const std::set<std::string> &services)
    : m_context(context)
{
    m_statuses[""] = HealthCheckResponse::SERVING;
    for (const std::string &service : services)
        m_statuses[service] = HealthCheckResponse::SERVING;
}

GrpcHealthService::ServingStatus GrpcHealthService::status(const std::string &service) const
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    const auto it = m_statuses.find(service);
    return it == m_statuses.end() ? HealthCheckResponse::SERVICE_UNKNOWN : it->second;
}

void GrpcHealthService::setAll(ServingStatus status)
{
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        for (auto &entry : m_statuses)
            entry.second = status;
    }
    for (GrpcHealthWatch *watch : m_watches)
        watch->update();
}

grpc::ServerUnaryReactor *GrpcHealthService::Check(grpc::CallbackServerContext *call, const HealthCheckRequest *request,
                                                   HealthCheckResponse *response)
{
    grpc::ServerUnaryReactor *reactor = call->DefaultReactor();
    const ServingStatus current = status(request->service());
    if (current == HealthCheckResponse::SERVICE_UNKNOWN) {
        reactor->Finish(grpc::Status(grpc::StatusCode::NOT_FOUND, "unknown service " + request->service().substr(0, 200)));
    } else {
        response->set_status(current);
        reactor->Finish(grpc::Status::OK);
    }
    return reactor;
}

grpc::ServerWriteReactor<HealthCheckResponse> *GrpcHealthService::Watch(grpc::CallbackServerContext *call,
                                                                        const HealthCheckRequest *request)
{
    return new GrpcHealthWatch(this, call, *request);
}

} // namespace petstore::mock
