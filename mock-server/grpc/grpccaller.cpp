// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/grpc/grpccaller.h"

namespace petstore::mock {

namespace {

std::string metadataValue(const grpc::CallbackServerContext &context, const char *key)
{
    const auto &metadata = context.client_metadata();
    const auto it = metadata.find(key);
    return it == metadata.end() ? std::string() : std::string(it->second.data(), it->second.size());
}

// gRPC names a peer as a URI ("ipv4:127.0.0.1:53210", "ipv6:%5B::1%5D:53210"); the Traffic
// dock shows every protocol's client as host:port, so the scheme and escapes go.
std::string clientAddress(std::string peer)
{
    for (const char *scheme : {"ipv4:", "ipv6:"})
        if (peer.rfind(scheme, 0) == 0)
            peer.erase(0, 5);
    for (const auto &[escaped, plain] : {std::pair{"%5B", "["}, std::pair{"%5D", "]"}})
        for (auto at = peer.find(escaped); at != std::string::npos; at = peer.find(escaped))
            peer.replace(at, 3, plain);
    return peer;
}

} // namespace

GrpcCallMetadata GrpcCallMetadata::of(const grpc::CallbackServerContext &context)
{
    GrpcCallMetadata metadata;
    metadata.authorization = metadataValue(context, "authorization");
    metadata.apiKey = metadataValue(context, "x-api-key");
    metadata.tenant = metadataValue(context, "x-tenant-id");
    metadata.peer = clientAddress(context.peer());
    metadata.deadline = context.deadline();
    return metadata;
}

core::Result<GrpcCaller> GrpcCaller::admit(const GrpcCallMetadata &metadata, const char *scope,
                                           core::TenantRegistry &tenants, const AuthMiddleware &auth, const MockConfig &config)
{
    GrpcCaller admitted;
    admitted.tenantId = metadata.tenant.empty() ? std::string(core::TenantRegistry::DefaultTenant) : metadata.tenant;
    auto store = tenants.store(admitted.tenantId);
    if (!store.ok())
        return store.error();
    admitted.store = store.value();
    auto identity = auth.identify(metadata.authorization, metadata.apiKey, admitted.tenantId);
    if (!identity.ok())
        return identity.error();
    if (identity.value()) {
        admitted.caller = {true, identity.value()->actor};
        admitted.scopes = identity.value()->scopes;
    }
    if (!scope)
        return admitted;
    if (auto allowed = AccessPolicy::requireScope(admitted.caller, admitted.scopes, config.auth == AuthMode::Required, scope);
        !allowed.ok())
        return allowed.error();
    return admitted;
}

} // namespace petstore::mock
