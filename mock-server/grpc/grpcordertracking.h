// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mock-server/grpc/grpcserverstream.h"

#include "petstore/v1/order_service.pb.h"

#include <optional>

namespace petstore::mock {

// OrderService.TrackOrder: the order as it is, then each status change from the domain event
// bus, ending with OK once the order is DELIVERED or CANCELLED.
class GrpcOrderTracking final : public GrpcServerStream<v1::TrackOrderRequest, v1::TrackOrderResponse>
{
public:
    GrpcOrderTracking(const GrpcServiceContext &context, grpc::CallbackServerContext *call, const v1::TrackOrderRequest &request)
        : GrpcServerStream(context, "/petstore.v1.OrderService/TrackOrder", "read:orders", request)
    {
        begin(call);
    }

private:
    void started(GrpcCaller caller) override;
    void stopped() override;
    void onEvent(const core::CloudEvent &event);
    void sendState(const core::Order &order, std::optional<core::OrderStatus> previous, core::TimePoint time);

    std::string m_tenantId;
    std::optional<core::DomainEventBus::SubscriptionId> m_subscription;
};

} // namespace petstore::mock
