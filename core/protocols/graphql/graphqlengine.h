// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocols/graphql/graphqlexecutor.h"
#include "core/protocols/graphql/graphqlrequestlimits.h"
#include "core/protocols/graphql/graphqlresolvers.h"
#include "core/protocols/graphql/graphqlschema.h"

#include <nlohmann/json.hpp>

#include <list>
#include <map>
#include <memory>
#include <string>
#include <string_view>

namespace petstore::core {

// A parsed and validated document, shared by every request that sends the same text.
struct GraphQLPreparedDocument
{
    std::string source;
    GraphQLDocument document;
    std::vector<GraphQLError> errors;   // syntax or validation errors; empty when valid
};

// One request ready to run, or the request errors (spec §7.1.1: no "data") that stop it.
struct GraphQLPrepared
{
    std::shared_ptr<const GraphQLPreparedDocument> document;
    const GraphQLOperation *operation = nullptr;
    nlohmann::json variables;
    std::vector<GraphQLError> errors;
    bool ok() const { return errors.empty() && operation; }
};

// The GraphQL service of a schema: parse (with a token limit), validate, choose the operation
// (§6.1), coerce variables, check the cost limits, then execute. Prepared documents are kept
// in a small cache by text, since clients send the same documents again and again.
class GraphQLEngine
{
public:
    struct Limits
    {
        std::size_t maxTokens = 10000;
        GraphQLRequestLimits::Limits cost;
    };

    GraphQLEngine(std::shared_ptr<const GraphQLSchema> schema, GraphQLResolvers resolvers);
    GraphQLEngine(std::shared_ptr<const GraphQLSchema> schema, GraphQLResolvers resolvers, Limits limits);

    const GraphQLSchema &schema() const { return *m_schema; }
    const Limits &limits() const { return m_limits; }

    GraphQLPrepared prepare(std::string_view query, const std::string &operationName, const nlohmann::json &variables);
    GraphQLResponse execute(const GraphQLPrepared &prepared, GraphQLContext *context,
                            GraphQLExecutor::Statistics *statistics = nullptr) const;
    // The root field of a prepared subscription (§6.2.3.1 CreateSourceEventStream): its name
    // and coerced arguments, which say which events feed it.
    struct SubscriptionRoot
    {
        std::string field;
        nlohmann::json arguments;
    };
    Result<SubscriptionRoot> subscriptionRoot(const GraphQLPrepared &prepared) const;
    // One event of a subscription prepared earlier (its root field's value is `event`).
    GraphQLResponse executeEvent(const GraphQLPrepared &prepared, const GraphQLResolved &event, GraphQLContext *context,
                                 GraphQLExecutor::Statistics *statistics = nullptr) const;

private:
    std::shared_ptr<const GraphQLPreparedDocument> document(std::string_view query);

    std::shared_ptr<const GraphQLSchema> m_schema;
    GraphQLResolvers m_resolvers;
    Limits m_limits;
    GraphQLExecutor m_executor;
    // Least recently used first.
    std::list<std::shared_ptr<const GraphQLPreparedDocument>> m_recent;
    std::map<std::string_view, std::list<std::shared_ptr<const GraphQLPreparedDocument>>::iterator> m_cache;
};

} // namespace petstore::core
