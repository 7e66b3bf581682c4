// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocols/graphql/graphqlast.h"
#include "core/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <string_view>

namespace petstore::core {

enum class GraphQLScalarKind : std::uint8_t { Int, Float, String, Boolean, ID, DateTime, Decimal, Custom };

// The built-in scalars (spec §3.5) and the two custom ones the Petstore uses, DateTime
// (RFC 3339, normalised to UTC milliseconds) and Decimal (a decimal string with at most two
// fraction digits). Other custom scalars pass through unchanged. Failures carry graphql-js's
// message ("Int cannot represent non-integer value: 1.5").
class GraphQLScalars
{
public:
    static GraphQLScalarKind kindOf(std::string_view name);

    // Result coercion: what a resolver produced → the response value.
    static Result<nlohmann::ordered_json> serialize(GraphQLScalarKind kind, const nlohmann::ordered_json &value);
    // Input coercion of a variable's JSON value.
    static Result<nlohmann::json> parseValue(GraphQLScalarKind kind, const nlohmann::json &value);
    // Input coercion of a literal without variables.
    static Result<nlohmann::json> parseLiteral(GraphQLScalarKind kind, const GraphQLValue &literal);

    // A literal as plain JSON, for scalars with no rules of their own (variables become null;
    // the coercion layer substitutes them first).
    static nlohmann::json untyped(const GraphQLValue &literal);

private:
    // `shown` writes the value for an error message, only when there is one.
    static bool isDecimal(const std::string &text);
    static Result<nlohmann::json> decimal(const std::string &text, const std::function<std::string()> &shown);
    static Result<nlohmann::json> dateTime(const std::string &text, const std::function<std::string()> &shown);
};

} // namespace petstore::core
