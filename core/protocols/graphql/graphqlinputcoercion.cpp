// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/graphql/graphqlinputcoercion.h"

#include "core/protocols/graphql/graphqlprinter.h"
#include "core/protocols/graphql/graphqlscalars.h"
#include "core/protocols/graphql/graphqlsuggestions.h"

namespace petstore::core {

namespace {

using json = nlohmann::json;
using TypeKind = GraphQLTypeRef::Kind;

bool isCustom(GraphQLScalarKind kind)
{
    return kind == GraphQLScalarKind::DateTime || kind == GraphQLScalarKind::Decimal;
}

} // namespace

std::string GraphQLInputCoercion::pathText(const std::vector<json> &path)
{
    std::string text;
    for (const json &step : path)
        text += step.is_number() ? '[' + std::to_string(step.get<long long>()) + ']' : '.' + step.get<std::string>();
    return text;
}

json GraphQLInputCoercion::variables(const GraphQLOperation &operation, const json &inputs, std::vector<Problem> &problems) const
{
    json coerced = json::object();
    for (const GraphQLVariableDefinition &variable : operation.variables) {
        const std::string shownType = variable.type.print();
        const GraphQLNamedType *named = m_schema.namedType(variable.type);
        if (!named || !named->isInput()) {
            problems.push_back({"Variable \"$" + variable.name + "\" expected value of type \"" + shownType
                                    + "\" which cannot be used as an input type.",
                                variable.offset});
            continue;
        }
        const bool given = inputs.is_object() && inputs.contains(variable.name);
        if (!given) {
            if (variable.defaultValue) {
                if (auto value = literal(*variable.defaultValue, variable.type, json::object()))
                    coerced[variable.name] = std::move(*value);
            } else if (variable.type.kind == TypeKind::NonNull) {
                problems.push_back({"Variable \"$" + variable.name + "\" of required type \"" + shownType + "\" was not provided.",
                                    variable.offset});
            }
            continue;
        }
        const json &value = inputs.at(variable.name);
        if (value.is_null() && variable.type.kind == TypeKind::NonNull) {
            problems.push_back({"Variable \"$" + variable.name + "\" of non-null type \"" + shownType + "\" must not be null.",
                                variable.offset});
            continue;
        }
        std::vector<json> path;
        input(value, variable.type, coerced[variable.name], path, variable.name, problems, variable.offset);
    }
    return coerced;
}

void GraphQLInputCoercion::input(const json &value, const GraphQLTypeRef &type, json &into, std::vector<json> &path,
                                 const std::string &variable, std::vector<Problem> &problems, std::size_t offset) const
{
    auto fail = [&](const json &bad, const std::string &message) {
        std::string text = "Variable \"$" + variable + "\" got invalid value " + GraphQLPrinter::inspect(bad);
        if (!path.empty())
            text += " at \"" + variable + pathText(path) + '"';
        problems.push_back({text + "; " + message, offset});
    };
    if (type.kind == TypeKind::NonNull) {
        if (value.is_null()) {
            fail(value, "Expected non-nullable type \"" + type.print() + "\" not to be null.");
            return;
        }
        input(value, *type.of, into, path, variable, problems, offset);
        return;
    }
    if (value.is_null()) {
        into = nullptr;
        return;
    }
    if (type.kind == TypeKind::List) {
        if (!value.is_array()) {   // §3.11: a single value stands for a list of one
            json item;
            input(value, *type.of, item, path, variable, problems, offset);
            into = json::array({std::move(item)});
            return;
        }
        into = json::array();
        for (std::size_t i = 0; i < value.size(); ++i) {
            json item;
            path.emplace_back(i);
            input(value[i], *type.of, item, path, variable, problems, offset);
            path.pop_back();
            into.push_back(std::move(item));
        }
        return;
    }
    const GraphQLNamedType *named = m_schema.type(type.name);
    if (!named)
        return;
    if (named->kind == GraphQLNamedType::Kind::InputObject) {
        if (!value.is_object()) {
            fail(value, "Expected type \"" + named->name + "\" to be an object.");
            return;
        }
        into = json::object();
        std::vector<std::string> names;
        for (const GraphQLSchemaInputValue &field : named->inputFields) {
            names.push_back(field.name);
            const auto it = value.find(field.name);
            if (it == value.end()) {
                if (field.defaultValue)
                    into[field.name] = defaultValue(field);
                else if (field.type.kind == TypeKind::NonNull)
                    fail(value, "Field \"" + field.name + "\" of required type \"" + field.type.print() + "\" was not provided.");
                continue;
            }
            path.emplace_back(field.name);
            input(*it, field.type, into[field.name], path, variable, problems, offset);
            path.pop_back();
        }
        for (auto it = value.begin(); it != value.end(); ++it)
            if (!named->inputField(it.key()))
                fail(value, "Field \"" + it.key() + "\" is not defined by type \"" + named->name + "\"."
                                + GraphQLSuggestions::didYouMean(GraphQLSuggestions::rank(it.key(), names)));
        if (named->oneOf) {
            if (value.size() != 1) {
                fail(value, "Exactly one key must be specified for OneOf type \"" + named->name + "\".");
            } else if (value.begin().value().is_null()) {
                path.emplace_back(value.begin().key());
                fail(nullptr, "Field \"" + value.begin().key() + "\" must be non-null.");
                path.pop_back();
            }
        }
        return;
    }
    if (named->kind == GraphQLNamedType::Kind::Enum) {
        std::vector<std::string> names;
        for (const GraphQLSchemaEnumValue &v : named->enumValues)
            names.push_back(v.name);
        if (!value.is_string()) {
            const std::string shown = GraphQLPrinter::inspect(value);
            fail(value, "Enum \"" + named->name + "\" cannot represent non-string value: " + shown + '.'
                            + GraphQLSuggestions::didYouMean(GraphQLSuggestions::rank(shown, names), "the enum value"));
        } else if (!named->enumValue(value.get<std::string>())) {
            fail(value, "Value \"" + value.get<std::string>() + "\" does not exist in \"" + named->name + "\" enum."
                            + GraphQLSuggestions::didYouMean(GraphQLSuggestions::rank(value.get<std::string>(), names), "the enum value"));
        } else {
            into = value;
        }
        return;
    }
    auto parsed = GraphQLScalars::parseValue(named->scalar, value);
    if (!parsed) {
        fail(value, isCustom(named->scalar) ? "Expected type \"" + named->name + "\". " + parsed.error().message : parsed.error().message);
        return;
    }
    into = std::move(parsed).value();
}

std::optional<json> GraphQLInputCoercion::literal(const GraphQLValue &value, const GraphQLTypeRef &type, const json &variables) const
{
    using ValueKind = GraphQLValue::Kind;
    if (value.kind == ValueKind::Variable) {
        const auto it = variables.find(value.text);
        if (it == variables.end() || (it->is_null() && type.kind == TypeKind::NonNull))
            return std::nullopt;
        return *it;
    }
    if (type.kind == TypeKind::NonNull) {
        if (value.kind == ValueKind::Null)
            return std::nullopt;
        return literal(value, *type.of, variables);
    }
    if (value.kind == ValueKind::Null)
        return json(nullptr);
    if (type.kind == TypeKind::List) {
        if (value.kind != ValueKind::List) {
            auto single = literal(value, *type.of, variables);
            if (!single)
                return std::nullopt;
            return json::array({std::move(*single)});
        }
        json list = json::array();
        for (const GraphQLValue &item : value.items) {
            if (item.kind == ValueKind::Variable && !variables.contains(item.text)) {
                if (type.of->kind == TypeKind::NonNull)
                    return std::nullopt;
                list.push_back(nullptr);
                continue;
            }
            auto coerced = literal(item, *type.of, variables);
            if (!coerced)
                return std::nullopt;
            list.push_back(std::move(*coerced));
        }
        return list;
    }
    const GraphQLNamedType *named = m_schema.type(type.name);
    if (!named)
        return std::nullopt;
    switch (named->kind) {
    case GraphQLNamedType::Kind::InputObject: {
        if (value.kind != ValueKind::Object)
            return std::nullopt;
        json object = json::object();
        for (const GraphQLSchemaInputValue &field : named->inputFields) {
            const GraphQLValue *node = nullptr;
            for (const auto &[name, fieldValue] : value.fields)
                if (name == field.name)
                    node = &fieldValue;
            if (!node || (node->kind == ValueKind::Variable && !variables.contains(node->text))) {
                if (field.defaultValue)
                    object[field.name] = defaultValue(field);
                else if (field.type.kind == TypeKind::NonNull)
                    return std::nullopt;
                continue;
            }
            auto coerced = literal(*node, field.type, variables);
            if (!coerced)
                return std::nullopt;
            object[field.name] = std::move(*coerced);
        }
        if (named->oneOf && (object.size() != 1 || object.begin()->is_null()))
            return std::nullopt;
        return object;
    }
    case GraphQLNamedType::Kind::Enum:
        if (value.kind != ValueKind::Enum || !named->enumValue(value.text))
            return std::nullopt;
        return json(value.text);
    default: {
        if (named->scalar == GraphQLScalarKind::Custom)
            return GraphQLScalars::untyped(value);
        auto parsed = GraphQLScalars::parseLiteral(named->scalar, value);
        if (!parsed)
            return std::nullopt;
        return std::move(parsed).value();
    }
    }
}

json GraphQLInputCoercion::defaultValue(const GraphQLSchemaInputValue &input) const
{
    if (!input.defaultValue)
        return nullptr;
    auto coerced = literal(*input.defaultValue, input.type, json::object());
    return coerced ? std::move(*coerced) : GraphQLScalars::untyped(*input.defaultValue);
}

Result<json> GraphQLInputCoercion::arguments(const std::vector<GraphQLSchemaInputValue> &definitions,
                                             const std::vector<GraphQLArgument> &given, const json &variables) const
{
    json result = json::object();
    for (const GraphQLSchemaInputValue &definition : definitions) {
        const GraphQLArgument *argument = nullptr;
        for (const GraphQLArgument &a : given)
            if (a.name == definition.name)
                argument = &a;
        const std::string prefix = "Argument \"" + definition.name + "\" of ";
        const bool required = definition.type.kind == TypeKind::NonNull;
        if (!argument) {
            if (definition.defaultValue)
                result[definition.name] = defaultValue(definition);
            else if (required)
                return Error::make(ErrorKind::Validation, prefix + "required type \"" + definition.type.print() + "\" was not provided.");
            continue;
        }
        bool isNull = argument->value.kind == GraphQLValue::Kind::Null;
        if (argument->value.kind == GraphQLValue::Kind::Variable) {
            const auto it = variables.find(argument->value.text);
            if (it == variables.end()) {
                if (definition.defaultValue)
                    result[definition.name] = defaultValue(definition);
                else if (required)
                    return Error::make(ErrorKind::Validation, prefix + "required type \"" + definition.type.print()
                                                                  + "\" was provided the variable \"$" + argument->value.text
                                                                  + "\" which was not provided a runtime value.");
                continue;
            }
            isNull = it->is_null();
        }
        if (isNull && required)
            return Error::make(ErrorKind::Validation, prefix + "non-null type \"" + definition.type.print() + "\" must not be null.");
        auto coerced = literal(argument->value, definition.type, variables);
        if (!coerced)
            return Error::make(ErrorKind::Validation, "Argument \"" + definition.name + "\" has invalid value "
                                                          + GraphQLPrinter::value(argument->value) + '.');
        result[definition.name] = std::move(*coerced);
    }
    return result;
}

} // namespace petstore::core
