// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/petstore/domainevents.h"
#include "core/petstore/store.h"
#include "core/protocols/graphql/graphqlresolved.h"
#include "mock-server/accesspolicy.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace petstore::mock {

// Which domain events feed which Subscription field (DESIGN §5 fan-out): pet.status_changed
// → petStatusChanged, order.status_changed → orderStatusChanged (a customer's own orders
// only), inventory.stock_changed → inventoryChanged; each narrowed by its optional id
// argument. The value becomes the root field's value for GraphQLService::executeEvent.
class GraphQLSubscriptionFeed
{
public:
    static std::optional<core::GraphQLResolved> valueFor(const std::string &field, const nlohmann::json &arguments,
                                                         const core::CloudEvent &event, core::Store &store, const Caller &caller);
};

} // namespace petstore::mock
