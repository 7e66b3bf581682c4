// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/graphql/graphqlscalars.h"

#include "core/petstore/domaintime.h"
#include "core/protocols/graphql/graphqlprinter.h"

#include <cmath>
#include <limits>

namespace petstore::core {

namespace {

using json = nlohmann::json;
using ordered_json = nlohmann::ordered_json;

Error refused(std::string message)
{
    return Error::make(ErrorKind::Validation, std::move(message));
}

bool isInt32(double value)
{
    return value >= std::numeric_limits<std::int32_t>::min() && value <= std::numeric_limits<std::int32_t>::max();
}

template<typename Json>
bool isIntegral(const Json &value)
{
    if (value.is_number_integer())
        return true;
    if (!value.is_number_float())
        return false;
    const double d = value.template get<double>();
    return std::isfinite(d) && std::floor(d) == d;
}

// graphql-js shows whole doubles without a fraction ("1" not "1.0").
std::string shownNumber(const json &value)
{
    if (value.is_number_float()) {
        const double d = value.get<double>();
        if (std::isfinite(d) && std::floor(d) == d && std::fabs(d) < 1e21)
            return std::to_string(static_cast<long long>(d));
    }
    return GraphQLPrinter::inspect(value);
}

} // namespace

GraphQLScalarKind GraphQLScalars::kindOf(std::string_view name)
{
    if (name == "Int") return GraphQLScalarKind::Int;
    if (name == "Float") return GraphQLScalarKind::Float;
    if (name == "String") return GraphQLScalarKind::String;
    if (name == "Boolean") return GraphQLScalarKind::Boolean;
    if (name == "ID") return GraphQLScalarKind::ID;
    if (name == "DateTime") return GraphQLScalarKind::DateTime;
    if (name == "Decimal") return GraphQLScalarKind::Decimal;
    return GraphQLScalarKind::Custom;
}

Result<ordered_json> GraphQLScalars::serialize(GraphQLScalarKind kind, const ordered_json &value)
{
    // How the value reads in an error message; only worked out when there is one.
    const auto shown = [&value] { return GraphQLPrinter::inspect(json::parse(value.dump())); };
    switch (kind) {
    case GraphQLScalarKind::Int:
        if (value.is_boolean())
            return ordered_json(value.get<bool>() ? 1 : 0);
        if (!isIntegral(value))
            return refused("Int cannot represent non-integer value: " + shown());
        if (!isInt32(value.get<double>()))
            return refused("Int cannot represent non 32-bit signed integer value: " + shown());
        return ordered_json(value.get<std::int64_t>());
    case GraphQLScalarKind::Float:
        if (value.is_boolean())
            return ordered_json(value.get<bool>() ? 1.0 : 0.0);
        if (!value.is_number() || !std::isfinite(value.get<double>()))
            return refused("Float cannot represent non numeric value: " + shown());
        return value;
    case GraphQLScalarKind::String:
        if (value.is_string())
            return value;
        if (value.is_boolean())
            return ordered_json(value.get<bool>() ? "true" : "false");
        if (value.is_number())
            return ordered_json(shownNumber(json::parse(value.dump())));
        return refused("String cannot represent value: " + shown());
    case GraphQLScalarKind::Boolean:
        if (value.is_boolean())
            return value;
        if (value.is_number() && std::isfinite(value.get<double>()))
            return ordered_json(value.get<double>() != 0);
        return refused("Boolean cannot represent a non boolean value: " + shown());
    case GraphQLScalarKind::ID:
        if (value.is_string())
            return value;
        if (isIntegral(value))
            return ordered_json(std::to_string(value.get<std::int64_t>()));
        return refused("ID cannot represent value: " + shown());
    case GraphQLScalarKind::DateTime:
    case GraphQLScalarKind::Decimal: {
        if (!value.is_string())
            return refused(std::string(kind == GraphQLScalarKind::DateTime ? "DateTime" : "Decimal")
                           + " cannot represent value: " + shown());
        auto parsed = parseValue(kind, json(value.get<std::string>()));
        if (!parsed)
            return parsed.error();
        return ordered_json(parsed->get<std::string>());
    }
    case GraphQLScalarKind::Custom:
        return value;
    }
    return value;
}

bool GraphQLScalars::isDecimal(const std::string &text)
{
    // -?(0|[1-9][0-9]*)(\.[0-9]{1,2})?, at most 18 integer digits.
    std::size_t i = text.size() > 0 && text[0] == '-' ? 1 : 0;
    const std::size_t digitsStart = i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])))
        ++i;
    const std::size_t integerDigits = i - digitsStart;
    bool ok = integerDigits > 0 && integerDigits <= 18 && !(integerDigits > 1 && text[digitsStart] == '0');
    if (ok && i < text.size()) {
        ok = text[i] == '.';
        const std::size_t fractionStart = ++i;
        while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])))
            ++i;
        ok = ok && i == text.size() && i - fractionStart >= 1 && i - fractionStart <= 2;
    }
    return ok;
}

Result<json> GraphQLScalars::decimal(const std::string &text, const std::function<std::string()> &shown)
{
    if (!isDecimal(text))
        return refused("Decimal cannot represent " + shown() + ": expected a decimal string such as \"249.99\" (at most two fraction digits).");
    return json(text);
}

Result<json> GraphQLScalars::dateTime(const std::string &text, const std::function<std::string()> &shown)
{
    const auto instant = parseRfc3339(text);
    if (!instant)
        return refused("DateTime cannot represent " + shown() + ": expected an RFC 3339 date-time such as \"2026-05-01T09:30:00Z\".");
    return json(formatRfc3339(*instant));
}

Result<json> GraphQLScalars::parseValue(GraphQLScalarKind kind, const json &value)
{
    const auto shown = [&value] { return GraphQLPrinter::inspect(value); };
    switch (kind) {
    case GraphQLScalarKind::Int:
        if (!isIntegral(value))
            return refused("Int cannot represent non-integer value: " + shown());
        if (!isInt32(value.get<double>()))
            return refused("Int cannot represent non 32-bit signed integer value: " + shownNumber(value));
        return json(value.get<std::int64_t>());
    case GraphQLScalarKind::Float:
        if (!value.is_number() || !std::isfinite(value.get<double>()))
            return refused("Float cannot represent non numeric value: " + shown());
        return json(value.get<double>());
    case GraphQLScalarKind::String:
        if (!value.is_string())
            return refused("String cannot represent a non string value: " + shown());
        return value;
    case GraphQLScalarKind::Boolean:
        if (!value.is_boolean())
            return refused("Boolean cannot represent a non boolean value: " + shown());
        return value;
    case GraphQLScalarKind::ID:
        if (value.is_string())
            return value;
        if (value.is_number_integer())
            return json(std::to_string(value.get<std::int64_t>()));
        return refused("ID cannot represent value: " + shown());
    case GraphQLScalarKind::Decimal:
        if (value.is_number_integer())
            return json(std::to_string(value.get<std::int64_t>()));
        if (!value.is_string())
            return refused("Decimal cannot represent " + shown() + ": expected a decimal string such as \"249.99\" (a JSON number loses cents).");
        return decimal(value.get<std::string>(), shown);
    case GraphQLScalarKind::DateTime:
        if (!value.is_string())
            return refused("DateTime cannot represent " + shown() + ": expected an RFC 3339 date-time such as \"2026-05-01T09:30:00Z\".");
        return dateTime(value.get<std::string>(), shown);
    case GraphQLScalarKind::Custom:
        return value;
    }
    return value;
}

Result<json> GraphQLScalars::parseLiteral(GraphQLScalarKind kind, const GraphQLValue &literal)
{
    using Kind = GraphQLValue::Kind;
    const auto shown = [&literal] { return GraphQLPrinter::value(literal); };
    switch (kind) {
    case GraphQLScalarKind::Int: {
        if (literal.kind != Kind::Int)
            return refused("Int cannot represent non-integer value: " + shown());
        errno = 0;
        char *end = nullptr;
        const long long n = std::strtoll(literal.text.c_str(), &end, 10);
        if (errno == ERANGE || !isInt32(static_cast<double>(n)))
            return refused("Int cannot represent non 32-bit signed integer value: " + literal.text);
        return json(n);
    }
    case GraphQLScalarKind::Float:
        if (literal.kind != Kind::Int && literal.kind != Kind::Float)
            return refused("Float cannot represent non numeric value: " + shown());
        return json(std::strtod(literal.text.c_str(), nullptr));
    case GraphQLScalarKind::String:
        if (literal.kind != Kind::String)
            return refused("String cannot represent a non string value: " + shown());
        return json(literal.text);
    case GraphQLScalarKind::Boolean:
        if (literal.kind != Kind::Boolean)
            return refused("Boolean cannot represent a non boolean value: " + shown());
        return json(literal.text == "true");
    case GraphQLScalarKind::ID:
        if (literal.kind != Kind::String && literal.kind != Kind::Int)
            return refused("ID cannot represent a non-string and non-integer value: " + shown());
        return json(literal.text);
    case GraphQLScalarKind::Decimal:
        // A literal keeps its decimal text, so 249.99 written as a Float literal is exact.
        if (literal.kind != Kind::String && literal.kind != Kind::Int && literal.kind != Kind::Float)
            return refused("Decimal cannot represent " + shown() + ": expected a decimal string such as \"249.99\".");
        return decimal(literal.text, shown);
    case GraphQLScalarKind::DateTime:
        if (literal.kind != Kind::String)
            return refused("DateTime cannot represent " + shown() + ": expected an RFC 3339 date-time such as \"2026-05-01T09:30:00Z\".");
        return dateTime(literal.text, shown);
    case GraphQLScalarKind::Custom:
        break;
    }
    return untyped(literal);
}

json GraphQLScalars::untyped(const GraphQLValue &literal)
{
    using Kind = GraphQLValue::Kind;
    switch (literal.kind) {
    case Kind::Int: return json(std::strtoll(literal.text.c_str(), nullptr, 10));
    case Kind::Float: return json(std::strtod(literal.text.c_str(), nullptr));
    case Kind::String:
    case Kind::Enum: return json(literal.text);
    case Kind::Boolean: return json(literal.text == "true");
    case Kind::List: {
        json list = json::array();
        for (const GraphQLValue &item : literal.items)
            list.push_back(untyped(item));
        return list;
    }
    case Kind::Object: {
        json object = json::object();
        for (const auto &[name, value] : literal.fields)
            object[name] = untyped(value);
        return object;
    }
    case Kind::Null:
    case Kind::Variable: break;
    }
    return nullptr;
}

} // namespace petstore::core
