// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/graphql/graphqlsubscriptionfeed.h"

#include "mock-server/graphql/petstoregraphqlresolvers.h"

namespace petstore::mock {

namespace {

bool wanted(const nlohmann::json &arguments, const char *argument, const std::string &id)
{
    const auto it = arguments.find(argument);
    return it == arguments.end() || it->is_null() || *it == id;
}

PetstoreGraphQLResolvers::StatusChange change(const core::CloudEvent &event)
{
    PetstoreGraphQLResolvers::StatusChange value;
    value.resourceId = event.data.value("id", std::string());
    if (event.data.contains("previousStatus") && event.data["previousStatus"].is_string())
        value.previousStatus = event.data["previousStatus"].get<std::string>();
    value.status = event.data.value("status", std::string());
    value.eventId = event.id();
    value.occurredAt = event.time;
    return value;
}

} // namespace

std::optional<core::GraphQLResolved> GraphQLSubscriptionFeed::valueFor(const std::string &field, const nlohmann::json &arguments,
                                                                       const core::CloudEvent &event, core::Store &store,
                                                                       const Caller &caller)
{
    const std::string id = event.data.value("id", event.data.value("productId", std::string()));
    if (field == "petStatusChanged" && event.type == "pet.status_changed" && wanted(arguments, "petId", id))
        return core::GraphQLResolved::object(change(event));
    if (field == "orderStatusChanged" && event.type == "order.status_changed" && wanted(arguments, "orderId", id)) {
        const nlohmann::json owner = event.data.value("userId", nlohmann::json());
        if (!AccessPolicy::mayActFor(caller, owner.is_string() ? std::optional<std::string>(owner.get<std::string>()) : std::nullopt))
            return std::nullopt;
        return core::GraphQLResolved::object(change(event));
    }
    if (field == "inventoryChanged" && event.type == "inventory.stock_changed" && wanted(arguments, "productId", id)) {
        auto item = store.getInventoryItem(id);
        if (item)
            return core::GraphQLResolved::object(std::move(item).value());
    }
    return std::nullopt;
}

} // namespace petstore::mock
