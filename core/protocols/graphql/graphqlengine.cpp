// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/graphql/graphqlengine.h"

#include "core/protocols/graphql/graphqlinputcoercion.h"
#include "core/protocols/graphql/graphqllexer.h"
#include "core/protocols/graphql/graphqlparser.h"
#include "core/protocols/graphql/graphqlvalidator.h"

namespace petstore::core {

namespace {

constexpr std::size_t CachedDocuments = 256;

} // namespace

GraphQLEngine::GraphQLEngine(std::shared_ptr<const GraphQLSchema> schema, GraphQLResolvers resolvers)
    : GraphQLEngine(std::move(schema), std::move(resolvers), Limits())
{
}

GraphQLEngine::GraphQLEngine(std::shared_ptr<const GraphQLSchema> schema, GraphQLResolvers resolvers, Limits limits)
    : m_schema(std::move(schema)), m_resolvers(std::move(resolvers)), m_limits(limits), m_executor(*m_schema, m_resolvers)
{
}

std::shared_ptr<const GraphQLPreparedDocument> GraphQLEngine::document(std::string_view query)
{
    if (const auto hit = m_cache.find(query); hit != m_cache.end()) {
        m_recent.splice(m_recent.end(), m_recent, hit->second);
        return *hit->second;
    }
    auto prepared = std::make_shared<GraphQLPreparedDocument>();
    prepared->source = std::string(query);
    GraphQLParser::Limits parseLimits;
    parseLimits.maxTokens = m_limits.maxTokens;
    auto parsed = GraphQLParser::parse(prepared->source, parseLimits);
    if (!parsed)
        prepared->errors.push_back(GraphQLError::fromSyntaxError(parsed.error()));
    else {
        prepared->document = std::move(parsed).value();
        prepared->errors = GraphQLValidator::validate(*m_schema, prepared->document, prepared->source);
    }
    if (m_recent.size() >= CachedDocuments) {
        m_cache.erase(m_recent.front()->source);
        m_recent.pop_front();
    }
    m_recent.push_back(prepared);
    m_cache.emplace(m_recent.back()->source, std::prev(m_recent.end()));
    return prepared;
}

GraphQLPrepared GraphQLEngine::prepare(std::string_view query, const std::string &operationName, const nlohmann::json &variables)
{
    GraphQLPrepared prepared;
    prepared.document = document(query);
    if (!prepared.document->errors.empty()) {
        prepared.errors = prepared.document->errors;
        return prepared;
    }
    // §6.1 GetOperation.
    const auto &operations = prepared.document->document.operations;
    if (operationName.empty()) {
        if (operations.size() == 1)
            prepared.operation = &operations.front();
        else
            prepared.errors.push_back({operations.empty() ? "Must provide an operation."
                                                          : "Must provide operation name if query contains multiple operations.",
                                       {}, nullptr, nullptr});
    } else {
        for (const GraphQLOperation &operation : operations)
            if (operation.name == operationName)
                prepared.operation = &operation;
        if (!prepared.operation)
            prepared.errors.push_back({"Unknown operation named \"" + operationName + "\".", {}, nullptr, nullptr});
    }
    if (!prepared.operation)
        return prepared;
    if (!variables.is_null() && !variables.is_object()) {
        prepared.errors.push_back({"Variables must be provided as an Object where each property is a variable value.", {}, nullptr, nullptr});
        return prepared;
    }

    const GraphQLLexer locator(prepared.document->source);
    std::vector<GraphQLInputCoercion::Problem> problems;
    prepared.variables = GraphQLInputCoercion(*m_schema).variables(*prepared.operation, variables, problems);
    for (const auto &problem : problems)
        prepared.errors.push_back({problem.message, {locator.locate(problem.offset)}, nullptr, nullptr});
    if (!prepared.errors.empty())
        return prepared;
    if (const auto refusal = GraphQLRequestLimits::check(prepared.document->document, *prepared.operation, prepared.variables, m_limits.cost))
        prepared.errors.push_back({refusal->message, {locator.locate(refusal->offset)}, nullptr, {{"code", refusal->code}}});
    return prepared;
}

GraphQLResponse GraphQLEngine::execute(const GraphQLPrepared &prepared, GraphQLContext *context,
                                       GraphQLExecutor::Statistics *statistics) const
{
    if (!prepared.ok())
        return GraphQLResponse::requestError(prepared.errors);
    const GraphQLExecutor::Request request{*prepared.operation, prepared.document->document, prepared.document->source,
                                           prepared.variables, context};
    return m_executor.execute(request, statistics);
}

Result<GraphQLEngine::SubscriptionRoot> GraphQLEngine::subscriptionRoot(const GraphQLPrepared &prepared) const
{
    if (!prepared.ok() || prepared.operation->kind != GraphQLOperation::Kind::Subscription)
        return Error::make(ErrorKind::BadRequest, "not a subscription");
    // Validation left exactly one root field (§5.2.3.1); find it through any fragments.
    const GraphQLSelection *field = nullptr;
    std::vector<const std::vector<GraphQLSelection> *> sets{&prepared.operation->selections};
    for (std::size_t i = 0; i < sets.size() && !field; ++i) {
        for (const GraphQLSelection &selection : *sets[i]) {
            if (selection.kind == GraphQLSelection::Kind::Field) {
                field = &selection;
                break;
            }
            if (selection.kind == GraphQLSelection::Kind::InlineFragment)
                sets.push_back(&selection.selections);
            for (const GraphQLFragment &fragment : prepared.document->document.fragments)
                if (selection.kind == GraphQLSelection::Kind::FragmentSpread && fragment.name == selection.name)
                    sets.push_back(&fragment.selections);
        }
    }
    const GraphQLSchemaField *definition = field ? m_schema->fieldDefinition(*m_schema->subscriptionType(), field->name) : nullptr;
    if (!definition)
        return Error::make(ErrorKind::BadRequest, "the subscription selects no field");
    auto arguments = GraphQLInputCoercion(*m_schema).arguments(definition->arguments, field->arguments, prepared.variables);
    if (!arguments)
        return arguments.error();
    return SubscriptionRoot{field->name, std::move(arguments).value()};
}

GraphQLResponse GraphQLEngine::executeEvent(const GraphQLPrepared &prepared, const GraphQLResolved &event, GraphQLContext *context,
                                            GraphQLExecutor::Statistics *statistics) const
{
    if (!prepared.ok())
        return GraphQLResponse::requestError(prepared.errors);
    const GraphQLExecutor::Request request{*prepared.operation, prepared.document->document, prepared.document->source,
                                           prepared.variables, context};
    return m_executor.executeSubscriptionEvent(request, event, statistics);
}

} // namespace petstore::core
