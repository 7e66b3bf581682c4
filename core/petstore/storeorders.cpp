// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/petstore/store.h"

#include "core/petstore/domainjson.h"
#include "core/petstore/domainrules.h"

#include <algorithm>

namespace petstore::core {

namespace {

using nlohmann::json;

Error orderNotFound(const std::string &id)
{
    return Error::make(ErrorKind::NotFound, "order " + id + " does not exist");
}

Error orderTransitionError(OrderStatus from, OrderStatus to)
{
    return Error::make(ErrorKind::InvalidTransition,
                       "cannot change order status from " + std::string(toString(from)) + " to "
                           + std::string(toString(to)));
}

// The forward edges of the order machine (store.h); CANCELLED is handled by applyCancel.
bool isForwardEdge(OrderStatus from, OrderStatus to)
{
    return (from == OrderStatus::Placed && to == OrderStatus::Approved)
        || (from == OrderStatus::Approved && to == OrderStatus::Shipped)
        || (from == OrderStatus::Shipped && to == OrderStatus::Delivered);
}

} // namespace

void Store::publishOrderStatusChanged(const Order &order, OrderStatus previous)
{
    json data = toJson(order);
    data["previousStatus"] = toString(previous);
    publish("order.status_changed", "/v1/orders/" + order.id, std::move(data));
}

Result<Order> Store::placeOrder(const std::string &petId, const Actor &actor,
                                const std::optional<std::string> &callbackUrl)
{
    if (callbackUrl && !domainrules::isHttpUrl(*callbackUrl)) {
        return Error::make(ErrorKind::Validation, "the order is not valid",
                           {{"/callbackUrl", "must be an absolute http(s) URL", "format"}});
    }
    const auto pet = m_pets.find(petId);
    if (pet == m_pets.end())
        return Error::make(ErrorKind::NotFound, "pet " + petId + " does not exist");
    if (pet->second.status != PetStatus::Available)
        return Error::make(ErrorKind::Conflict, "pet is not available");

    Order order;
    order.id = newId();
    order.petId = petId;
    order.userId = actor.userId;
    order.status = OrderStatus::Placed;
    order.totalAmount = pet->second.price;
    order.currency = pet->second.currency;
    order.callbackUrl = callbackUrl;
    order.createdAt = order.updatedAt = m_clock();
    m_orders[order.id] = order;
    publish("order.created", "/v1/orders/" + order.id, toJson(order));
    // The pet's change follows the order's event: consumers see cause before effect.
    setPetStatus(pet->second, PetStatus::Pending);
    return order;
}

Result<std::vector<Order>> Store::listOrders(const OrderFilter &filter) const
{
    std::vector<Order> orders;
    for (const Order *order : findOrders(filter))
        orders.push_back(*order);
    return orders;
}

std::vector<const Order *> Store::findOrders(const OrderFilter &filter) const
{
    std::vector<const Order *> orders;
    for (const auto &entry : m_orders) {
        const Order &order = entry.second;
        if ((!filter.userId || order.userId == filter.userId)
            && (!filter.status || order.status == *filter.status))
            orders.push_back(&order);
    }
    std::sort(orders.begin(), orders.end(), [](const Order *a, const Order *b) {
        return a->createdAt != b->createdAt ? a->createdAt > b->createdAt : a->id > b->id;
    });
    return orders;
}

Result<Order> Store::getOrder(const std::string &id) const
{
    const auto it = m_orders.find(id);
    if (it == m_orders.end())
        return orderNotFound(id);
    return it->second;
}

Result<Order> Store::applyCancel(Order &order)
{
    if (order.status != OrderStatus::Placed && order.status != OrderStatus::Approved)
        return orderTransitionError(order.status, OrderStatus::Cancelled);
    const TimePoint now = m_clock();
    const OrderStatus previous = order.status;
    order.status = OrderStatus::Cancelled;
    order.updatedAt = now;
    ++order.revision;
    // A payment still in flight must not settle against a cancelled order.
    if (order.paymentId) {
        const auto payment = m_payments.find(*order.paymentId);
        if (payment != m_payments.end()
            && (payment->second.status == PaymentStatus::Pending
                || payment->second.status == PaymentStatus::Processing)) {
            payment->second.status = PaymentStatus::Cancelled;
            payment->second.updatedAt = now;
        }
    }
    publishOrderStatusChanged(order, previous);
    const auto pet = m_pets.find(order.petId);
    if (pet != m_pets.end() && pet->second.status == PetStatus::Pending)
        setPetStatus(pet->second, PetStatus::Available);
    return order;
}

Result<Order> Store::cancelOrder(const std::string &id)
{
    const auto it = m_orders.find(id);
    if (it == m_orders.end())
        return orderNotFound(id);
    return applyCancel(it->second);
}

Result<Order> Store::transitionOrder(const std::string &id, OrderStatus to)
{
    const auto it = m_orders.find(id);
    if (it == m_orders.end())
        return orderNotFound(id);
    Order &order = it->second;
    if (to == OrderStatus::Cancelled)
        return applyCancel(order);
    if (!isForwardEdge(order.status, to))
        return orderTransitionError(order.status, to);

    const OrderStatus previous = order.status;
    order.status = to;
    order.updatedAt = m_clock();
    ++order.revision;
    publishOrderStatusChanged(order, previous);
    if (to == OrderStatus::Delivered) {
        // A delivered pet has found its home even when no payment went through the mock.
        const auto pet = m_pets.find(order.petId);
        if (pet != m_pets.end() && pet->second.status == PetStatus::Pending)
            setPetStatus(pet->second, PetStatus::Adopted);
    }
    return order;
}

} // namespace petstore::core
