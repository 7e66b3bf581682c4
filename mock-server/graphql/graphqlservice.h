// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocols/graphql/graphqlengine.h"
#include "core/result.h"
#include "mock-server/graphql/graphqlrequestcontext.h"

#include <memory>
#include <string>

namespace petstore::mock {

// The Petstore's GraphQL service, shared by GraphQL over HTTP and graphql-transport-ws: the
// schema built from specs/graphql/petstore.graphql (compiled in), its resolvers and the
// engine. Responses carry extensions.metrics: resolver calls, values resolved and store
// look-ups, so the effect of batching is visible.
class GraphQLService
{
public:
    static core::Result<std::unique_ptr<GraphQLService>> create(const core::GraphQLEngine::Limits &limits);

    const std::string &sdl() const { return m_sdl; }
    core::GraphQLPrepared prepare(std::string_view query, const std::string &operationName, const nlohmann::json &variables)
    {
        return m_engine->prepare(query, operationName, variables);
    }
    core::Result<core::GraphQLEngine::SubscriptionRoot> subscriptionRoot(const core::GraphQLPrepared &prepared) const
    {
        return m_engine->subscriptionRoot(prepared);
    }
    core::GraphQLResponse execute(const core::GraphQLPrepared &prepared, GraphQLRequestContext &context) const;
    core::GraphQLResponse executeEvent(const core::GraphQLPrepared &prepared, const core::GraphQLResolved &event,
                                       GraphQLRequestContext &context) const;

private:
    GraphQLService(std::string sdl, std::unique_ptr<core::GraphQLEngine> engine) : m_sdl(std::move(sdl)), m_engine(std::move(engine)) {}
    static void addMetrics(core::GraphQLResponse &response, const core::GraphQLExecutor::Statistics &statistics,
                           const GraphQLRequestContext &context);

    std::string m_sdl;
    std::unique_ptr<core::GraphQLEngine> m_engine;
};

} // namespace petstore::mock
