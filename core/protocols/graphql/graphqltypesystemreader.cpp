// SPDX-License-Identifier: GPL-3.0-or-later
// The type system half of GraphQLDocumentReader (spec §3): schema, scalar, object, interface,
// union, enum and input object definitions and their extensions, directive definitions, and
// descriptions — with graphql-js's messages for what it refuses.
#include "core/protocols/graphql/graphqldocumentreader.h"

#include <algorithm>

namespace petstore::core {

namespace {

using TypeKind = GraphQLTypeDefinition::Kind;

constexpr std::pair<const char *, TypeKind> TypeKeywords[] = {
    {"scalar", TypeKind::Scalar}, {"type", TypeKind::Object}, {"interface", TypeKind::Interface},
    {"union", TypeKind::Union}, {"enum", TypeKind::Enum}, {"input", TypeKind::InputObject}};

// §3.13 DirectiveLocation.
constexpr const char *DirectiveLocations[] = {
    "QUERY", "MUTATION", "SUBSCRIPTION", "FIELD", "FRAGMENT_DEFINITION", "FRAGMENT_SPREAD", "INLINE_FRAGMENT",
    "VARIABLE_DEFINITION", "SCHEMA", "SCALAR", "OBJECT", "FIELD_DEFINITION", "ARGUMENT_DEFINITION", "INTERFACE",
    "UNION", "ENUM", "ENUM_VALUE", "INPUT_OBJECT", "INPUT_FIELD_DEFINITION", "DIRECTIVE_DEFINITION"};

const TypeKind *typeKeyword(const std::string &word)
{
    for (const auto &[keyword, kind] : TypeKeywords)
        if (word == keyword)
            return &kind;
    return nullptr;
}

} // namespace

bool GraphQLDocumentReader::atTypeSystemKeyword() const
{
    return peek(Kind::Name)
           && (typeKeyword(m_token.value) || m_token.value == "schema" || m_token.value == "directive" || m_token.value == "extend");
}

Result<std::string> GraphQLDocumentReader::description()
{
    if (!peek(Kind::String) && !peek(Kind::BlockString))
        return std::string();
    std::string text = m_token.value;
    GRAPHQL_TRY(advance());
    return text;
}

Status GraphQLDocumentReader::typeSystemDefinition(GraphQLDocument &doc, std::string text, std::size_t offset, bool described)
{
    bool extension = false;
    if (peekKeyword("extend")) {
        if (described)
            return error(offset, "Unexpected description, only GraphQL definitions support descriptions.");
        extension = true;
        GRAPHQL_TRY(advance());
        if (!peek(Kind::Name))
            return unexpected();
    }
    if (peekKeyword("schema")) {
        GRAPHQL_ASSIGN(schema, schemaDefinition(extension, std::move(text), offset));
        doc.definitions.push_back({GraphQLDocument::Definition::Kind::Schema, doc.schemas.size()});
        doc.schemas.push_back(std::move(schema));
        return Done{};
    }
    if (peekKeyword("directive") && !extension) {
        GRAPHQL_ASSIGN(directive, directiveDefinition(std::move(text), offset));
        doc.definitions.push_back({GraphQLDocument::Definition::Kind::Directive, doc.directives.size()});
        doc.directives.push_back(std::move(directive));
        return Done{};
    }
    const TypeKind *kind = typeKeyword(m_token.value);
    if (!kind)
        return unexpected();
    GraphQLTypeDefinition type;
    type.kind = *kind;
    type.extension = extension;
    type.description = std::move(text);
    type.offset = offset;
    GRAPHQL_TRY(advance());
    GRAPHQL_ASSIGN(typeName, name());
    type.name = std::move(typeName);
    bool body = false;
    if ((type.kind == TypeKind::Object || type.kind == TypeKind::Interface) && peekKeyword("implements")) {
        GRAPHQL_TRY(implementsInterfaces(type.interfaces));
        body = true;
    }
    GRAPHQL_TRY(directives(type.directives, true));
    body = body || !type.directives.empty();
    if ((type.kind == TypeKind::Object || type.kind == TypeKind::Interface) && peek(Kind::BraceL)) {
        GRAPHQL_TRY(fieldsDefinition(type.fields));
        body = true;
    } else if (type.kind == TypeKind::Union && peek(Kind::Equals)) {
        GRAPHQL_TRY(unionMembers(type.members));
        body = true;
    } else if (type.kind == TypeKind::Enum && peek(Kind::BraceL)) {
        GRAPHQL_TRY(enumValues(type.values));
        body = true;
    } else if (type.kind == TypeKind::InputObject && peek(Kind::BraceL)) {
        GRAPHQL_TRY(argumentsDefinition(type.inputFields, Kind::BraceL, Kind::BraceR));
        body = true;
    }
    if (extension && !body)
        return unexpected();   // §3.4.3: an extension adds something
    doc.definitions.push_back({GraphQLDocument::Definition::Kind::Type, doc.types.size()});
    doc.types.push_back(std::move(type));
    return Done{};
}

Status GraphQLDocumentReader::implementsInterfaces(std::vector<std::string> &into)
{
    GRAPHQL_TRY(advance());   // `implements`
    if (peek(Kind::Amp))
        GRAPHQL_TRY(advance());
    for (;;) {
        GRAPHQL_ASSIGN(interfaceName, name());
        into.push_back(std::move(interfaceName));
        if (!peek(Kind::Amp))
            return Done{};
        GRAPHQL_TRY(advance());
    }
}

Status GraphQLDocumentReader::fieldsDefinition(std::vector<GraphQLFieldDefinition> &into)
{
    GRAPHQL_TRY(expect(Kind::BraceL));
    do {
        GraphQLFieldDefinition field;
        field.offset = m_token.offset;
        GRAPHQL_ASSIGN(text, description());
        field.description = std::move(text);
        GRAPHQL_ASSIGN(fieldName, name());
        field.name = std::move(fieldName);
        if (peek(Kind::ParenL))
            GRAPHQL_TRY(argumentsDefinition(field.arguments, Kind::ParenL, Kind::ParenR));
        GRAPHQL_TRY(expect(Kind::Colon));
        GRAPHQL_ASSIGN(type, typeReference());
        field.type = std::move(type);
        GRAPHQL_TRY(directives(field.directives, true));
        into.push_back(std::move(field));
    } while (!peek(Kind::BraceR));
    return advance();
}

Status GraphQLDocumentReader::argumentsDefinition(std::vector<GraphQLInputValueDefinition> &into, Kind open, Kind close)
{
    GRAPHQL_TRY(expect(open));
    do {
        GRAPHQL_ASSIGN(definition, inputValueDefinition());
        into.push_back(std::move(definition));
    } while (!peek(close));
    return advance();
}

Result<GraphQLInputValueDefinition> GraphQLDocumentReader::inputValueDefinition()
{
    GraphQLInputValueDefinition definition;
    definition.offset = m_token.offset;
    GRAPHQL_ASSIGN(text, description());
    definition.description = std::move(text);
    GRAPHQL_ASSIGN(valueName, name());
    definition.name = std::move(valueName);
    GRAPHQL_TRY(typedValue(definition.type, definition.defaultValue, definition.directives));
    return definition;
}

Status GraphQLDocumentReader::unionMembers(std::vector<std::string> &into)
{
    GRAPHQL_TRY(expect(Kind::Equals));
    if (peek(Kind::Pipe))
        GRAPHQL_TRY(advance());
    for (;;) {
        GRAPHQL_ASSIGN(member, name());
        into.push_back(std::move(member));
        if (!peek(Kind::Pipe))
            return Done{};
        GRAPHQL_TRY(advance());
    }
}

Status GraphQLDocumentReader::enumValues(std::vector<GraphQLEnumValueDefinition> &into)
{
    GRAPHQL_TRY(expect(Kind::BraceL));
    do {
        GraphQLEnumValueDefinition value;
        value.offset = m_token.offset;
        GRAPHQL_ASSIGN(text, description());
        value.description = std::move(text);
        if (peekKeyword("true") || peekKeyword("false") || peekKeyword("null"))
            return error(m_token.offset, "Name \"" + m_token.value + "\" is reserved and cannot be used for an enum value.");
        GRAPHQL_ASSIGN(valueName, name());
        value.name = std::move(valueName);
        GRAPHQL_TRY(directives(value.directives, true));
        into.push_back(std::move(value));
    } while (!peek(Kind::BraceR));
    return advance();
}

Result<GraphQLDirectiveDefinition> GraphQLDocumentReader::directiveDefinition(std::string text, std::size_t offset)
{
    GraphQLDirectiveDefinition directive;
    directive.description = std::move(text);
    directive.offset = offset;
    GRAPHQL_TRY(advance());   // `directive`
    GRAPHQL_TRY(expect(Kind::At));
    GRAPHQL_ASSIGN(directiveName, name());
    directive.name = std::move(directiveName);
    if (peek(Kind::ParenL))
        GRAPHQL_TRY(argumentsDefinition(directive.arguments, Kind::ParenL, Kind::ParenR));
    if (peekKeyword("repeatable")) {
        directive.repeatable = true;
        GRAPHQL_TRY(advance());
    }
    GRAPHQL_TRY(expectKeyword("on"));
    if (peek(Kind::Pipe))
        GRAPHQL_TRY(advance());
    for (;;) {
        const GraphQLToken location = m_token;
        GRAPHQL_ASSIGN(locationName, name());
        if (std::find_if(std::begin(DirectiveLocations), std::end(DirectiveLocations),
                         [&](const char *known) { return locationName == known; }) == std::end(DirectiveLocations))
            return error(location.offset, "Unexpected " + location.describe() + '.');
        directive.locations.push_back(std::move(locationName));
        if (!peek(Kind::Pipe))
            return directive;
        GRAPHQL_TRY(advance());
    }
}

Result<GraphQLSchemaDefinition> GraphQLDocumentReader::schemaDefinition(bool extension, std::string text, std::size_t offset)
{
    GraphQLSchemaDefinition schema;
    schema.extension = extension;
    schema.description = std::move(text);
    schema.offset = offset;
    GRAPHQL_TRY(advance());   // `schema`
    GRAPHQL_TRY(directives(schema.directives, true));
    if (extension && !peek(Kind::BraceL)) {
        if (schema.directives.empty())
            return unexpected();
        return schema;
    }
    GRAPHQL_TRY(expect(Kind::BraceL));
    do {
        const GraphQLToken operation = m_token;
        GRAPHQL_TRY(expect(Kind::Name));
        GraphQLOperation::Kind kind;
        if (operation.value == "query")
            kind = GraphQLOperation::Kind::Query;
        else if (operation.value == "mutation")
            kind = GraphQLOperation::Kind::Mutation;
        else if (operation.value == "subscription")
            kind = GraphQLOperation::Kind::Subscription;
        else
            return error(operation.offset, "Unexpected " + operation.describe() + '.');
        GRAPHQL_TRY(expect(Kind::Colon));
        GRAPHQL_ASSIGN(typeName, name());
        schema.rootTypes.emplace_back(kind, std::move(typeName));
    } while (!peek(Kind::BraceR));
    GRAPHQL_TRY(advance());
    return schema;
}

} // namespace petstore::core
