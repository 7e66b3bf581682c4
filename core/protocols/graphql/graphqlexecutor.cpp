// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/graphql/graphqlexecutor.h"

#include "core/protocols/graphql/graphqlexecution.h"

namespace petstore::core {

GraphQLResponse GraphQLExecutor::execute(const Request &request, Statistics *statistics) const
{
    return GraphQLExecution(m_schema, m_resolvers, request, statistics).run(nullptr);
}

GraphQLResponse GraphQLExecutor::executeSubscriptionEvent(const Request &request, const GraphQLResolved &event,
                                                          Statistics *statistics) const
{
    return GraphQLExecution(m_schema, m_resolvers, request, statistics).run(&event);
}

} // namespace petstore::core
