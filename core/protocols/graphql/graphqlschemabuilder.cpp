// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/graphql/graphqlschemabuilder.h"

#include "core/protocols/graphql/graphqlbuiltins.h"
#include "core/protocols/graphql/graphqlparser.h"

#include <algorithm>

namespace petstore::core {

namespace {

using TypeKind = GraphQLTypeDefinition::Kind;

std::optional<std::string> deprecationReason(const std::vector<GraphQLDirective> &directives)
{
    for (const GraphQLDirective &directive : directives) {
        if (directive.name != "deprecated")
            continue;
        for (const GraphQLArgument &argument : directive.arguments)
            if (argument.name == "reason" && argument.value.kind == GraphQLValue::Kind::String)
                return argument.value.text;
        return std::string("No longer supported");
    }
    return std::nullopt;
}

bool hasDirective(const std::vector<GraphQLDirective> &directives, const char *name)
{
    return std::any_of(directives.begin(), directives.end(), [&](const GraphQLDirective &d) { return d.name == name; });
}

GraphQLSchemaInputValue inputValue(const GraphQLInputValueDefinition &definition)
{
    return {definition.name, definition.description, definition.type, definition.defaultValue,
            deprecationReason(definition.directives)};
}

GraphQLSchemaField field(const GraphQLFieldDefinition &definition)
{
    GraphQLSchemaField field{definition.name, definition.description, {}, definition.type,
                             deprecationReason(definition.directives)};
    for (const auto &argument : definition.arguments)
        field.arguments.push_back(inputValue(argument));
    return field;
}

void addMembers(GraphQLNamedType &type, const GraphQLTypeDefinition &definition)
{
    for (const auto &f : definition.fields)
        type.fields.push_back(field(f));
    type.interfaces.insert(type.interfaces.end(), definition.interfaces.begin(), definition.interfaces.end());
    type.possibleTypes.insert(type.possibleTypes.end(), definition.members.begin(), definition.members.end());
    for (const auto &value : definition.values)
        type.enumValues.push_back({value.name, value.description, deprecationReason(value.directives)});
    for (const auto &input : definition.inputFields)
        type.inputFields.push_back(inputValue(input));
    for (const GraphQLDirective &directive : definition.directives) {
        if (directive.name == "specifiedBy")
            for (const GraphQLArgument &argument : directive.arguments)
                if (argument.name == "url")
                    type.specifiedByUrl = argument.value.text;
    }
    type.oneOf = type.oneOf || hasDirective(definition.directives, "oneOf");
}

GraphQLTypeRef named(const char *name)
{
    GraphQLTypeRef ref;
    ref.name = name;
    return ref;
}

GraphQLTypeRef nonNull(GraphQLTypeRef of)
{
    GraphQLTypeRef ref;
    ref.kind = GraphQLTypeRef::Kind::NonNull;
    ref.of = std::make_shared<const GraphQLTypeRef>(std::move(of));
    return ref;
}

} // namespace

Result<std::shared_ptr<const GraphQLSchema>> GraphQLSchemaBuilder::build(std::string_view sdl)
{
    auto builtins = GraphQLParser::parse(GraphQLBuiltins::sdl());
    if (!builtins)
        return Error::make(ErrorKind::Internal, "The built-in GraphQL definitions do not parse: " + builtins.error().message);
    auto document = GraphQLParser::parse(sdl);
    if (!document)
        return document.error();

    auto schema = std::make_shared<GraphQLSchema>();
    GraphQLSchemaBuilder builder(*schema);
    builder.addDocument(*builtins, "built-in");
    builder.addDocument(*document, "schema");
    for (const GraphQLTypeDefinition *extension : builder.m_extensions)
        builder.extendType(*extension);
    builder.resolveRoots();
    builder.checkTypes();
    builder.linkInterfaces();
    builder.addMetaFields();
    if (!builder.m_problems.empty())
        return Error::make(ErrorKind::Validation, "Invalid GraphQL schema: " + builder.m_problems);
    return std::shared_ptr<const GraphQLSchema>(std::move(schema));
}

void GraphQLSchemaBuilder::addDocument(const GraphQLDocument &document, const std::string &source)
{
    if (!document.operations.empty() || !document.fragments.empty())
        problem("The " + source + " SDL has executable definitions (operations or fragments).");
    for (const GraphQLTypeDefinition &definition : document.types) {
        if (definition.extension)
            m_extensions.push_back(&definition);
        else
            addType(definition);
    }
    for (const GraphQLDirectiveDefinition &directive : document.directives)
        addDirective(directive);
    for (const GraphQLSchemaDefinition &definition : document.schemas) {
        if (!definition.extension && !m_schemaDefinitions.empty())
            problem("Must provide only one schema definition.");
        if (!definition.description.empty())
            m_schema.m_description = definition.description;
        m_schemaDefinitions.push_back(definition);
    }
}

void GraphQLSchemaBuilder::addType(const GraphQLTypeDefinition &definition)
{
    if (m_schema.type(definition.name)) {
        problem("There can be only one type named \"" + definition.name + "\".");
        return;
    }
    auto type = std::make_unique<GraphQLNamedType>();
    type->kind = definition.kind;
    type->name = definition.name;
    type->description = definition.description;
    type->scalar = GraphQLScalars::kindOf(definition.name);
    addMembers(*type, definition);
    m_schema.m_byName.emplace(type->name, type.get());
    m_schema.m_types.push_back(std::move(type));
}

void GraphQLSchemaBuilder::extendType(const GraphQLTypeDefinition &extension)
{
    auto *type = const_cast<GraphQLNamedType *>(m_schema.type(extension.name));
    if (!type) {
        problem("Cannot extend type \"" + extension.name + "\" because it is not defined.");
        return;
    }
    if (type->kind != extension.kind) {
        problem("Cannot extend type \"" + extension.name + "\" with a definition of another kind.");
        return;
    }
    addMembers(*type, extension);
}

void GraphQLSchemaBuilder::addDirective(const GraphQLDirectiveDefinition &definition)
{
    if (m_schema.directive(definition.name)) {
        problem("There can be only one directive named \"@" + definition.name + "\".");
        return;
    }
    GraphQLSchemaDirective directive{definition.name, definition.description, {}, definition.locations, definition.repeatable};
    for (const auto &argument : definition.arguments)
        directive.arguments.push_back(inputValue(argument));
    m_schema.m_directives.push_back(std::move(directive));
}

void GraphQLSchemaBuilder::resolveRoots()
{
    const char *defaults[] = {"Query", "Mutation", "Subscription"};
    const GraphQLNamedType **roots[] = {&m_schema.m_query, &m_schema.m_mutation, &m_schema.m_subscription};
    bool declared = false;
    for (const GraphQLSchemaDefinition &definition : m_schemaDefinitions) {
        for (const auto &[kind, typeName] : definition.rootTypes) {
            declared = true;
            const GraphQLNamedType *type = m_schema.type(typeName);
            if (!type || type->kind != TypeKind::Object)
                problem("Root type \"" + typeName + "\" must be a defined object type.");
            else
                *roots[static_cast<int>(kind)] = type;
        }
    }
    if (!declared) {
        for (int i = 0; i < 3; ++i)
            if (const GraphQLNamedType *type = m_schema.type(defaults[i]); type && type->kind == TypeKind::Object)
                *roots[i] = type;
    }
    if (!m_schema.m_query)
        problem("Query root type must be provided.");
}

void GraphQLSchemaBuilder::checkReference(const GraphQLTypeRef &ref, bool input, const std::string &where)
{
    const GraphQLNamedType *type = m_schema.namedType(ref);
    if (!type)
        problem("Unknown type \"" + ref.named().name + "\" in " + where + '.');
    else if (input && !type->isInput())
        problem("The type of " + where + " must be Input Type but got: " + ref.print() + '.');
    else if (!input && !type->isOutput())
        problem("The type of " + where + " must be Output Type but got: " + ref.print() + '.');
}

void GraphQLSchemaBuilder::checkTypes()
{
    for (const auto &type : m_schema.m_types) {
        const std::string &name = type->name;
        if ((type->kind == TypeKind::Object || type->kind == TypeKind::Interface) && type->fields.empty())
            problem("Type " + name + " must define one or more fields.");
        for (const GraphQLSchemaField &f : type->fields) {
            checkReference(f.type, false, name + '.' + f.name);
            for (const GraphQLSchemaInputValue &argument : f.arguments)
                checkReference(argument.type, true, name + '.' + f.name + '(' + argument.name + ":)");
        }
        for (const GraphQLSchemaInputValue &input : type->inputFields)
            checkReference(input.type, true, name + '.' + input.name);
        for (const std::string &member : type->possibleTypes) {
            const GraphQLNamedType *memberType = m_schema.type(member);
            if (!memberType || memberType->kind != TypeKind::Object)
                problem("Union type " + name + " can only include Object types, it cannot include " + member + '.');
        }
        if (type->kind == TypeKind::Object || type->kind == TypeKind::Interface)
            checkImplementation(*type);
    }
    for (const GraphQLSchemaDirective &directive : m_schema.m_directives)
        for (const GraphQLSchemaInputValue &argument : directive.arguments)
            checkReference(argument.type, true, '@' + directive.name + '(' + argument.name + ":)");
}

void GraphQLSchemaBuilder::checkImplementation(const GraphQLNamedType &type)
{
    for (const std::string &interfaceName : type.interfaces) {
        const GraphQLNamedType *interface = m_schema.type(interfaceName);
        if (!interface || interface->kind != TypeKind::Interface) {
            problem("Type " + type.name + " must only implement Interface types, it cannot implement " + interfaceName + '.');
            continue;
        }
        for (const GraphQLSchemaField &expected : interface->fields) {
            const GraphQLSchemaField *actual = type.field(expected.name);
            if (!actual)
                problem("Interface field " + interfaceName + '.' + expected.name + " expected but " + type.name + " does not provide it.");
            else if (!m_schema.isSubType(actual->type, expected.type))
                problem("Interface field " + interfaceName + '.' + expected.name + " expects type " + expected.type.print() + " but "
                        + type.name + '.' + expected.name + " is type " + actual->type.print() + '.');
        }
    }
}

void GraphQLSchemaBuilder::linkInterfaces()
{
    for (const auto &type : m_schema.m_types) {
        if (type->kind != TypeKind::Object)
            continue;
        for (const std::string &interfaceName : type->interfaces)
            if (auto *interface = const_cast<GraphQLNamedType *>(m_schema.type(interfaceName)); interface && interface->kind == TypeKind::Interface)
                interface->possibleTypes.push_back(type->name);
    }
}

void GraphQLSchemaBuilder::addMetaFields()
{
    m_schema.m_typenameField = {"__typename", "The name of the object's type.", {}, nonNull(named("String")), std::nullopt};
    m_schema.m_schemaField = {"__schema", "Introspection of the whole schema.", {}, nonNull(named("__Schema")), std::nullopt};
    m_schema.m_typeField = {"__type", "Introspection of one named type.", {}, named("__Type"), std::nullopt};
    m_schema.m_typeField.arguments.push_back({"name", {}, nonNull(named("String")), std::nullopt, std::nullopt});
}

} // namespace petstore::core
