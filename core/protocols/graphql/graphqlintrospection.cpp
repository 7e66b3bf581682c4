// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/graphql/graphqlintrospection.h"

#include "core/protocols/graphql/graphqlprinter.h"

namespace petstore::core {

namespace {

using Kind = GraphQLNamedType::Kind;

const char *kindName(Kind kind)
{
    switch (kind) {
    case Kind::Scalar: return "SCALAR";
    case Kind::Object: return "OBJECT";
    case Kind::Interface: return "INTERFACE";
    case Kind::Union: return "UNION";
    case Kind::Enum: return "ENUM";
    case Kind::InputObject: return "INPUT_OBJECT";
    }
    return "SCALAR";
}

bool includeDeprecated(const nlohmann::json &arguments)
{
    return arguments.value("includeDeprecated", false);
}

} // namespace

GraphQLResolved GraphQLIntrospection::text(const std::string &value)
{
    return value.empty() ? GraphQLResolved() : GraphQLResolved::leaf(value);
}

GraphQLResolved GraphQLIntrospection::namedValue(const GraphQLNamedType *type)
{
    return type ? GraphQLResolved::object(TypeValue{type, nullptr}) : GraphQLResolved();
}

GraphQLResolved GraphQLIntrospection::typeOf(const GraphQLTypeRef &ref) const
{
    if (ref.kind == GraphQLTypeRef::Kind::Named)
        return namedValue(m_schema.type(ref.name));
    return GraphQLResolved::object(TypeValue{nullptr, &ref});
}

GraphQLResolved GraphQLIntrospection::deprecation(const std::optional<std::string> &reason, const std::string &field)
{
    if (field == "isDeprecated")
        return GraphQLResolved::leaf(reason.has_value());
    return GraphQLResolved::optional(reason);
}

GraphQLResolved GraphQLIntrospection::resolve(const GraphQLNamedType &parentType, const std::string &field, const std::any &parent,
                                              const nlohmann::json &arguments) const
{
    if (field == "__schema")
        return GraphQLResolved::object(&m_schema);
    if (field == "__type")
        return namedValue(m_schema.type(arguments.value("name", std::string())));
    const std::string &type = parentType.name;
    if (type == "__Schema")
        return schemaField(field, arguments);
    if (type == "__Type")
        return typeField(std::any_cast<const TypeValue &>(parent), field, arguments);
    if (type == "__Field")
        return fieldField(*std::any_cast<const GraphQLSchemaField *>(parent), field, arguments);
    if (type == "__InputValue")
        return inputValueField(*std::any_cast<const GraphQLSchemaInputValue *>(parent), field);
    if (type == "__EnumValue") {
        const auto &value = *std::any_cast<const GraphQLSchemaEnumValue *>(parent);
        if (field == "name")
            return GraphQLResolved::leaf(value.name);
        if (field == "description")
            return text(value.description);
        return deprecation(value.deprecationReason, field);
    }
    if (type == "__Directive") {
        const auto &directive = *std::any_cast<const GraphQLSchemaDirective *>(parent);
        if (field == "name")
            return GraphQLResolved::leaf(directive.name);
        if (field == "description")
            return text(directive.description);
        if (field == "isRepeatable")
            return GraphQLResolved::leaf(directive.repeatable);
        if (field == "locations") {
            std::vector<GraphQLResolved> locations;
            for (const std::string &location : directive.locations)
                locations.push_back(GraphQLResolved::leaf(location));
            return GraphQLResolved::list(std::move(locations));
        }
        if (field == "args")
            return inputValues(directive.arguments, arguments);
        return deprecation(std::nullopt, field);
    }
    return GraphQLResolved::error("Unknown introspection field " + type + '.' + field + '.');
}

GraphQLResolved GraphQLIntrospection::schemaField(const std::string &field, const nlohmann::json &) const
{
    if (field == "description")
        return text(m_schema.description());
    if (field == "types") {
        std::vector<GraphQLResolved> types;
        for (const auto &type : m_schema.types())
            types.push_back(namedValue(type.get()));
        return GraphQLResolved::list(std::move(types));
    }
    if (field == "queryType")
        return namedValue(m_schema.queryType());
    if (field == "mutationType")
        return namedValue(m_schema.mutationType());
    if (field == "subscriptionType")
        return namedValue(m_schema.subscriptionType());
    if (field == "directives") {
        std::vector<GraphQLResolved> directives;
        for (const GraphQLSchemaDirective &directive : m_schema.directives())
            directives.push_back(GraphQLResolved::object(&directive));
        return GraphQLResolved::list(std::move(directives));
    }
    return GraphQLResolved::error("Unknown introspection field __Schema." + field + '.');
}

GraphQLResolved GraphQLIntrospection::typeField(const TypeValue &value, const std::string &field, const nlohmann::json &arguments) const
{
    if (value.ref) {   // LIST or NON_NULL: only kind and ofType
        if (field == "kind")
            return GraphQLResolved::leaf(value.ref->kind == GraphQLTypeRef::Kind::List ? "LIST" : "NON_NULL");
        if (field == "ofType")
            return typeOf(*value.ref->of);
        return GraphQLResolved();
    }
    const GraphQLNamedType &type = *value.named;
    if (field == "kind")
        return GraphQLResolved::leaf(kindName(type.kind));
    if (field == "name")
        return GraphQLResolved::leaf(type.name);
    if (field == "description")
        return text(type.description);
    if (field == "specifiedByURL")
        return GraphQLResolved::optional(type.specifiedByUrl);
    if (field == "isOneOf")
        return type.kind == Kind::InputObject ? GraphQLResolved::leaf(type.oneOf) : GraphQLResolved();
    if (field == "ofType")
        return GraphQLResolved();
    if (field == "fields") {
        if (type.kind != Kind::Object && type.kind != Kind::Interface)
            return GraphQLResolved();
        std::vector<GraphQLResolved> fields;
        for (const GraphQLSchemaField &f : type.fields)
            if (includeDeprecated(arguments) || !f.deprecationReason)
                fields.push_back(GraphQLResolved::object(&f));
        return GraphQLResolved::list(std::move(fields));
    }
    if (field == "interfaces") {
        if (type.kind != Kind::Object && type.kind != Kind::Interface)
            return GraphQLResolved();
        std::vector<GraphQLResolved> interfaces;
        for (const std::string &name : type.interfaces)
            interfaces.push_back(namedValue(m_schema.type(name)));
        return GraphQLResolved::list(std::move(interfaces));
    }
    if (field == "possibleTypes") {
        if (!type.isAbstract())
            return GraphQLResolved();
        std::vector<GraphQLResolved> possible;
        for (const std::string &name : type.possibleTypes)
            possible.push_back(namedValue(m_schema.type(name)));
        return GraphQLResolved::list(std::move(possible));
    }
    if (field == "enumValues") {
        if (type.kind != Kind::Enum)
            return GraphQLResolved();
        std::vector<GraphQLResolved> values;
        for (const GraphQLSchemaEnumValue &v : type.enumValues)
            if (includeDeprecated(arguments) || !v.deprecationReason)
                values.push_back(GraphQLResolved::object(&v));
        return GraphQLResolved::list(std::move(values));
    }
    if (field == "inputFields") {
        if (type.kind != Kind::InputObject)
            return GraphQLResolved();
        return inputValues(type.inputFields, arguments);
    }
    return GraphQLResolved::error("Unknown introspection field __Type." + field + '.');
}

GraphQLResolved GraphQLIntrospection::fieldField(const GraphQLSchemaField &value, const std::string &field,
                                                 const nlohmann::json &arguments) const
{
    if (field == "name")
        return GraphQLResolved::leaf(value.name);
    if (field == "description")
        return text(value.description);
    if (field == "args")
        return inputValues(value.arguments, arguments);
    if (field == "type")
        return typeOf(value.type);
    return deprecation(value.deprecationReason, field);
}

GraphQLResolved GraphQLIntrospection::inputValueField(const GraphQLSchemaInputValue &value, const std::string &field) const
{
    if (field == "name")
        return GraphQLResolved::leaf(value.name);
    if (field == "description")
        return text(value.description);
    if (field == "type")
        return typeOf(value.type);
    if (field == "defaultValue")
        return value.defaultValue ? GraphQLResolved::leaf(GraphQLPrinter::value(*value.defaultValue)) : GraphQLResolved();
    return deprecation(value.deprecationReason, field);
}

GraphQLResolved GraphQLIntrospection::inputValues(const std::vector<GraphQLSchemaInputValue> &values,
                                                  const nlohmann::json &arguments) const
{
    std::vector<GraphQLResolved> list;
    for (const GraphQLSchemaInputValue &v : values)
        if (includeDeprecated(arguments) || !v.deprecationReason)
            list.push_back(GraphQLResolved::object(&v));
    return GraphQLResolved::list(std::move(list));
}

} // namespace petstore::core
