// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/rest/restorderroutes.h"

#include "core/http/pagination.h"
#include "core/petstore/domainjson.h"
#include "mock-server/accesspolicy.h"
#include "mock-server/paymentscheduler.h"
#include "mock-server/rest/restreply.h"



namespace petstore::mock {

namespace {

using nlohmann::json;

std::string orderIdOf(HttpExchange &exchange)
{
    return exchange.params["path"].value("orderId", std::string());
}

// Worded like the store's own not-found error, so another customer's order cannot be told
// apart from a missing one.
core::Error orderNotFound(const std::string &id)
{
    return core::Error::make(core::ErrorKind::NotFound, "order " + id + " does not exist");
}

// The order if the caller may see it. Signed-in customers see only their own orders
// (DESIGN §6 "list own"); others' orders answer 404 rather than 403 so ids do not leak.
core::Result<core::Order> visibleOrder(HttpExchange &exchange, const std::string &id)
{
    auto order = exchange.store->getOrder(id);
    if (order.ok() && !AccessPolicy::mayActFor(exchange, order->userId))
        return orderNotFound(id);
    return order;
}

core::HttpResponse orderReply(const core::Result<core::Order> &order, HttpExchange &exchange)
{
    return order.ok() ? RestReply::json(200, core::toJson(order.value())) : RestReply::error(order.error(), exchange);
}

core::HttpResponse placeOrder(HttpExchange &exchange)
{
    const json &body = exchange.body;
    std::optional<std::string> callbackUrl;
    if (body.contains("callbackUrl"))
        callbackUrl = body.at("callbackUrl").get<std::string>();
    // Anonymous callers have no user id: their orders get `userId: null`.
    auto order = exchange.store->placeOrder(body.value("petId", std::string()), exchange.actor, callbackUrl);
    if (!order.ok())
        return RestReply::error(order.error(), exchange);
    return RestReply::created(core::toJson(order.value()), "/v1/orders/" + order->id);
}

core::HttpResponse listOrders(HttpExchange &exchange)
{
    const json &query = exchange.params["query"];
    core::OrderFilter filter;
    filter.userId = AccessPolicy::ownerLimit(exchange);
    if (query.contains("status"))
        filter.status = core::orderStatusFromString(query.at("status").get<std::string>());
    auto page = core::Pagination::fromQuery(exchange.query);
    if (!page.ok())
        return RestReply::error(page.error(), exchange);
    auto orders = exchange.store->listOrders(filter);
    if (!orders.ok())
        return RestReply::error(orders.error(), exchange);
    auto window = core::Pagination::window(page.value(), orders->size());
    if (!window.ok())
        return RestReply::error(window.error(), exchange);

    json data = json::array();
    for (std::size_t i = window->offset; i < window->offset + window->count; ++i)
        data.push_back(core::toJson(orders.value()[i]));
    core::Pagination::QueryItems other;
    for (const auto &item : exchange.query)
        if (item.first != "page" && item.first != "cursor" && item.first != "limit")
            other.push_back(item);
    return RestReply::json(200, core::Pagination::envelope(std::move(data), page.value(), window.value(),
                                                           orders->size(), "/v1/orders", other));
}

core::HttpResponse getOrder(HttpExchange &exchange)
{
    return orderReply(visibleOrder(exchange, orderIdOf(exchange)), exchange);
}

core::HttpResponse cancelOrder(HttpExchange &exchange)
{
    const std::string id = orderIdOf(exchange);
    if (auto order = visibleOrder(exchange, id); !order.ok())
        return RestReply::error(order.error(), exchange);
    return orderReply(exchange.store->cancelOrder(id), exchange);
}

core::HttpResponse updateOrderStatus(HttpExchange &exchange)
{
    if (auto allowed = AccessPolicy::requireAdmin(exchange, "change an order's status"); !allowed.ok())
        return RestReply::error(allowed.error(), exchange);
    // The schema admits only APPROVED, SHIPPED, DELIVERED and CANCELLED; were anything else to
    // get through, the store would refuse it as a move back to PLACED.
    const auto status = core::orderStatusFromString(exchange.body.value("status", std::string()));
    return orderReply(exchange.store->transitionOrder(orderIdOf(exchange), status.value_or(core::OrderStatus::Placed)),
                      exchange);
}

core::HttpResponse payOrder(HttpExchange &exchange, const RestEnvironment &environment)
{
    const std::string id = orderIdOf(exchange);
    if (auto order = visibleOrder(exchange, id); !order.ok())
        return RestReply::error(order.error(), exchange);

    // PaymentRequest schema: `source` is a complete CardInput, amount and currency optional.
    const json &body = exchange.body;
    const json &source = body.at("source");
    core::CardInput card;
    card.number = source.value("number", std::string());
    card.expMonth = source.value("expMonth", 0);
    card.expYear = source.value("expYear", 0);
    card.cvc = source.value("cvc", std::string());
    card.name = source.value("name", std::string());
    std::optional<std::string> amount;
    std::optional<std::string> currency;
    if (body.contains("amount"))
        amount = body.at("amount").get<std::string>();
    if (body.contains("currency"))
        currency = body.at("currency").get<std::string>();

    auto payment = exchange.store->payOrder(id, card, amount, currency);
    if (!payment.ok())
        return RestReply::error(payment.error(), exchange);
    PaymentScheduler(environment.config, environment.tenants, environment.timerContext).schedule(exchange.tenantId, payment->id);
    // RFC 9110 §15.3.3: 202 Accepted, with the payment's status resource in Location.
    core::HttpResponse response = RestReply::json(202, core::toJson(payment.value()));
    response.addHeader("Location", "/v1/payments/" + payment->id);
    return response;
}

core::HttpResponse getPayment(HttpExchange &exchange)
{
    const std::string id = exchange.params["path"].value("paymentId", std::string());
    auto payment = exchange.store->getPayment(id);
    if (!payment.ok())
        return RestReply::error(payment.error(), exchange);
    // A payment belongs to whoever owns its order; as with orders, others get a 404.
    auto order = exchange.store->getOrder(payment->orderId);
    if (!AccessPolicy::mayActFor(exchange, order.ok() ? order->userId : std::nullopt))
        return RestReply::error(core::Error::make(core::ErrorKind::NotFound, "payment " + id + " does not exist"),
                                exchange);
    return RestReply::json(200, core::toJson(payment.value()));
}

} // namespace

void RestOrderRoutes::install(RestRouter &router, const RestEnvironment &environment)
{
    Q_ASSERT(environment.config && environment.tenants && environment.timerContext);
    router.handle("placeOrder", placeOrder);
    router.handle("listOrders", listOrders);
    router.handle("getOrder", getOrder);
    router.handle("cancelOrder", cancelOrder);
    router.handle("updateOrderStatus", updateOrderStatus);
    router.handle("payOrder", [environment](HttpExchange &exchange) { return payOrder(exchange, environment); });
    router.handle("getPayment", getPayment);
    for (const char *op : {"listOrders", "getOrder", "getPayment"})
        router.requireScope(op, "read:orders");
    for (const char *op : {"placeOrder", "cancelOrder", "payOrder"})
        router.requireScope(op, "write:orders");
    // The spec asks for the `admin` scope; the handler also checks the role, since an API key
    // may carry scopes without being an admin.
    router.requireScope("updateOrderStatus", "admin");
}

} // namespace petstore::mock
