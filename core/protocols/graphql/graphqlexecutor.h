// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocols/graphql/graphqlast.h"
#include "core/protocols/graphql/graphqlresolved.h"
#include "core/protocols/graphql/graphqlresolvers.h"
#include "core/protocols/graphql/graphqlresponse.h"
#include "core/protocols/graphql/graphqlschema.h"

#include <nlohmann/json.hpp>

#include <string_view>

namespace petstore::core {

// Executes a validated operation (spec §6): fields collected with @skip/@include and
// fragments, arguments coerced, resolvers called, values completed with null propagation and
// field errors carrying "path" and "locations". Lists are completed breadth-first: each field
// is resolved once for all the objects of a list (GraphQLFieldBatch), which is what lets
// resolvers batch their look-ups. Root fields run in order, so mutations are serial (§6.2.2).
class GraphQLExecutor
{
public:
    struct Request
    {
        const GraphQLOperation &operation;
        const GraphQLDocument &document;
        std::string_view source;              // for error locations
        const nlohmann::json &variables;      // already coerced (GraphQLInputCoercion)
        GraphQLContext *context = nullptr;
    };
    struct Statistics
    {
        std::size_t resolverCalls = 0;        // batches resolved
        std::size_t resolvedValues = 0;       // values the batches produced
    };

    GraphQLExecutor(const GraphQLSchema &schema, const GraphQLResolvers &resolvers) : m_schema(schema), m_resolvers(resolvers) {}

    GraphQLResponse execute(const Request &request, Statistics *statistics = nullptr) const;
    // §6.2.3.2 ExecuteSubscriptionEvent: the subscription's single root field takes `event`
    // as its value instead of calling a resolver, and is completed as usual.
    GraphQLResponse executeSubscriptionEvent(const Request &request, const GraphQLResolved &event,
                                             Statistics *statistics = nullptr) const;

private:
    const GraphQLSchema &m_schema;
    const GraphQLResolvers &m_resolvers;
};

} // namespace petstore::core
