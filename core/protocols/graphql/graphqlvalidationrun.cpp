// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/graphql/graphqlvalidationrun.h"

#include "core/protocols/graphql/graphqlbuiltins.h"
#include "core/protocols/graphql/graphqlfieldconflicts.h"
#include "core/protocols/graphql/graphqlsuggestions.h"

#include <algorithm>

namespace petstore::core {

namespace {

using DefinitionKind = GraphQLDocument::Definition::Kind;

const char *operationLocation(GraphQLOperation::Kind kind)
{
    switch (kind) {
    case GraphQLOperation::Kind::Query: return "QUERY";
    case GraphQLOperation::Kind::Mutation: return "MUTATION";
    case GraphQLOperation::Kind::Subscription: return "SUBSCRIPTION";
    }
    return "QUERY";
}

} // namespace

GraphQLValidationRun::GraphQLValidationRun(const GraphQLSchema &schema, const GraphQLDocument &document, std::size_t maxErrors)
    : m_schema(schema), m_document(document), m_maxErrors(maxErrors),
      m_conflicts(std::make_unique<GraphQLFieldConflicts>(schema, *this))
{
    for (const GraphQLFragment &fragment : document.fragments)
        m_fragments[fragment.name] = &fragment;
}

GraphQLValidationRun::~GraphQLValidationRun() = default;

void GraphQLValidationRun::report(std::string message, std::vector<std::size_t> offsets)
{
    if (m_aborted)
        return;
    if (m_reports.size() >= m_maxErrors) {
        m_reports.push_back({"Too many validation errors, error limit reached. Validation aborted.", {}});
        m_aborted = true;
        return;
    }
    m_reports.push_back({std::move(message), std::move(offsets)});
}

const GraphQLFragment *GraphQLValidationRun::fragment(const std::string &name) const
{
    const auto it = m_fragments.find(name);
    return it == m_fragments.end() ? nullptr : it->second;
}

std::vector<GraphQLValidationRun::Report> GraphQLValidationRun::run()
{
    checkDefinitions();
    for (const GraphQLDocument::Definition &definition : m_document.definitions) {
        if (m_aborted)
            break;
        if (definition.kind == DefinitionKind::Operation) {
            checkOperation(m_document.operations[definition.index]);
        } else if (definition.kind == DefinitionKind::Fragment) {
            const GraphQLFragment &fragment = m_document.fragments[definition.index];
            checkKnownType(fragment.typeCondition, fragment.typeConditionOffset);
            const GraphQLNamedType *type = m_schema.type(fragment.typeCondition);
            if (type && !type->isComposite())
                report("Fragment \"" + fragment.name + "\" cannot condition on non composite type \"" + type->name + "\".",
                       {fragment.typeConditionOffset});
            Usages &usages = m_fragmentUsages[&fragment];
            checkDirectives(fragment.directives, "FRAGMENT_DEFINITION", usages);
            const GraphQLNamedType *parent = type && type->isComposite() ? type : nullptr;
            checkFieldMerging(fragment.selections, parent);
            walkSelections(fragment.selections, parent, usages);
        } else if (definition.kind == DefinitionKind::Type) {
            checkTypeSystemReferences(m_document.types[definition.index]);
        }
    }
    for (const GraphQLOperation &operation : m_document.operations) {
        Usages usages = m_operationUsages[&operation];
        for (const GraphQLFragment *fragment : referencedFragments(operation.selections)) {
            const Usages &inside = m_fragmentUsages[fragment];
            usages.insert(usages.end(), inside.begin(), inside.end());
        }
        checkVariableUsages(operation, usages);
    }
    checkUnusedFragments();
    checkFragmentCycles();
    return std::move(m_reports);
}

void GraphQLValidationRun::checkDefinitions()
{
    std::map<std::string, std::size_t> operationNames, fragmentNames;
    std::size_t anonymous = 0;
    for (const GraphQLOperation &operation : m_document.operations) {
        if (operation.name.empty()) {
            ++anonymous;
            continue;
        }
        const auto [it, inserted] = operationNames.emplace(operation.name, operation.nameOffset);
        if (!inserted)
            report("There can be only one operation named \"" + operation.name + "\".", {it->second, operation.nameOffset});
    }
    if (anonymous > 0 && m_document.operations.size() > 1)
        for (const GraphQLOperation &operation : m_document.operations)
            if (operation.name.empty())
                report("This anonymous operation must be the only defined operation.", {operation.offset});
    for (const GraphQLFragment &fragment : m_document.fragments) {
        const auto [it, inserted] = fragmentNames.emplace(fragment.name, fragment.nameOffset);
        if (!inserted)
            report("There can be only one fragment named \"" + fragment.name + "\".", {it->second, fragment.nameOffset});
    }
    for (const GraphQLDocument::Definition &definition : m_document.definitions) {
        if (definition.executable())
            continue;
        std::string name;
        std::size_t offset = 0;
        switch (definition.kind) {
        case DefinitionKind::Type:
            name = '"' + m_document.types[definition.index].name + '"';
            offset = m_document.types[definition.index].offset;
            break;
        case DefinitionKind::Directive:
            name = '"' + m_document.directives[definition.index].name + '"';
            offset = m_document.directives[definition.index].offset;
            break;
        default:
            name = "schema";
            offset = m_document.schemas[definition.index].offset;
        }
        report("The " + name + " definition is not executable.", {offset});
    }
}

void GraphQLValidationRun::checkKnownType(const std::string &name, std::size_t offset)
{
    if (m_schema.type(name))
        return;
    const bool definedHere = std::any_of(m_document.types.begin(), m_document.types.end(),
                                         [&](const GraphQLTypeDefinition &t) { return !t.extension && t.name == name; });
    if (definedHere)
        return;
    std::vector<std::string> names;
    for (const auto &type : m_schema.types())
        names.push_back(type->name);
    for (const GraphQLTypeDefinition &type : m_document.types)
        names.push_back(type.name);
    report("Unknown type \"" + name + "\"." + GraphQLSuggestions::didYouMean(GraphQLSuggestions::rank(name, names)), {offset});
}

void GraphQLValidationRun::checkTypeSystemReferences(const GraphQLTypeDefinition &definition)
{
    // graphql-js checks type names inside SDL in an executable document too (KnownTypeNames).
    auto check = [&](const GraphQLTypeRef &ref) {
        const GraphQLTypeRef &leaf = ref.named();
        if (!GraphQLBuiltins::isBuiltinScalar(leaf.name) && !GraphQLBuiltins::isIntrospectionType(leaf.name))
            checkKnownType(leaf.name, leaf.offset);
    };
    for (const GraphQLFieldDefinition &field : definition.fields) {
        for (const GraphQLInputValueDefinition &argument : field.arguments)
            check(argument.type);
        check(field.type);
    }
    for (const GraphQLInputValueDefinition &input : definition.inputFields)
        check(input.type);
}

void GraphQLValidationRun::checkOperation(const GraphQLOperation &operation)
{
    checkVariableDefinitions(operation);
    Usages &usages = m_operationUsages[&operation];
    checkDirectives(operation.directives, operationLocation(operation.kind), usages);
    const GraphQLNamedType *root = m_schema.rootType(operation.kind);
    checkFieldMerging(operation.selections, root);
    walkSelections(operation.selections, root, usages);
    if (operation.kind == GraphQLOperation::Kind::Subscription && root)
        checkSubscription(operation);
}

void GraphQLValidationRun::checkVariableDefinitions(const GraphQLOperation &operation)
{
    // Variables inside the definitions themselves are not usages (graphql-js skips them too).
    Usages ignored;
    std::map<std::string, std::vector<std::size_t>> byName;
    std::vector<std::string> order;
    for (const GraphQLVariableDefinition &variable : operation.variables) {
        if (byName[variable.name].empty())
            order.push_back(variable.name);
        byName[variable.name].push_back(variable.nameOffset);
        const GraphQLTypeRef &leaf = variable.type.named();
        checkKnownType(leaf.name, leaf.offset);
        const GraphQLNamedType *type = m_schema.type(leaf.name);
        if (type && !type->isInput())
            report("Variable \"$" + variable.name + "\" cannot be non-input type \"" + variable.type.print() + "\".",
                   {variable.type.offset});
        if (variable.defaultValue)
            checkValue(*variable.defaultValue, type && type->isInput() ? &variable.type : nullptr, false, nullptr, ignored);
        checkDirectives(variable.directives, "VARIABLE_DEFINITION", ignored);
    }
    for (const std::string &name : order)
        if (byName[name].size() > 1)
            report("There can be only one variable named \"$" + name + "\".", byName[name]);
}

void GraphQLValidationRun::checkVariableUsages(const GraphQLOperation &operation, const Usages &usages)
{
    std::map<std::string, const GraphQLVariableDefinition *> defined;
    for (const GraphQLVariableDefinition &variable : operation.variables)
        defined.emplace(variable.name, &variable);
    std::set<std::string> used;
    for (const VariableUsage &usage : usages) {
        const std::string &name = usage.node->text;
        used.insert(name);
        const auto it = defined.find(name);
        if (it == defined.end()) {
            report(operation.name.empty() ? "Variable \"$" + name + "\" is not defined."
                                          : "Variable \"$" + name + "\" is not defined by operation \"" + operation.name + "\".",
                   {usage.node->offset, operation.offset});
            continue;
        }
        const GraphQLVariableDefinition &variable = *it->second;
        const GraphQLNamedType *variableType = m_schema.namedType(variable.type);
        if (!usage.type || !variableType || !variableType->isInput())
            continue;
        // §5.8.5 AreTypesCompatible, with the default-value allowance for nullable variables.
        bool allowed;
        if (usage.type->kind == GraphQLTypeRef::Kind::NonNull && variable.type.kind != GraphQLTypeRef::Kind::NonNull) {
            const bool variableDefault = variable.defaultValue && variable.defaultValue->kind != GraphQLValue::Kind::Null;
            allowed = (variableDefault || usage.locationHasDefault) && m_schema.isSubType(variable.type, *usage.type->of);
        } else {
            allowed = m_schema.isSubType(variable.type, *usage.type);
        }
        if (!allowed)
            report("Variable \"$" + name + "\" of type \"" + variable.type.print() + "\" used in position expecting type \""
                       + usage.type->print() + "\".",
                   {variable.offset, usage.node->offset});
        if (usage.parentInputObject && usage.parentInputObject->oneOf && variable.type.kind != GraphQLTypeRef::Kind::NonNull)
            report("Variable \"$" + name + "\" is of type \"" + variable.type.print()
                       + "\" but must be non-nullable to be used for OneOf Input Object \"" + usage.parentInputObject->name + "\".",
                   {variable.offset, usage.node->offset});
    }
    for (const GraphQLVariableDefinition &variable : operation.variables)
        if (!used.count(variable.name))
            report(operation.name.empty() ? "Variable \"$" + variable.name + "\" is never used."
                                          : "Variable \"$" + variable.name + "\" is never used in operation \"" + operation.name + "\".",
                   {variable.offset});
}

std::vector<const GraphQLSelection *> GraphQLValidationRun::fragmentSpreads(const std::vector<GraphQLSelection> &selections)
{
    std::vector<const GraphQLSelection *> spreads;
    std::vector<const std::vector<GraphQLSelection> *> sets{&selections};
    while (!sets.empty()) {
        const auto *set = sets.back();
        sets.pop_back();
        for (const GraphQLSelection &selection : *set) {
            if (selection.kind == GraphQLSelection::Kind::FragmentSpread)
                spreads.push_back(&selection);
            else if (selection.hasSelectionSet)
                sets.push_back(&selection.selections);
        }
    }
    return spreads;
}

std::vector<const GraphQLFragment *> GraphQLValidationRun::referencedFragments(const std::vector<GraphQLSelection> &selections) const
{
    std::vector<const GraphQLFragment *> found;
    std::set<std::string> collected;
    std::vector<const std::vector<GraphQLSelection> *> toVisit{&selections};
    while (!toVisit.empty()) {
        const auto *set = toVisit.back();
        toVisit.pop_back();
        for (const GraphQLSelection *spread : fragmentSpreads(*set)) {
            if (!collected.insert(spread->name).second)
                continue;
            if (const GraphQLFragment *target = fragment(spread->name)) {
                found.push_back(target);
                toVisit.push_back(&target->selections);
            }
        }
    }
    return found;
}

void GraphQLValidationRun::checkUnusedFragments()
{
    std::set<std::string> used;
    for (const GraphQLOperation &operation : m_document.operations)
        for (const GraphQLFragment *fragment : referencedFragments(operation.selections))
            used.insert(fragment->name);
    for (const GraphQLFragment &fragment : m_document.fragments)
        if (!used.count(fragment.name))
            report("Fragment \"" + fragment.name + "\" is never used.", {fragment.offset});
}

void GraphQLValidationRun::checkFragmentCycles()
{
    for (const GraphQLFragment &fragment : m_document.fragments)
        detectCycle(fragment);
}

void GraphQLValidationRun::detectCycle(const GraphQLFragment &fragment)
{
    if (!m_cycleVisited.insert(fragment.name).second)
        return;
    const auto spreads = fragmentSpreads(fragment.selections);
    if (spreads.empty())
        return;
    m_spreadPathIndex[fragment.name] = m_spreadPath.size();
    for (const GraphQLSelection *spread : spreads) {
        const auto cycle = m_spreadPathIndex.find(spread->name);
        m_spreadPath.push_back(spread);
        if (cycle == m_spreadPathIndex.end()) {
            if (const GraphQLFragment *target = this->fragment(spread->name))
                detectCycle(*target);
        } else {
            std::string via;
            std::vector<std::size_t> offsets;
            for (std::size_t i = cycle->second; i < m_spreadPath.size(); ++i) {
                offsets.push_back(m_spreadPath[i]->offset);
                if (i + 1 < m_spreadPath.size())
                    via += (via.empty() ? "\"" : ", \"") + m_spreadPath[i]->name + '"';
            }
            report("Cannot spread fragment \"" + spread->name + "\" within itself" + (via.empty() ? "." : " via " + via + '.'),
                   std::move(offsets));
        }
        m_spreadPath.pop_back();
    }
    m_spreadPathIndex.erase(fragment.name);
}

void GraphQLValidationRun::checkSubscription(const GraphQLOperation &operation)
{
    std::vector<std::pair<std::string, std::vector<const GraphQLSelection *>>> fields;
    std::set<std::string> visited;
    collectRootFields(operation.selections, *m_schema.subscriptionType(), fields, visited);
    const std::string subject = operation.name.empty() ? "Anonymous Subscription" : "Subscription \"" + operation.name + '"';
    if (fields.size() > 1) {
        std::vector<std::size_t> offsets;
        for (std::size_t i = 1; i < fields.size(); ++i)
            for (const GraphQLSelection *field : fields[i].second)
                offsets.push_back(field->offset);
        report(subject + " must select only one top level field.", std::move(offsets));
    }
    for (const auto &[key, nodes] : fields) {
        if (nodes.front()->name.rfind("__", 0) != 0)
            continue;
        std::vector<std::size_t> offsets;
        for (const GraphQLSelection *field : nodes)
            offsets.push_back(field->offset);
        report(subject + " must not select an introspection top level field.", std::move(offsets));
    }
}

void GraphQLValidationRun::collectRootFields(const std::vector<GraphQLSelection> &selections, const GraphQLNamedType &root,
                                             std::vector<std::pair<std::string, std::vector<const GraphQLSelection *>>> &fields,
                                             std::set<std::string> &visited) const
{
    // §6.3.2 CollectFields without variables: literal @skip/@include decide.
    auto included = [](const GraphQLSelection &selection) {
        for (const GraphQLDirective &directive : selection.directives) {
            if (directive.name != "skip" && directive.name != "include")
                continue;
            for (const GraphQLArgument &argument : directive.arguments)
                if (argument.name == "if" && argument.value.kind == GraphQLValue::Kind::Boolean
                    && (argument.value.text == "true") == (directive.name == "skip"))
                    return false;
        }
        return true;
    };
    auto applies = [&](const std::string &condition) {
        const GraphQLNamedType *type = condition.empty() ? &root : m_schema.type(condition);
        return type && m_schema.isPossibleType(*type, root);
    };
    for (const GraphQLSelection &selection : selections) {
        if (!included(selection))
            continue;
        if (selection.kind == GraphQLSelection::Kind::Field) {
            const std::string &key = selection.responseKey();
            auto it = std::find_if(fields.begin(), fields.end(), [&](const auto &f) { return f.first == key; });
            if (it == fields.end())
                fields.push_back({key, {&selection}});
            else
                it->second.push_back(&selection);
        } else if (selection.kind == GraphQLSelection::Kind::InlineFragment) {
            if (applies(selection.typeCondition))
                collectRootFields(selection.selections, root, fields, visited);
        } else if (visited.insert(selection.name).second) {
            const GraphQLFragment *target = fragment(selection.name);
            if (target && applies(target->typeCondition))
                collectRootFields(target->selections, root, fields, visited);
        }
    }
}

void GraphQLValidationRun::checkFieldMerging(const std::vector<GraphQLSelection> &selections, const GraphQLNamedType *parent)
{
    if (selections.size() <= 1 && (selections.empty() || selections[0].kind != GraphQLSelection::Kind::InlineFragment))
        return;
    auto conflicts = m_conflicts->within(selections, parent);
    if (m_conflicts->exhausted()) {
        // graphql-js gives up the whole validation when this rule's work budget runs out.
        if (!m_aborted)
            m_reports.push_back({"Validation aborted.", {}});
        m_aborted = true;
        return;
    }
    for (GraphQLFieldConflicts::Conflict &conflict : conflicts)
        report("Fields \"" + conflict.responseName + "\" conflict because " + conflict.reason
                   + ". Use different aliases on the fields to fetch both if this was intentional.",
               std::move(conflict.offsets));
}

} // namespace petstore::core
