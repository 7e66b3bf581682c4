// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/grpc/grpcunarycall.h"

#include <memory>

namespace petstore::mock {

namespace {

// One unary call on the mock thread, finished exactly once: by the handler, a refusal, or the
// mock stopping while a chaos delay holds it.
struct UnaryState
{
    UnaryState(const GrpcServiceContext &context, const char *method, const GrpcCallMetadata &metadata)
        : exchange(context.log, method, metadata.peer, metadata.tenant) {}
    UnaryState(const UnaryState &) = delete;
    UnaryState &operator=(const UnaryState &) = delete;
    // A delay dropped with its timer (the mock stopped) still owes the call its status.
    ~UnaryState() { finish(grpc::Status(grpc::StatusCode::UNAVAILABLE, "the mock stopped")); }

    void finish(const grpc::Status &status)
    {
        if (finished)
            return;
        finished = true;
        if (status.ok())
            exchange.sent(*response);
        exchange.finish(status);
        reactor->Finish(status);
    }

    GrpcExchange exchange;
    grpc::ServerUnaryReactor *reactor = nullptr;
    google::protobuf::Message *response = nullptr;
    bool finished = false;
};

} // namespace

grpc::ServerUnaryReactor *GrpcUnaryCall::start(const GrpcServiceContext &context, grpc::CallbackServerContext *call,
                                               const char *method, const char *scope, const google::protobuf::Message *request,
                                               google::protobuf::Message *response, Handler handler)
{
    grpc::ServerUnaryReactor *reactor = call->DefaultReactor();
    context.queue->post([&context, call, reactor, method, scope, request, response, handler = std::move(handler),
                         metadata = GrpcCallMetadata::of(*call)] {
        auto state = std::make_shared<UnaryState>(context, method, metadata);
        state->reactor = reactor;
        state->response = response;
        state->exchange.received(*request);
        state->exchange.onAbort([weak = std::weak_ptr<UnaryState>(state)](const grpc::Status &status) {
            if (auto held = weak.lock())
                held->finish(status);
        });
        auto run = [&context, call, scope, handler, metadata, state] {
            if (state->finished)
                return;
            GrpcCaller caller;
            if (auto refused = context.admit(call->IsCancelled(), metadata, scope, caller))
                return state->finish(*refused);
            state->exchange.setTenant(caller.tenantId);
            state->finish(handler(caller));
        };
        context.afterLatency(context.timers, run);
    });
    return reactor;
}

} // namespace petstore::mock
