// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/grpc/grpcorderservice.h"

#include "mock-server/grpc/grpcerrorstatus.h"
#include "mock-server/grpc/grpcordertracking.h"
#include "mock-server/grpc/grpcunarycall.h"
#include "mock-server/grpc/petstoreprotos.h"

#include <QUrl>

namespace petstore::mock {

grpc::ServerUnaryReactor *GrpcOrderService::PlaceOrder(grpc::CallbackServerContext *call, const v1::PlaceOrderRequest *request,
                                                       v1::PlaceOrderResponse *response)
{
    return GrpcUnaryCall::start(m_context, call, "/petstore.v1.OrderService/PlaceOrder", "write:orders", request, response,
                                [request, response](GrpcCaller &caller) {
        if (request->pet_id().empty())
            return invalidArgument("pet_id is required");
        std::optional<std::string> callbackUrl;
        if (!request->callback_url().empty()) {
            const QUrl url(QString::fromStdString(request->callback_url()), QUrl::StrictMode);
            if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) || url.host().isEmpty())
                return invalidArgument("callback_url must be an absolute http or https URL");
            callbackUrl = request->callback_url();
        }
        return PetstoreProtos::reply(caller.store->placeOrder(request->pet_id(), caller.caller.actor, callbackUrl), response->mutable_order());
    });
}

grpc::ServerUnaryReactor *GrpcOrderService::GetOrder(grpc::CallbackServerContext *call, const v1::GetOrderRequest *request,
                                                     v1::GetOrderResponse *response)
{
    return GrpcUnaryCall::start(m_context, call, "/petstore.v1.OrderService/GetOrder", "read:orders", request, response,
                                [request, response](GrpcCaller &caller) {
        return PetstoreProtos::reply(AccessPolicy::ownOrder(*caller.store, caller.caller, request->id()), response->mutable_order());
    });
}

grpc::ServerUnaryReactor *GrpcOrderService::CancelOrder(grpc::CallbackServerContext *call, const v1::CancelOrderRequest *request,
                                                        v1::CancelOrderResponse *response)
{
    return GrpcUnaryCall::start(m_context, call, "/petstore.v1.OrderService/CancelOrder", "write:orders", request, response,
                                [request, response](GrpcCaller &caller) {
        if (auto order = AccessPolicy::ownOrder(*caller.store, caller.caller, request->id()); !order.ok())
            return grpcStatusFor(order.error());
        return PetstoreProtos::reply(caller.store->cancelOrder(request->id()), response->mutable_order());
    });
}

grpc::ServerUnaryReactor *GrpcOrderService::PayOrder(grpc::CallbackServerContext *call, const v1::PayOrderRequest *request,
                                                     v1::PayOrderResponse *response)
{
    const GrpcServiceContext &context = m_context;
    return GrpcUnaryCall::start(m_context, call, "/petstore.v1.OrderService/PayOrder", "write:orders", request, response,
                                [&context, request, response](GrpcCaller &caller) {
        if (auto order = AccessPolicy::ownOrder(*caller.store, caller.caller, request->order_id()); !order.ok())
            return grpcStatusFor(order.error());
        if (!request->has_card())
            return invalidArgument("card is required");
        const v1::Card &source = request->card();
        const core::CardInput card{source.number(), source.exp_month(), source.exp_year(), source.cvc(), source.name()};
        auto optional = [](const std::string &text) { return text.empty() ? std::nullopt : std::optional<std::string>(text); };
        auto payment = caller.store->payOrder(request->order_id(), card, optional(request->amount()), optional(request->currency()));
        if (!payment.ok())
            return grpcStatusFor(payment.error());
        context.payments.schedule(caller.tenantId, payment->id);
        PetstoreProtos::toProto(payment.value(), response->mutable_payment());
        return grpc::Status::OK;
    });
}

grpc::ServerWriteReactor<v1::TrackOrderResponse> *GrpcOrderService::TrackOrder(grpc::CallbackServerContext *call,
                                                                               const v1::TrackOrderRequest *request)
{
    return new GrpcOrderTracking(m_context, call, *request);
}

} // namespace petstore::mock
