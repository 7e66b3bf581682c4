// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/graphql/graphqlservice.h"

#include "core/protocols/graphql/graphqlschemabuilder.h"
#include "mock-server/graphql/petstoregraphqlresolvers.h"

#include <QFile>

namespace petstore::mock {

core::Result<std::unique_ptr<GraphQLService>> GraphQLService::create(const core::GraphQLEngine::Limits &limits)
{
    QFile file(QStringLiteral(":/specs/petstore.graphql"));
    if (!file.open(QIODevice::ReadOnly))
        return core::Error::make(core::ErrorKind::Internal, "the GraphQL schema resource is missing");
    std::string sdl = file.readAll().toStdString();
    auto schema = core::GraphQLSchemaBuilder::build(sdl);
    if (!schema)
        return schema.error();
    core::GraphQLResolvers resolvers = PetstoreGraphQLResolvers::build();
    if (const auto holes = resolvers.missing(**schema); !holes.empty())
        return core::Error::make(core::ErrorKind::Internal, "GraphQL fields without a resolver: " + holes.front());
    auto engine = std::make_unique<core::GraphQLEngine>(std::move(schema).value(), std::move(resolvers), limits);
    return std::unique_ptr<GraphQLService>(new GraphQLService(std::move(sdl), std::move(engine)));
}

void GraphQLService::addMetrics(core::GraphQLResponse &response, const core::GraphQLExecutor::Statistics &statistics,
                                const GraphQLRequestContext &context)
{
    response.extensions["metrics"] = {{"resolverCalls", statistics.resolverCalls},
                                      {"resolvedValues", statistics.resolvedValues},
                                      {"storeLookups", context.storeLookups}};
}

core::GraphQLResponse GraphQLService::execute(const core::GraphQLPrepared &prepared, GraphQLRequestContext &context) const
{
    core::GraphQLExecutor::Statistics statistics;
    core::GraphQLResponse response = m_engine->execute(prepared, &context, &statistics);
    if (response.hasData)
        addMetrics(response, statistics, context);
    return response;
}

core::GraphQLResponse GraphQLService::executeEvent(const core::GraphQLPrepared &prepared, const core::GraphQLResolved &event,
                                                   GraphQLRequestContext &context) const
{
    core::GraphQLExecutor::Statistics statistics;
    core::GraphQLResponse response = m_engine->executeEvent(prepared, event, &context, &statistics);
    if (response.hasData)
        addMetrics(response, statistics, context);
    return response;
}

} // namespace petstore::mock
