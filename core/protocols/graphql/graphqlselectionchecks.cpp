// SPDX-License-Identifier: GPL-3.0-or-later
// The rules that look at selections: fields (§5.3), arguments (§5.4), fragments where they are
// spread (§5.5.1.2–3, §5.5.2), directives (§5.7) and graphql-js's introspection depth limit.
#include "core/protocols/graphql/graphqlsuggestions.h"
#include "core/protocols/graphql/graphqlvalidationrun.h"

#include <algorithm>

namespace petstore::core {

namespace {

bool isIntrospectionList(const std::string &name)
{
    return name == "fields" || name == "interfaces" || name == "possibleTypes" || name == "inputFields";
}

} // namespace

void GraphQLValidationRun::walkSelections(const std::vector<GraphQLSelection> &selections, const GraphQLNamedType *parent,
                                          Usages &usages)
{
    for (const GraphQLSelection &selection : selections) {
        if (m_aborted)
            return;
        switch (selection.kind) {
        case GraphQLSelection::Kind::Field: checkField(selection, parent, usages); break;
        case GraphQLSelection::Kind::InlineFragment: checkInlineFragment(selection, parent, usages); break;
        case GraphQLSelection::Kind::FragmentSpread: checkFragmentSpread(selection, parent, usages); break;
        }
    }
}

std::string GraphQLValidationRun::unknownFieldMessage(const GraphQLNamedType &parent, const std::string &fieldName) const
{
    std::string message = "Cannot query field \"" + fieldName + "\" on type \"" + parent.name + "\".";
    // Abstract types first suggest the concrete or interface types that have the field,
    // most used first (graphql-js getSuggestedTypeNames).
    if (parent.isAbstract()) {
        std::vector<const GraphQLNamedType *> suggested;
        std::map<std::string, int> usage;
        for (const std::string &name : parent.possibleTypes) {
            const GraphQLNamedType *possible = m_schema.type(name);
            if (!possible || !possible->field(fieldName))
                continue;
            suggested.push_back(possible);
            usage[possible->name] = 1;
            for (const std::string &interfaceName : possible->interfaces) {
                const GraphQLNamedType *interface = m_schema.type(interfaceName);
                if (!interface || !interface->field(fieldName))
                    continue;
                if (!usage.count(interfaceName))
                    suggested.push_back(interface);
                ++usage[interfaceName];
            }
        }
        std::stable_sort(suggested.begin(), suggested.end(), [&](const GraphQLNamedType *a, const GraphQLNamedType *b) {
            if (usage[a->name] != usage[b->name])
                return usage[a->name] > usage[b->name];
            if (a->kind == GraphQLNamedType::Kind::Interface && b->kind == GraphQLNamedType::Kind::Interface) {
                GraphQLTypeRef ra, rb;
                ra.name = a->name;
                rb.name = b->name;
                if (m_schema.isSubType(ra, rb))
                    return true;
                if (m_schema.isSubType(rb, ra))
                    return false;
            }
            return GraphQLSuggestions::naturalLess(a->name, b->name);
        });
        if (!suggested.empty()) {
            std::vector<std::string> names;
            for (const GraphQLNamedType *type : suggested)
                names.push_back(type->name);
            return message + GraphQLSuggestions::didYouMean(names, "to use an inline fragment on");
        }
    }
    std::vector<std::string> fieldNames;
    for (const GraphQLSchemaField &field : parent.fields)
        fieldNames.push_back(field.name);
    return message + GraphQLSuggestions::didYouMean(GraphQLSuggestions::rank(fieldName, fieldNames));
}

void GraphQLValidationRun::checkField(const GraphQLSelection &field, const GraphQLNamedType *parent, Usages &usages)
{
    const GraphQLSchemaField *definition = parent ? m_schema.fieldDefinition(*parent, field.name) : nullptr;
    if (parent && !definition)
        report(unknownFieldMessage(*parent, field.name), {field.offset});

    const GraphQLNamedType *type = definition ? m_schema.namedType(definition->type) : nullptr;
    if (type) {
        if (type->isLeaf() && field.hasSelectionSet)
            report("Field \"" + field.name + "\" must not have a selection since type \"" + definition->type.print()
                       + "\" has no subfields.",
                   {field.selectionSetOffset});
        else if (!type->isLeaf() && !field.hasSelectionSet)
            report("Field \"" + field.name + "\" of type \"" + definition->type.print()
                       + "\" must have a selection of subfields. Did you mean \"" + field.name + " { ... }\"?",
                   {field.offset});
    }
    checkArguments(field.arguments, definition ? &definition->arguments : nullptr,
                   parent && definition ? parent->name + '.' + definition->name : std::string(), false, field.offset, usages);
    checkDirectives(field.directives, "FIELD", usages);
    if (field.name == "__schema" || field.name == "__type")
        checkIntrospectionDepth(field);
    if (field.hasSelectionSet) {
        const GraphQLNamedType *inner = type && type->isComposite() ? type : nullptr;
        checkFieldMerging(field.selections, inner);
        walkSelections(field.selections, inner, usages);
    }
}

void GraphQLValidationRun::checkInlineFragment(const GraphQLSelection &inline_, const GraphQLNamedType *parent, Usages &usages)
{
    const GraphQLNamedType *type = parent;
    if (!inline_.typeCondition.empty()) {
        checkKnownType(inline_.typeCondition, inline_.typeConditionOffset);
        type = m_schema.type(inline_.typeCondition);
        if (type && !type->isComposite())
            report("Fragment cannot condition on non composite type \"" + type->name + "\".", {inline_.typeConditionOffset});
    }
    if (type && type->isComposite() && parent && !m_schema.overlap(*type, *parent))
        report("Fragment cannot be spread here as objects of type \"" + parent->name + "\" can never be of type \""
                   + type->name + "\".",
               {inline_.offset});
    checkDirectives(inline_.directives, "INLINE_FRAGMENT", usages);
    walkSelections(inline_.selections, type && type->isComposite() ? type : nullptr, usages);
}

void GraphQLValidationRun::checkFragmentSpread(const GraphQLSelection &spread, const GraphQLNamedType *parent, Usages &usages)
{
    const GraphQLFragment *target = fragment(spread.name);
    if (!target) {
        report("Unknown fragment \"" + spread.name + "\".", {spread.nameOffset});
    } else if (const GraphQLNamedType *type = m_schema.type(target->typeCondition);
               type && type->isComposite() && parent && !m_schema.overlap(*type, *parent)) {
        report("Fragment \"" + spread.name + "\" cannot be spread here as objects of type \"" + parent->name
                   + "\" can never be of type \"" + type->name + "\".",
               {spread.offset});
    }
    checkDirectives(spread.directives, "FRAGMENT_SPREAD", usages);
}

void GraphQLValidationRun::checkDirectives(const std::vector<GraphQLDirective> &directives, const char *location, Usages &usages)
{
    std::map<std::string, std::size_t> seen;
    for (const GraphQLDirective &directive : directives) {
        const GraphQLSchemaDirective *definition = m_schema.directive(directive.name);
        if (!definition) {
            report("Unknown directive \"@" + directive.name + "\".", {directive.offset});
        } else {
            if (std::find(definition->locations.begin(), definition->locations.end(), location) == definition->locations.end())
                report("Directive \"@" + directive.name + "\" may not be used on " + location + '.', {directive.offset});
            if (!definition->repeatable) {
                const auto [first, inserted] = seen.emplace(directive.name, directive.offset);
                if (!inserted)
                    report("The directive \"@" + directive.name + "\" can only be used once at this location.",
                           {first->second, directive.offset});
            }
        }
        checkArguments(directive.arguments, definition ? &definition->arguments : nullptr, '@' + directive.name, true,
                       directive.offset, usages);
    }
}

void GraphQLValidationRun::checkArguments(const std::vector<GraphQLArgument> &arguments,
                                          const std::vector<GraphQLSchemaInputValue> *definitions, const std::string &owner,
                                          bool onDirective, std::size_t ownerOffset, Usages &usages)
{
    std::map<std::string, std::vector<std::size_t>> byName;
    std::vector<std::string> order;
    for (const GraphQLArgument &argument : arguments) {
        if (byName[argument.name].empty())
            order.push_back(argument.name);
        byName[argument.name].push_back(argument.offset);
        const GraphQLSchemaInputValue *definition = nullptr;
        if (definitions) {
            const auto it = std::find_if(definitions->begin(), definitions->end(),
                                         [&](const GraphQLSchemaInputValue &d) { return d.name == argument.name; });
            definition = it == definitions->end() ? nullptr : &*it;
            if (!definition) {
                std::vector<std::string> names;
                for (const GraphQLSchemaInputValue &d : *definitions)
                    names.push_back(d.name);
                report("Unknown argument \"" + argument.name + "\" on " + (onDirective ? "directive \"" : "field \"") + owner + "\"."
                           + GraphQLSuggestions::didYouMean(GraphQLSuggestions::rank(argument.name, names)),
                       {argument.offset});
            }
        }
        checkValue(argument.value, definition ? &definition->type : nullptr, definition && definition->defaultValue, nullptr, usages);
    }
    for (const std::string &name : order)
        if (byName[name].size() > 1)
            report("There can be only one argument named \"" + name + "\".", byName[name]);
    if (!definitions)
        return;
    for (const GraphQLSchemaInputValue &definition : *definitions) {
        if (definition.type.kind != GraphQLTypeRef::Kind::NonNull || definition.defaultValue || byName.count(definition.name))
            continue;
        if (onDirective)
            report("Directive \"" + owner + "\" argument \"" + definition.name + "\" of type \"" + definition.type.print()
                       + "\" is required, but it was not provided.",
                   {ownerOffset});
        else
            report("Field \"" + owner.substr(owner.find('.') + 1) + "\" argument \"" + definition.name + "\" of type \""
                       + definition.type.print() + "\" is required, but it was not provided.",
                   {ownerOffset});
    }
}

void GraphQLValidationRun::checkIntrospectionDepth(const GraphQLSelection &field)
{
    std::map<std::string, int> visited;
    if (introspectionTooDeep(field, visited, 0))
        report("Maximum introspection depth exceeded", {field.offset});
}

bool GraphQLValidationRun::introspectionTooDeep(const GraphQLSelection &selection, std::map<std::string, int> &visited, int depth)
{
    // Counts nested introspection lists (fields, interfaces, possibleTypes, inputFields) below
    // __schema or __type; three in a row is refused, so a query cannot fan out through the
    // schema's cycles. Fragments are memoised by the depth they were entered at.
    constexpr int maxListsDepth = 3;
    if (selection.kind == GraphQLSelection::Kind::FragmentSpread) {
        const auto exceeded = m_introspectionExceeded.find(selection.name);
        if (exceeded != m_introspectionExceeded.end() && exceeded->second <= depth)
            return true;
        const auto seen = visited.find(selection.name);
        const auto checked = m_introspectionChecked.find(selection.name);
        if ((seen != visited.end() && seen->second >= depth) || (checked != m_introspectionChecked.end() && checked->second >= depth))
            return false;
        const GraphQLFragment *target = fragment(selection.name);
        if (!target)
            return false;
        visited[selection.name] = depth;
        for (const GraphQLSelection &child : target->selections) {
            if (introspectionTooDeep(child, visited, depth)) {
                m_introspectionExceeded[selection.name] = depth;
                return true;
            }
        }
        m_introspectionChecked[selection.name] = depth;
        return false;
    }
    if (selection.kind == GraphQLSelection::Kind::Field && isIntrospectionList(selection.name) && ++depth >= maxListsDepth)
        return true;
    for (const GraphQLSelection &child : selection.selections)
        if (introspectionTooDeep(child, visited, depth))
            return true;
    return false;
}

} // namespace petstore::core
