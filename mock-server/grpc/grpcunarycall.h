// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mock-server/grpc/grpcservicecontext.h"

#include <google/protobuf/message.h>
#include <grpcpp/support/server_callback.h>

#include <functional>

namespace petstore::mock {

// A unary call's way through the mock: copied metadata and a task for the mock thread, which
// admits the caller (GrpcServiceContext::admit), waits out the chaos latency, runs the handler
// against the caller's store and finishes the call, recording it in Traffic.
class GrpcUnaryCall
{
public:
    // Mock thread; fills the response and returns the call's status.
    using Handler = std::function<grpc::Status(GrpcCaller &caller)>;

    // gRPC's thread, from a CallbackService method: `method` is the full name
    // ("/petstore.v1.PetService/GetPet"), `scope` what the credentials need ("" for none).
    static grpc::ServerUnaryReactor *start(const GrpcServiceContext &context, grpc::CallbackServerContext *call,
                                           const char *method, const char *scope, const google::protobuf::Message *request,
                                           google::protobuf::Message *response, Handler handler);
};

} // namespace petstore::mock
