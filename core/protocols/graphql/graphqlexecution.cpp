// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/graphql/graphqlexecution.h"

#include "core/protocols/graphql/graphqlbuiltins.h"
#include "core/protocols/graphql/graphqlprinter.h"
#include "core/protocols/graphql/graphqlscalars.h"

#include <algorithm>

namespace petstore::core {

namespace {

using ordered_json = nlohmann::ordered_json;
using TypeKind = GraphQLTypeRef::Kind;

} // namespace

GraphQLExecution::GraphQLExecution(const GraphQLSchema &schema, const GraphQLResolvers &resolvers,
                                   const GraphQLExecutor::Request &request, GraphQLExecutor::Statistics *statistics)
    : m_schema(schema), m_resolvers(resolvers), m_request(request), m_statistics(statistics), m_coercion(schema),
      m_introspection(schema), m_locator(request.source)
{
}

GraphQLResponse GraphQLExecution::run(const GraphQLResolved *event)
{
    GraphQLResponse response;
    const GraphQLNamedType *root = m_schema.rootType(m_request.operation.kind);
    if (!root) {
        const char *kind = m_request.operation.kind == GraphQLOperation::Kind::Mutation ? "mutation" : "subscription";
        GraphQLError error{std::string("Schema is not configured to execute ") + kind + " operation.",
                           {m_locator.locate(m_request.operation.offset)}, nullptr, nullptr};
        return GraphQLResponse::requestError({std::move(error)});
    }
    Fields fields;
    std::set<std::string> visited;
    collectFields(*root, m_request.operation.selections, fields, visited);
    const std::any rootValue;
    const std::vector<const std::any *> parents{&rootValue};
    const std::vector<const PathNode *> paths{nullptr};
    std::vector<Completed> data = executeFields(*root, parents, paths, fields, event);
    response.hasData = true;
    response.data = std::move(data.front().value);
    response.errors = std::move(m_errors);
    return response;
}

bool GraphQLExecution::included(const std::vector<GraphQLDirective> &directives)
{
    // §3.13.1–2: @skip(if: true) or @include(if: false) leave the selection out.
    for (const GraphQLDirective &directive : directives) {
        if (directive.name != "skip" && directive.name != "include")
            continue;
        const GraphQLSchemaDirective *definition = m_schema.directive(directive.name);
        auto arguments = m_coercion.arguments(definition->arguments, directive.arguments, m_request.variables);
        const bool condition = arguments.ok() && arguments->value("if", false);
        if (condition == (directive.name == "skip"))
            return false;
    }
    return true;
}

bool GraphQLExecution::applies(const std::string &typeCondition, const GraphQLNamedType &type) const
{
    if (typeCondition.empty())
        return true;
    const GraphQLNamedType *condition = m_schema.type(typeCondition);
    return condition && m_schema.isPossibleType(*condition, type);
}

void GraphQLExecution::collectFields(const GraphQLNamedType &type, const std::vector<GraphQLSelection> &selections, Fields &into,
                                     std::set<std::string> &visitedFragments)
{
    for (const GraphQLSelection &selection : selections) {
        if (!included(selection.directives))
            continue;
        switch (selection.kind) {
        case GraphQLSelection::Kind::Field: {
            const std::string &key = selection.responseKey();
            auto it = std::find_if(into.begin(), into.end(), [&](const auto &f) { return f.first == key; });
            if (it == into.end())
                into.push_back({key, {&selection}});
            else
                it->second.push_back(&selection);
            break;
        }
        case GraphQLSelection::Kind::InlineFragment:
            if (applies(selection.typeCondition, type))
                collectFields(type, selection.selections, into, visitedFragments);
            break;
        case GraphQLSelection::Kind::FragmentSpread: {
            if (!visitedFragments.insert(selection.name).second)
                break;
            const auto &fragments = m_request.document.fragments;
            const auto it = std::find_if(fragments.begin(), fragments.end(), [&](const GraphQLFragment &f) { return f.name == selection.name; });
            if (it != fragments.end() && applies(it->typeCondition, type))
                collectFields(type, it->selections, into, visitedFragments);
            break;
        }
        }
    }
}

const GraphQLExecution::PathNode *GraphQLExecution::child(const PathNode *parent, const std::string &key)
{
    m_paths.push_back({parent, &key, -1});
    return &m_paths.back();
}

const GraphQLExecution::PathNode *GraphQLExecution::child(const PathNode *parent, long index)
{
    m_paths.push_back({parent, nullptr, index});
    return &m_paths.back();
}

ordered_json GraphQLExecution::pathJson(const PathNode *path)
{
    std::vector<const PathNode *> steps;
    for (; path; path = path->parent)
        steps.push_back(path);
    ordered_json json = ordered_json::array();
    for (auto it = steps.rbegin(); it != steps.rend(); ++it)
        json.push_back((*it)->index >= 0 ? ordered_json((*it)->index) : ordered_json(*(*it)->key));
    return json;
}

void GraphQLExecution::fieldError(const std::string &message, const PathNode *path, const std::vector<const GraphQLSelection *> &nodes,
                                  ordered_json extensions)
{
    GraphQLError error;
    error.message = message;
    for (const GraphQLSelection *node : nodes)
        error.locations.push_back(m_locator.locate(node->offset));
    error.path = pathJson(path);
    error.extensions = std::move(extensions);
    m_errors.push_back(std::move(error));
}

std::vector<GraphQLExecution::Completed> GraphQLExecution::executeFields(const GraphQLNamedType &type,
                                                                         const std::vector<const std::any *> &parents,
                                                                         const std::vector<const PathNode *> &paths,
                                                                         const Fields &fields, const GraphQLResolved *rootEvent)
{
    std::vector<ordered_json> objects(parents.size(), ordered_json::object());
    // An ordered_map entry holds a const key, so it is copied, not moved, when the map grows:
    // room for every field up front keeps the values below from being deep-copied.
    for (ordered_json &object : objects)
        object.get_ref<ordered_json::object_t &>().reserve(fields.size());
    std::vector<bool> nulled(parents.size(), false);
    for (const auto &[key, nodes] : fields) {
        const GraphQLSelection &node = *nodes.front();
        if (node.name == "__typename") {
            for (ordered_json &object : objects)
                object[key] = type.name;
            continue;
        }
        const GraphQLSchemaField *field = m_schema.fieldDefinition(type, node.name);
        if (!field)
            continue;   // validation refused it; nothing to execute (§6.4)
        std::vector<const PathNode *> childPaths;
        childPaths.reserve(parents.size());
        for (const PathNode *path : paths)
            childPaths.push_back(child(path, key));

        std::vector<GraphQLResolved> values;
        auto arguments = m_coercion.arguments(field->arguments, node.arguments, m_request.variables);
        if (!arguments) {
            values.assign(parents.size(), GraphQLResolved::error(arguments.error().message));
        } else if (rootEvent) {
            values.assign(parents.size(), *rootEvent);
        } else {
            values = resolve(type, *field, *arguments, parents);
        }
        std::vector<const GraphQLResolved *> pointers;
        pointers.reserve(values.size());
        for (const GraphQLResolved &value : values)
            pointers.push_back(&value);
        std::vector<Completed> completed = complete(field->type, field->name, type, nodes, pointers, childPaths);
        for (std::size_t i = 0; i < parents.size(); ++i) {
            if (completed[i].value.is_null() && field->type.kind == TypeKind::NonNull)
                nulled[i] = true;   // §6.4.4: a non-null field's null makes its parent null
            objects[i][key] = std::move(completed[i].value);
        }
    }
    std::vector<Completed> results(parents.size());
    for (std::size_t i = 0; i < parents.size(); ++i) {
        if (nulled[i])
            results[i] = {nullptr, true};
        else
            results[i] = {std::move(objects[i]), false};
    }
    return results;
}

std::vector<GraphQLResolved> GraphQLExecution::resolve(const GraphQLNamedType &type, const GraphQLSchemaField &field,
                                                       const nlohmann::json &arguments, const std::vector<const std::any *> &parents)
{
    if (m_statistics) {
        ++m_statistics->resolverCalls;
        m_statistics->resolvedValues += parents.size();
    }
    if (GraphQLBuiltins::isIntrospectionType(type.name) || field.name == "__schema" || field.name == "__type") {
        std::vector<GraphQLResolved> values;
        values.reserve(parents.size());
        for (const std::any *parent : parents)
            values.push_back(m_introspection.resolve(type, field.name, *parent, arguments));
        return values;
    }
    const GraphQLResolvers::Batch *resolver = m_resolvers.find(type.name, field.name);
    if (!resolver)
        return std::vector<GraphQLResolved>(parents.size(), GraphQLResolved::error("No resolver for " + type.name + '.' + field.name + '.'));
    const GraphQLFieldBatch batch{type, field, arguments, parents, m_request.context};
    std::vector<GraphQLResolved> values = (*resolver)(batch);
    values.resize(parents.size());
    return values;
}

std::vector<GraphQLExecution::Completed> GraphQLExecution::complete(const GraphQLTypeRef &type, const std::string &fieldName,
                                                                    const GraphQLNamedType &parentType,
                                                                    const std::vector<const GraphQLSelection *> &nodes,
                                                                    const std::vector<const GraphQLResolved *> &values,
                                                                    const std::vector<const PathNode *> &paths)
{
    const std::string where = parentType.name + '.' + fieldName;
    if (type.kind == TypeKind::NonNull) {
        std::vector<Completed> inner = complete(*type.of, fieldName, parentType, nodes, values, paths);
        for (std::size_t i = 0; i < inner.size(); ++i) {
            if (!inner[i].value.is_null())
                continue;
            if (!inner[i].errored)
                fieldError("Cannot return null for non-nullable field " + where + '.', paths[i], nodes);
            inner[i].errored = true;
        }
        return inner;
    }
    std::vector<Completed> results(values.size());
    std::vector<std::size_t> pending;   // values that are neither null nor errors
    for (std::size_t i = 0; i < values.size(); ++i) {
        const GraphQLResolved &value = *values[i];
        if (value.kind() == GraphQLResolved::Kind::Error) {
            fieldError(value.errorMessage(), paths[i], nodes, value.errorExtensions());
            results[i] = {nullptr, true};
        } else if (value.kind() != GraphQLResolved::Kind::Null) {
            pending.push_back(i);
        }
    }
    if (pending.empty())
        return results;

    if (type.kind == TypeKind::List) {
        // Every item of every list, completed together (one batch per field below).
        std::vector<const GraphQLResolved *> items;
        std::vector<const PathNode *> itemPaths;
        std::vector<std::pair<std::size_t, std::size_t>> spans;   // owner index → [first, count)
        for (const std::size_t i : pending) {
            if (values[i]->kind() != GraphQLResolved::Kind::List) {
                fieldError("Expected Iterable, but did not find one for field \"" + where + "\".", paths[i], nodes);
                results[i] = {nullptr, true};
                continue;
            }
            spans.emplace_back(i, items.size());
            long index = 0;
            for (const GraphQLResolved &item : values[i]->items()) {
                items.push_back(&item);
                itemPaths.push_back(child(paths[i], index++));
            }
        }
        std::vector<Completed> completed = complete(*type.of, fieldName, parentType, nodes, items, itemPaths);
        for (std::size_t s = 0; s < spans.size(); ++s) {
            const auto [owner, first] = spans[s];
            const std::size_t end = s + 1 < spans.size() ? spans[s + 1].second : completed.size();
            ordered_json list = ordered_json::array();
            list.get_ref<ordered_json::array_t &>().reserve(end - first);
            bool nulled = false;
            for (std::size_t k = first; k < end; ++k) {
                nulled = nulled || (completed[k].value.is_null() && type.of->kind == TypeKind::NonNull);
                list.push_back(std::move(completed[k].value));
            }
            results[owner] = nulled ? Completed{nullptr, true} : Completed{std::move(list), false};
        }
        return results;
    }

    const GraphQLNamedType *named = m_schema.type(type.name);
    if (named->isLeaf()) {
        for (const std::size_t i : pending) {
            const GraphQLResolved &value = *values[i];
            if (value.kind() != GraphQLResolved::Kind::Leaf) {
                fieldError("Expected a value of type \"" + named->name + "\" for field \"" + where + "\".", paths[i], nodes);
                results[i] = {nullptr, true};
                continue;
            }
            if (named->kind == GraphQLNamedType::Kind::Enum) {
                const ordered_json &leaf = value.leafValue();
                if (leaf.is_string() && named->enumValue(leaf.get<std::string>())) {
                    results[i] = {leaf, false};
                } else {
                    fieldError("Enum \"" + named->name + "\" cannot represent value: "
                                   + GraphQLPrinter::inspect(nlohmann::json::parse(leaf.dump())),
                               paths[i], nodes);
                    results[i] = {nullptr, true};
                }
                continue;
            }
            auto serialized = GraphQLScalars::serialize(named->scalar, value.leafValue());
            if (serialized) {
                results[i] = {std::move(serialized).value(), false};
            } else {
                fieldError(serialized.error().message, paths[i], nodes);
                results[i] = {nullptr, true};
            }
        }
        return results;
    }

    std::vector<const GraphQLResolved *> objects;
    std::vector<const PathNode *> objectPaths;
    for (const std::size_t i : pending) {
        objects.push_back(values[i]);
        objectPaths.push_back(paths[i]);
    }
    std::vector<Completed> completed = completeObjects(*named, fieldName, parentType, nodes, objects, objectPaths);
    for (std::size_t k = 0; k < pending.size(); ++k)
        results[pending[k]] = std::move(completed[k]);
    return results;
}

std::vector<GraphQLExecution::Completed> GraphQLExecution::completeObjects(const GraphQLNamedType &type, const std::string &fieldName,
                                                                           const GraphQLNamedType &parentType,
                                                                           const std::vector<const GraphQLSelection *> &nodes,
                                                                           const std::vector<const GraphQLResolved *> &values,
                                                                           const std::vector<const PathNode *> &paths)
{
    const std::string where = parentType.name + '.' + fieldName;
    std::vector<Completed> results(values.size());
    // §6.4.3 ResolveAbstractType, then one execution per concrete type met.
    std::vector<std::pair<const GraphQLNamedType *, std::vector<std::size_t>>> groups;
    for (std::size_t i = 0; i < values.size(); ++i) {
        const GraphQLResolved &value = *values[i];
        if (value.kind() != GraphQLResolved::Kind::Object) {
            fieldError("Expected an object of type \"" + type.name + "\" for field \"" + where + "\".", paths[i], nodes);
            results[i] = {nullptr, true};
            continue;
        }
        const GraphQLNamedType *runtime = &type;
        if (type.isAbstract()) {
            runtime = value.typeName().empty() ? nullptr : m_schema.type(value.typeName());
            if (!runtime) {
                fieldError("Abstract type \"" + type.name + "\" must resolve to an Object type at runtime for field \"" + where
                               + "\". The resolver named no type.",
                           paths[i], nodes);
                results[i] = {nullptr, true};
                continue;
            }
            if (runtime->kind != GraphQLNamedType::Kind::Object || !m_schema.isPossibleType(type, *runtime)) {
                fieldError("Runtime Object type \"" + runtime->name + "\" is not a possible type for \"" + type.name + "\".", paths[i],
                           nodes);
                results[i] = {nullptr, true};
                continue;
            }
        }
        auto group = std::find_if(groups.begin(), groups.end(), [&](const auto &g) { return g.first == runtime; });
        if (group == groups.end())
            groups.push_back({runtime, {i}});
        else
            group->second.push_back(i);
    }
    for (const auto &[runtime, members] : groups) {
        Fields fields;
        std::set<std::string> visited;
        for (const GraphQLSelection *node : nodes)
            collectFields(*runtime, node->selections, fields, visited);
        std::vector<const std::any *> parents;
        std::vector<const PathNode *> memberPaths;
        for (const std::size_t i : members) {
            parents.push_back(&values[i]->objectValue());
            memberPaths.push_back(paths[i]);
        }
        std::vector<Completed> completed = executeFields(*runtime, parents, memberPaths, fields, nullptr);
        for (std::size_t k = 0; k < members.size(); ++k)
            results[members[k]] = std::move(completed[k]);
    }
    return results;
}

} // namespace petstore::core
