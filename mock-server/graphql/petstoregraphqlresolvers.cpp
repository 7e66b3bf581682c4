// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/graphql/petstoregraphqlresolvers.h"

#include "core/http/pagination.h"
#include "core/petstore/domainenums.h"
#include "mock-server/graphql/graphqlerrorreply.h"
#include "mock-server/graphql/graphqlrequestcontext.h"

#include <map>
#include <set>

namespace petstore::mock {

namespace {

using core::GraphQLFieldBatch;
using core::GraphQLResolved;
using json = nlohmann::json;
using Resolvers = PetstoreGraphQLResolvers;

constexpr int MaxPageSize = core::Pagination::MaxLimit;

// `first` and `after` of a Relay connection (graphql.org/learn/pagination) as a window over
// `items`, copying only the window; the cursors are the REST API's, so both page alike.
template<typename T, typename Items>
std::optional<GraphQLResolved> page(const json &arguments, const Items &items, Resolvers::Page<T> &into)
{
    const int first = arguments.value("first", 20);
    if (first < 0 || first > MaxPageSize)
        return graphQLErrorFor(core::Error::make(core::ErrorKind::Validation, "first must be between 0 and 100",
                                                 {{"first", "must be between 0 and 100", "maximum"}}));
    std::size_t offset = 0;
    if (arguments.contains("after") && arguments["after"].is_string()) {
        const auto after = core::Pagination::decodeCursor(arguments["after"].get<std::string>());
        if (!after)
            return graphQLErrorFor(core::Error::make(core::ErrorKind::Validation, "after is not a cursor this server issued",
                                                     {{"after", "not a cursor this server issued", "cursor"}}));
        offset = *after + 1;
    }
    into.totalCount = items.size();
    into.hasPreviousPage = offset > 0 && !items.empty();
    const std::size_t end = std::min(items.size(), offset + static_cast<std::size_t>(first));
    into.offset = offset;
    for (std::size_t i = offset; i < end; ++i)
        into.nodes.push_back(items[i]);
    into.hasNextPage = end < items.size();
    return std::nullopt;
}

core::PetFilter petFilter(const json &filter)
{
    core::PetFilter out;
    if (!filter.is_object())
        return out;
    auto text = [&](const char *name) { return filter.contains(name) && filter[name].is_string() ? filter[name].get<std::string>() : std::string(); };
    if (auto v = text("species"); !v.empty())
        out.species = core::speciesFromString(v);
    if (auto v = text("status"); !v.empty())
        out.status = core::petStatusFromString(v);
    if (auto v = text("size"); !v.empty())
        out.size = core::petSizeFromString(v);
    if (filter.contains("goodWithKids") && filter["goodWithKids"].is_boolean())
        out.goodWithKids = filter["goodWithKids"].get<bool>();
    if (filter.contains("goodWithPets") && filter["goodWithPets"].is_boolean())
        out.goodWithPets = filter["goodWithPets"].get<bool>();
    if (filter.contains("minAgeMonths") && filter["minAgeMonths"].is_number_integer())
        out.minAgeMonths = filter["minAgeMonths"].get<int>();
    if (filter.contains("maxAgeMonths") && filter["maxAgeMonths"].is_number_integer())
        out.maxAgeMonths = filter["maxAgeMonths"].get<int>();
    if (auto v = text("maxPrice"); !v.empty())
        out.maxPrice = v;
    out.q = text("q");
    return out;
}

// A signed-in customer sees their own orders only (as GET /v1/orders); others get nothing.
std::optional<core::Order> visibleOrder(GraphQLRequestContext &context, const std::string &id)
{
    auto order = context.lookup().getOrder(id);
    if (!order || !AccessPolicy::mayActFor(context.caller, order->userId))
        return std::nullopt;
    return std::move(order).value();
}

GraphQLResolved userIfVisible(GraphQLRequestContext &context, const std::string &id)
{
    if (!AccessPolicy::mayActFor(context.caller, id))
        return graphQLErrorFor(core::Error::make(core::ErrorKind::Forbidden, "a customer may only read their own user"));
    auto user = context.lookup().getUser(id);
    return user ? GraphQLResolved::object(std::move(user).value()) : GraphQLResolved();
}

} // namespace

core::GraphQLResolvers PetstoreGraphQLResolvers::build()
{
    core::GraphQLResolvers r;
    queries(r);
    nestedLookups(r);
    petFields(r);
    otherFields(r);
    pages(r);
    mutations(r);
    subscriptions(r);
    return r;
}

void PetstoreGraphQLResolvers::queries(core::GraphQLResolvers &r)
{
    r.each("Query", "pet", [](const std::any &, const GraphQLFieldBatch &b) {
        auto &context = GraphQLRequestContext::of(b);
        if (auto refused = context.refuse("read:pets"))
            return *refused;
        auto pet = context.lookup().getPet(b.arguments["id"].get<std::string>());
        return pet ? GraphQLResolved::object(std::move(pet).value()) : GraphQLResolved();
    });
    r.each("Query", "pets", [](const std::any &, const GraphQLFieldBatch &b) {
        auto &context = GraphQLRequestContext::of(b);
        if (auto refused = context.refuse("read:pets"))
            return *refused;
        auto found = context.lookup().findPets(petFilter(b.arguments.value("filter", json())), b.arguments.value("sort", std::string()));
        if (!found)
            return graphQLErrorFor(found.error());
        Page<core::Pet> result;
        if (auto refused = page(b.arguments, found.value(), result))
            return *refused;
        return GraphQLResolved::object(std::move(result));
    });
    r.each("Query", "order", [](const std::any &, const GraphQLFieldBatch &b) {
        auto &context = GraphQLRequestContext::of(b);
        if (auto refused = context.refuse("read:orders"))
            return *refused;
        auto order = visibleOrder(context, b.arguments["id"].get<std::string>());
        return order ? GraphQLResolved::object(std::move(*order)) : GraphQLResolved();
    });
    r.each("Query", "orders", [](const std::any &, const GraphQLFieldBatch &b) {
        auto &context = GraphQLRequestContext::of(b);
        if (auto refused = context.refuse("read:orders"))
            return *refused;
        core::OrderFilter filter;
        filter.userId = AccessPolicy::ownerLimit(context.caller);
        if (b.arguments.contains("status") && b.arguments["status"].is_string())
            filter.status = core::orderStatusFromString(b.arguments["status"].get<std::string>());
        Page<core::Order> result;
        if (auto refused = page(b.arguments, context.lookup().findOrders(filter), result))
            return *refused;
        return GraphQLResolved::object(std::move(result));
    });
    r.each("Query", "user", [](const std::any &, const GraphQLFieldBatch &b) {
        auto &context = GraphQLRequestContext::of(b);
        if (auto refused = context.refuse("read:user"))
            return *refused;
        return userIfVisible(context, b.arguments["id"].get<std::string>());
    });
    r.each("Query", "me", [](const std::any &, const GraphQLFieldBatch &b) {
        auto &context = GraphQLRequestContext::of(b);
        if (auto refused = context.refuse("read:user"))
            return *refused;
        if (!context.caller.authenticated || !context.caller.actor.userId)
            return GraphQLResolved();
        auto user = context.lookup().getUser(*context.caller.actor.userId);
        return user ? GraphQLResolved::object(std::move(user).value()) : GraphQLResolved();
    });
    r.each("Query", "inventory", [](const std::any &, const GraphQLFieldBatch &b) {
        auto &context = GraphQLRequestContext::of(b);
        if (auto refused = context.refuse("read:pets"))
            return *refused;
        std::vector<GraphQLResolved> items;
        for (core::InventoryItem &item : context.lookup().listInventory())
            items.push_back(GraphQLResolved::object(std::move(item)));
        return GraphQLResolved::list(std::move(items));
    });
    r.each("Query", "petCountsByStatus", [](const std::any &, const GraphQLFieldBatch &b) {
        auto &context = GraphQLRequestContext::of(b);
        if (auto refused = context.refuse("read:pets"))
            return *refused;
        const json counts = context.lookup().petCountsByStatus();
        std::vector<GraphQLResolved> list;
        for (const char *status : {"AVAILABLE", "PENDING", "ADOPTED", "NOT_AVAILABLE"})
            list.push_back(GraphQLResolved::object(StatusCount{status, counts.value(status, 0)}));
        return GraphQLResolved::list(std::move(list));
    });
    r.each("Query", "node", [](const std::any &, const GraphQLFieldBatch &b) {
        auto &context = GraphQLRequestContext::of(b);
        if (auto refused = context.refuse("read:pets"))
            return *refused;
        // IDs are UUIDv7 across every kind, so at most one look-up answers.
        const std::string id = b.arguments["id"].get<std::string>();
        if (auto pet = context.lookup().getPet(id))
            return GraphQLResolved::object(std::move(pet).value(), "Pet");
        if (auto order = visibleOrder(context, id))
            return GraphQLResolved::object(std::move(*order), "Order");
        if (AccessPolicy::mayActFor(context.caller, id))
            if (auto user = context.lookup().getUser(id))
                return GraphQLResolved::object(std::move(user).value(), "User");
        if (auto payment = context.lookup().getPayment(id); payment && visibleOrder(context, payment->orderId))
            return GraphQLResolved::object(std::move(payment).value(), "Payment");
        return GraphQLResolved();
    });
    r.each("Query", "search", [](const std::any &, const GraphQLFieldBatch &b) {
        auto &context = GraphQLRequestContext::of(b);
        if (auto refused = context.refuse("read:pets"))
            return *refused;
        const std::string text = b.arguments["text"].get<std::string>();
        const auto first = static_cast<std::size_t>(std::clamp(b.arguments.value("first", 20), 0, MaxPageSize));
        std::vector<GraphQLResolved> found;
        if (auto order = visibleOrder(context, text))
            found.push_back(GraphQLResolved::object(std::move(*order), "Order"));
        auto user = context.lookup().getUser(text);
        if (!user)
            user = context.lookup().findUserByUsername(text);
        if (user && AccessPolicy::mayActFor(context.caller, user->id))
            found.push_back(GraphQLResolved::object(std::move(user).value(), "User"));
        core::PetFilter filter;
        filter.q = text;
        if (auto pets = context.lookup().listPets(filter); pets)
            for (core::Pet &pet : pets.value())
                found.push_back(GraphQLResolved::object(std::move(pet), "Pet"));
        if (found.size() > first)
            found.resize(first);
        return GraphQLResolved::list(std::move(found));
    });
}

void PetstoreGraphQLResolvers::nestedLookups(core::GraphQLResolvers &r)
{
    // Pet.orders and User.orders: one pass over the orders for the whole batch, copying only
    // the orders of the parents asked about.
    auto ordersBy = [](auto key, auto idOf) {
        return [key, idOf](const GraphQLFieldBatch &b) {
            auto &context = GraphQLRequestContext::of(b);
            std::map<std::string, std::vector<GraphQLResolved>> byOwner;
            for (const std::any *parent : b.parents)
                byOwner.emplace(idOf(*parent), std::vector<GraphQLResolved>());
            core::OrderFilter filter;
            filter.userId = AccessPolicy::ownerLimit(context.caller);
            for (const core::Order *order : context.lookup().findOrders(filter))
                if (const std::optional<std::string> owner = key(*order))
                    if (const auto it = byOwner.find(*owner); it != byOwner.end())
                        it->second.push_back(GraphQLResolved::object(order));
            std::vector<GraphQLResolved> values;
            values.reserve(b.parents.size());
            for (const std::any *parent : b.parents)
                values.push_back(GraphQLResolved::list(byOwner[idOf(*parent)]));
            return values;
        };
    };
    r.batch("Pet", "orders", ordersBy([](const core::Order &o) { return std::optional<std::string>(o.petId); },
                                      [](const std::any &p) { return core::GraphQLResolvers::value<core::Pet>(p).id; }));
    r.batch("User", "orders", ordersBy([](const core::Order &o) { return o.userId; },
                                       [](const std::any &p) { return core::GraphQLResolvers::value<core::User>(p).id; }));

    // Order.pet, Order.user, Order.payment: each distinct id looked up once per batch.
    auto distinct = [](auto idOf, auto find) {
        return [idOf, find](const GraphQLFieldBatch &b) {
            auto &context = GraphQLRequestContext::of(b);
            std::map<std::string, GraphQLResolved> found;
            std::vector<GraphQLResolved> values;
            for (const std::any *parent : b.parents) {
                const std::optional<std::string> id = idOf(core::GraphQLResolvers::value<core::Order>(*parent));
                if (!id) {
                    values.emplace_back();
                    continue;
                }
                auto it = found.find(*id);
                if (it == found.end())
                    it = found.emplace(*id, find(context, *id)).first;
                values.push_back(it->second);
            }
            return values;
        };
    };
    r.batch("Order", "pet", distinct([](const core::Order &o) { return std::optional<std::string>(o.petId); },
                                     [](GraphQLRequestContext &context, const std::string &id) {
                                         auto pet = context.lookup().getPet(id);
                                         return pet ? GraphQLResolved::object(std::move(pet).value()) : GraphQLResolved();
                                     }));
    r.batch("Order", "user", distinct([](const core::Order &o) { return o.userId; },
                                      [](GraphQLRequestContext &context, const std::string &id) {
                                          auto user = context.lookup().getUser(id);
                                          return user ? GraphQLResolved::object(std::move(user).value()) : GraphQLResolved();
                                      }));
    r.batch("Order", "payment", distinct([](const core::Order &o) { return o.paymentId; },
                                         [](GraphQLRequestContext &context, const std::string &id) {
                                             auto payment = context.lookup().getPayment(id);
                                             return payment ? GraphQLResolved::object(std::move(payment).value()) : GraphQLResolved();
                                         }));
    r.each("Payment", "order", [](const std::any &parent, const GraphQLFieldBatch &b) {
        auto &context = GraphQLRequestContext::of(b);
        auto order = context.lookup().getOrder(core::GraphQLResolvers::value<core::Payment>(parent).orderId);
        return order ? GraphQLResolved::object(std::move(order).value()) : GraphQLResolved();
    });
}

void PetstoreGraphQLResolvers::subscriptions(core::GraphQLResolvers &r)
{
    // The root fields take their values from domain events (GraphQLSubscriptionFeed).
    auto change = [](const std::any &parent) -> const StatusChange & { return std::any_cast<const StatusChange &>(parent); };
    for (const char *type : {"PetStatusChange", "OrderStatusChange"}) {
        r.each(type, "previousStatus", [change](const std::any &p, const GraphQLFieldBatch &) { return GraphQLResolved::optional(change(p).previousStatus); });
        r.each(type, "status", [change](const std::any &p, const GraphQLFieldBatch &) { return GraphQLResolved::leaf(change(p).status); });
        r.each(type, "eventId", [change](const std::any &p, const GraphQLFieldBatch &) { return GraphQLResolved::leaf(change(p).eventId); });
        r.each(type, "occurredAt", [change](const std::any &p, const GraphQLFieldBatch &) {
            return GraphQLResolved::leaf(core::formatRfc3339(change(p).occurredAt));
        });
    }
    r.each("PetStatusChange", "pet", [change](const std::any &p, const GraphQLFieldBatch &b) {
        auto pet = GraphQLRequestContext::of(b).lookup().getPet(change(p).resourceId);
        return pet ? GraphQLResolved::object(std::move(pet).value()) : graphQLErrorFor(pet.error());
    });
    r.each("OrderStatusChange", "order", [change](const std::any &p, const GraphQLFieldBatch &b) {
        auto order = GraphQLRequestContext::of(b).lookup().getOrder(change(p).resourceId);
        return order ? GraphQLResolved::object(std::move(order).value()) : graphQLErrorFor(order.error());
    });
}

} // namespace petstore::mock
