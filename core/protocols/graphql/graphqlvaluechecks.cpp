// SPDX-License-Identifier: GPL-3.0-or-later
// Input values (§5.6): literals of the right type, known and unique input object fields,
// required fields given, OneOf objects with exactly one non-null field; variables met on the
// way are recorded as usages for §5.8.
#include "core/protocols/graphql/graphqlprinter.h"
#include "core/protocols/graphql/graphqlscalars.h"
#include "core/protocols/graphql/graphqlsuggestions.h"
#include "core/protocols/graphql/graphqlvalidationrun.h"

namespace petstore::core {

namespace {

using ValueKind = GraphQLValue::Kind;

const GraphQLTypeRef &nullable(const GraphQLTypeRef &type)
{
    return type.kind == GraphQLTypeRef::Kind::NonNull ? *type.of : type;
}

} // namespace

void GraphQLValidationRun::checkValue(const GraphQLValue &value, const GraphQLTypeRef *type, bool locationHasDefault,
                                      const GraphQLNamedType *parentInputObject, Usages &usages)
{
    switch (value.kind) {
    case ValueKind::Variable:
        usages.push_back({&value, type, locationHasDefault, parentInputObject});
        return;
    case ValueKind::List:
        if (type && nullable(*type).kind == GraphQLTypeRef::Kind::List) {
            for (const GraphQLValue &item : value.items)
                checkValue(item, nullable(*type).of.get(), false, nullptr, usages);
            return;
        }
        // A list where a single value is expected is judged as that value (graphql-js does the
        // same, naming the type without its "!"); its items are only searched for variables.
        if (type)
            checkLeafValue(value, nullable(*type));
        for (const GraphQLValue &item : value.items)
            checkValue(item, nullptr, false, nullptr, usages);
        return;
    case ValueKind::Object:
        checkUniqueInputFields(value);
        checkObjectValue(value, type, usages);
        return;
    case ValueKind::Null:
        if (type && type->kind == GraphQLTypeRef::Kind::NonNull)
            report("Expected value of type \"" + type->print() + "\", found null.", {value.offset});
        return;
    default:
        if (type)
            checkLeafValue(value, *type);
    }
}

void GraphQLValidationRun::checkObjectValue(const GraphQLValue &value, const GraphQLTypeRef *type, Usages &usages)
{
    const GraphQLNamedType *inputObject = type ? m_schema.namedType(*type) : nullptr;
    if (!inputObject || inputObject->kind != GraphQLNamedType::Kind::InputObject) {
        if (type)
            checkLeafValue(value, *type);
        // Variables inside still count as used, at unknown positions.
        for (const auto &[name, fieldValue] : value.fields)
            checkValue(fieldValue, nullptr, false, nullptr, usages);
        return;
    }
    for (const GraphQLSchemaInputValue &field : inputObject->inputFields) {
        const bool given = std::any_of(value.fields.begin(), value.fields.end(), [&](const auto &f) { return f.first == field.name; });
        if (!given && field.type.kind == GraphQLTypeRef::Kind::NonNull && !field.defaultValue)
            report("Field \"" + inputObject->name + '.' + field.name + "\" of required type \"" + field.type.print()
                       + "\" was not provided.",
                   {value.offset});
    }
    if (inputObject->oneOf) {
        std::vector<std::string> keys;
        for (const auto &[name, fieldValue] : value.fields)
            if (std::find(keys.begin(), keys.end(), name) == keys.end())
                keys.push_back(name);
        if (keys.size() != 1) {
            report("OneOf Input Object \"" + inputObject->name + "\" must specify exactly one key.", {value.offset});
        } else {
            const GraphQLValue *last = nullptr;
            for (const auto &[name, fieldValue] : value.fields)
                last = &fieldValue;
            if (last->kind == ValueKind::Null)
                report("Field \"" + inputObject->name + '.' + keys[0] + "\" must be non-null.", {value.offset});
        }
    }
    for (std::size_t i = 0; i < value.fields.size(); ++i) {
        const auto &[name, fieldValue] = value.fields[i];
        const GraphQLSchemaInputValue *field = inputObject->inputField(name);
        if (!field) {
            std::vector<std::string> names;
            for (const GraphQLSchemaInputValue &f : inputObject->inputFields)
                names.push_back(f.name);
            report("Field \"" + name + "\" is not defined by type \"" + inputObject->name + "\"."
                       + GraphQLSuggestions::didYouMean(GraphQLSuggestions::rank(name, names)),
                   {value.fieldOffsets[i]});
        }
        checkValue(fieldValue, field ? &field->type : nullptr, field && field->defaultValue, inputObject, usages);
    }
}

void GraphQLValidationRun::checkLeafValue(const GraphQLValue &value, const GraphQLTypeRef &type)
{
    const GraphQLNamedType *named = m_schema.namedType(type);
    if (!named)
        return;
    const std::string shown = GraphQLPrinter::value(value);
    if (!named->isLeaf()) {
        report("Expected value of type \"" + type.print() + "\", found " + shown + '.', {value.offset});
        return;
    }
    if (named->kind == GraphQLNamedType::Kind::Enum) {
        std::vector<std::string> names;
        for (const GraphQLSchemaEnumValue &v : named->enumValues)
            names.push_back(v.name);
        if (value.kind != ValueKind::Enum)
            report("Enum \"" + named->name + "\" cannot represent non-enum value: " + shown + '.'
                       + GraphQLSuggestions::didYouMean(GraphQLSuggestions::rank(shown, names), "the enum value"),
                   {value.offset});
        else if (!named->enumValue(value.text))
            report("Value \"" + value.text + "\" does not exist in \"" + named->name + "\" enum."
                       + GraphQLSuggestions::didYouMean(GraphQLSuggestions::rank(value.text, names), "the enum value"),
                   {value.offset});
        return;
    }
    if (named->scalar == GraphQLScalarKind::Custom)
        return;
    auto parsed = GraphQLScalars::parseLiteral(named->scalar, value);
    if (parsed)
        return;
    // Built-in scalars raise GraphQL errors of their own; custom ones are wrapped, as graphql-js does.
    const bool builtin = named->scalar != GraphQLScalarKind::DateTime && named->scalar != GraphQLScalarKind::Decimal;
    report(builtin ? parsed.error().message
                   : "Expected value of type \"" + type.print() + "\", found " + shown + "; " + parsed.error().message,
           {value.offset});
}

void GraphQLValidationRun::checkUniqueInputFields(const GraphQLValue &value)
{
    std::map<std::string, std::size_t> seen;
    for (std::size_t i = 0; i < value.fields.size(); ++i) {
        const auto [first, inserted] = seen.emplace(value.fields[i].first, value.fieldOffsets[i]);
        if (!inserted)
            report("There can be only one input field named \"" + value.fields[i].first + "\".", {first->second, value.fieldOffsets[i]});
    }
}

} // namespace petstore::core
