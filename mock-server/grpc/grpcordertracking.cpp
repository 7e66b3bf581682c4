// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/grpc/grpcordertracking.h"

#include "core/petstore/domainenums.h"
#include "mock-server/grpc/grpcerrorstatus.h"
#include "mock-server/grpc/petstoreprotos.h"

namespace petstore::mock {

namespace {

bool terminal(core::OrderStatus status)
{
    return status == core::OrderStatus::Delivered || status == core::OrderStatus::Cancelled;
}

} // namespace

void GrpcOrderTracking::started(GrpcCaller caller)
{
    if (request().order_id().empty())
        return end({grpc::StatusCode::INVALID_ARGUMENT, "order_id is required"}, false);
    auto order = AccessPolicy::ownOrder(*caller.store, caller.caller, request().order_id());
    if (!order.ok())
        return end(grpcStatusFor(order.error()), false);
    m_tenantId = caller.tenantId;
    sendState(order.value(), std::nullopt, order->updatedAt);
    if (terminal(order->status))
        return end(grpc::Status::OK);
    m_subscription = context().bus->subscribe([this](const core::CloudEvent &event) { onEvent(event); });
}

void GrpcOrderTracking::stopped()
{
    if (m_subscription)
        context().bus->unsubscribe(*m_subscription);
}

void GrpcOrderTracking::onEvent(const core::CloudEvent &event)
{
    if (event.type != "order.status_changed" || event.tenantId != m_tenantId
        || event.subject != "/v1/orders/" + request().order_id())
        return;
    auto store = context().tenants->store(m_tenantId);
    if (!store.ok())
        return;
    auto order = store.value()->getOrder(request().order_id());
    if (!order.ok())
        return;
    std::optional<core::OrderStatus> previous;
    if (const auto it = event.data.find("previousStatus"); it != event.data.end() && it->is_string())
        previous = core::orderStatusFromString(it->get<std::string>());
    sendState(order.value(), previous, event.time);
    if (terminal(order->status)) {
        context().bus->unsubscribe(*m_subscription);
        m_subscription.reset();
        end(grpc::Status::OK);
    }
}

void GrpcOrderTracking::sendState(const core::Order &order, std::optional<core::OrderStatus> previous, core::TimePoint time)
{
    v1::TrackOrderResponse message;
    PetstoreProtos::toProto(order, message.mutable_order());
    if (previous)
        message.set_previous_status(PetstoreProtos::toProto(*previous));
    PetstoreProtos::toProto(time, message.mutable_time());
    send(std::move(message));
}

} // namespace petstore::mock
