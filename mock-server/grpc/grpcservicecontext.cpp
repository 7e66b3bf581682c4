// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/grpc/grpcservicecontext.h"

#include "mock-server/grpc/grpcerrorstatus.h"

#include <QRandomGenerator>

namespace petstore::mock {

std::optional<grpc::Status> GrpcServiceContext::admit(bool cancelled, const GrpcCallMetadata &metadata, const char *scope,
                                                      GrpcCaller &caller) const
{
    if (std::chrono::system_clock::now() >= metadata.deadline)
        return grpc::Status(grpc::StatusCode::DEADLINE_EXCEEDED, "the deadline passed before the mock got to the call");
    if (cancelled)
        return grpc::Status(grpc::StatusCode::CANCELLED, "the client cancelled the call");
    // Public methods (health) are the control plane and, like HTTP /health, exempt from chaos.
    if (scope && config->errorRate > 0.0 && QRandomGenerator::global()->generateDouble() < config->errorRate)
        return grpc::Status(grpc::StatusCode::UNAVAILABLE,
                            "chaos: the mock's errorRate failed this call (PUT /admin/config to change it)");
    auto admitted = GrpcCaller::admit(metadata, scope, *tenants, *auth, *config);
    if (!admitted.ok())
        return grpcStatusFor(admitted.error());
    caller = std::move(admitted).value();
    return std::nullopt;
}

} // namespace petstore::mock
