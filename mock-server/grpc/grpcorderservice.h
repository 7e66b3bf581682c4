// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mock-server/grpc/grpcservicecontext.h"

#include "petstore/v1/order_service.grpc.pb.h"

namespace petstore::mock {

// petstore.v1.OrderService on the shared store, with REST's ownership rules (AccessPolicy) and
// asynchronous payment settlement (PaymentScheduler): an order placed here is an order in REST,
// an SSE event and an MQTT message.
class GrpcOrderService : public v1::OrderService::CallbackService
{
public:
    explicit GrpcOrderService(const GrpcServiceContext &context) : m_context(context) {}

    grpc::ServerUnaryReactor *PlaceOrder(grpc::CallbackServerContext *call, const v1::PlaceOrderRequest *request,
                                         v1::PlaceOrderResponse *response) override;
    grpc::ServerUnaryReactor *GetOrder(grpc::CallbackServerContext *call, const v1::GetOrderRequest *request,
                                       v1::GetOrderResponse *response) override;
    grpc::ServerUnaryReactor *CancelOrder(grpc::CallbackServerContext *call, const v1::CancelOrderRequest *request,
                                          v1::CancelOrderResponse *response) override;
    grpc::ServerUnaryReactor *PayOrder(grpc::CallbackServerContext *call, const v1::PayOrderRequest *request,
                                       v1::PayOrderResponse *response) override;
    grpc::ServerWriteReactor<v1::TrackOrderResponse> *TrackOrder(grpc::CallbackServerContext *call,
                                                                 const v1::TrackOrderRequest *request) override;

private:
    const GrpcServiceContext &m_context;
};

} // namespace petstore::mock
