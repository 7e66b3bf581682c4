// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/petstore/store.h"
#include "core/petstore/tenantregistry.h"
#include "core/result.h"
#include "mock-server/accesspolicy.h"
#include "mock-server/http/authmiddleware.h"
#include "mock-server/mockconfig.h"

#include <grpcpp/server_context.h>

#include <chrono>
#include <string>
#include <vector>

namespace petstore::mock {

// What a call's metadata says about its caller, copied on gRPC's thread when the call arrives
// (metadata keys are lower case on the wire, gRPC over HTTP/2 §Requests).
struct GrpcCallMetadata
{
    std::string authorization;   // "Bearer <jwt>"
    std::string apiKey;          // x-api-key
    std::string tenant;          // x-tenant-id
    std::string peer;            // "127.0.0.1:53210"
    std::chrono::system_clock::time_point deadline;

    static GrpcCallMetadata of(const grpc::CallbackServerContext &context);
};

// Who is calling and in which tenant, once admitted on the mock thread.
struct GrpcCaller
{
    std::string tenantId;
    core::Store *store = nullptr;
    Caller caller;
    std::vector<std::string> scopes;

    // Tenant, then credentials, then the method's scope ("" for credentials without a scope,
    // nullptr for a public method): the refusal is INVALID_ARGUMENT for a bad tenant id,
    // UNAUTHENTICATED, or PERMISSION_DENIED.
    static core::Result<GrpcCaller> admit(const GrpcCallMetadata &metadata, const char *scope,
                                          core::TenantRegistry &tenants, const AuthMiddleware &auth, const MockConfig &config);
};

} // namespace petstore::mock
