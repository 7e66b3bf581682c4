// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocols/graphql/graphqlexecutor.h"
#include "core/protocols/graphql/graphqlinputcoercion.h"
#include "core/protocols/graphql/graphqlintrospection.h"
#include "core/protocols/graphql/graphqllexer.h"

#include <deque>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace petstore::core {

// One execution of one operation (GraphQLExecutor's engine, not a public API).
class GraphQLExecution
{
public:
    GraphQLExecution(const GraphQLSchema &schema, const GraphQLResolvers &resolvers, const GraphQLExecutor::Request &request,
                     GraphQLExecutor::Statistics *statistics);

    // Runs the operation; with `event`, the subscription root field takes it as its value.
    GraphQLResponse run(const GraphQLResolved *event);

private:
    struct PathNode
    {
        const PathNode *parent = nullptr;
        const std::string *key = nullptr;   // a response key, alive while its fields execute
        long index = -1;                    // a list index when >= 0
    };
    struct Completed
    {
        nlohmann::ordered_json value;
        bool errored = false;   // null because of an error already reported here or below
    };
    using Fields = std::vector<std::pair<std::string, std::vector<const GraphQLSelection *>>>;

    // §6.3.2 CollectFields.
    void collectFields(const GraphQLNamedType &type, const std::vector<GraphQLSelection> &selections, Fields &into,
                       std::set<std::string> &visitedFragments);
    bool included(const std::vector<GraphQLDirective> &directives);
    bool applies(const std::string &typeCondition, const GraphQLNamedType &type) const;

    std::vector<Completed> executeFields(const GraphQLNamedType &type, const std::vector<const std::any *> &parents,
                                         const std::vector<const PathNode *> &paths, const Fields &fields,
                                         const GraphQLResolved *rootEvent);
    std::vector<GraphQLResolved> resolve(const GraphQLNamedType &type, const GraphQLSchemaField &field, const nlohmann::json &arguments,
                                         const std::vector<const std::any *> &parents);
    std::vector<Completed> complete(const GraphQLTypeRef &type, const std::string &fieldName, const GraphQLNamedType &parentType,
                                    const std::vector<const GraphQLSelection *> &nodes,
                                    const std::vector<const GraphQLResolved *> &values, const std::vector<const PathNode *> &paths);
    std::vector<Completed> completeObjects(const GraphQLNamedType &type, const std::string &fieldName,
                                           const GraphQLNamedType &parentType, const std::vector<const GraphQLSelection *> &nodes,
                                           const std::vector<const GraphQLResolved *> &values,
                                           const std::vector<const PathNode *> &paths);
    void fieldError(const std::string &message, const PathNode *path, const std::vector<const GraphQLSelection *> &nodes,
                    nlohmann::ordered_json extensions = nullptr);
    const PathNode *child(const PathNode *parent, const std::string &key);
    const PathNode *child(const PathNode *parent, long index);
    static nlohmann::ordered_json pathJson(const PathNode *path);

    const GraphQLSchema &m_schema;
    const GraphQLResolvers &m_resolvers;
    const GraphQLExecutor::Request &m_request;
    GraphQLExecutor::Statistics *m_statistics;
    GraphQLInputCoercion m_coercion;
    GraphQLIntrospection m_introspection;
    GraphQLLexer m_locator;
    std::deque<PathNode> m_paths;
    std::vector<GraphQLError> m_errors;
};

} // namespace petstore::core
