// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/petstore/store.h"
#include "core/protocols/graphql/graphqlresolvers.h"
#include "mock-server/accesspolicy.h"
#include "mock-server/paymentscheduler.h"

#include <optional>
#include <string>
#include <vector>

namespace petstore::mock {

// What the Petstore resolvers know about one GraphQL request or subscription event: the
// tenant's store, the caller and their scopes, whether auth mode is `required`, how to settle
// payments, and how many store look-ups the resolvers made (reported in extensions.metrics,
// so learners can see what batching saves).
class GraphQLRequestContext : public core::GraphQLContext
{
public:
    GraphQLRequestContext(core::Store *store, std::string tenantId, Caller caller, std::vector<std::string> scopes,
                          bool authRequired, PaymentScheduler payments)
        : store(store), tenantId(std::move(tenantId)), caller(std::move(caller)), scopes(std::move(scopes)),
          authRequired(authRequired), payments(payments) {}

    static GraphQLRequestContext &of(const core::GraphQLFieldBatch &batch) { return *static_cast<GraphQLRequestContext *>(batch.context); }

    // The refusal of a root field needing `scope` ("" for none): UNAUTHENTICATED without
    // credentials in mode `required`, FORBIDDEN when a token lacks the scope (as REST's 401/403).
    std::optional<core::GraphQLResolved> refuse(const std::string &scope) const;
    // Counts one store call; returns the store.
    core::Store &lookup() { ++storeLookups; return *store; }

    core::Store *store;
    std::string tenantId;
    Caller caller;
    std::vector<std::string> scopes;
    bool authRequired;
    PaymentScheduler payments;
    std::size_t storeLookups = 0;
};

} // namespace petstore::mock
