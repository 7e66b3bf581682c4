// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/jsonschema/jsonschemadatamodel.h"

#include <algorithm>
#include <cmath>

namespace petstore::core {

using nlohmann::json;

namespace {

bool isSignedInteger(const json &value) { return value.is_number_integer() && !value.is_number_unsigned(); }

long double toLongDouble(const json &value)
{
    if (value.is_number_unsigned())
        return static_cast<long double>(value.get<std::uint64_t>());
    if (value.is_number_integer())
        return static_cast<long double>(value.get<std::int64_t>());
    return static_cast<long double>(value.get<double>());
}

// Magnitude of an integer instance, safe for INT64_MIN.
std::uint64_t magnitude(const json &value)
{
    if (value.is_number_unsigned())
        return value.get<std::uint64_t>();
    const std::int64_t x = value.get<std::int64_t>();
    return x < 0 ? static_cast<std::uint64_t>(-(x + 1)) + 1 : static_cast<std::uint64_t>(x);
}

} // namespace

int JsonSchemaDataModel::compareNumbers(const json &a, const json &b)
{
    if (a.is_number_integer() && b.is_number_integer()) {
        if (isSignedInteger(a) && isSignedInteger(b)) {
            const std::int64_t x = a.get<std::int64_t>(), y = b.get<std::int64_t>();
            return x < y ? -1 : (x > y ? 1 : 0);
        }
        if (isSignedInteger(a) && a.get<std::int64_t>() < 0)
            return -1;
        if (isSignedInteger(b) && b.get<std::int64_t>() < 0)
            return 1;
        const std::uint64_t x = a.get<std::uint64_t>(), y = b.get<std::uint64_t>();
        return x < y ? -1 : (x > y ? 1 : 0);
    }
    const long double x = toLongDouble(a), y = toLongDouble(b);
    return x < y ? -1 : (x > y ? 1 : 0);
}

bool JsonSchemaDataModel::isMultipleOf(const json &value, const json &divisor)
{
    if (value.is_number_integer() && divisor.is_number_integer())
        return magnitude(value) % magnitude(divisor) == 0;
    const double quotient = static_cast<double>(toLongDouble(value) / toLongDouble(divisor));
    if (!std::isfinite(quotient))
        return false;
    return std::fabs(quotient - std::round(quotient)) <= 1e-9 * std::max(1.0, std::fabs(quotient));
}

// A keyword value that must be a non-negative integer (JSON Schema Validation 2020-12 §6: 1.0 counts).
std::optional<std::uint64_t> JsonSchemaDataModel::nonNegativeInteger(const json &value)
{
    if (value.is_number_unsigned())
        return value.get<std::uint64_t>();
    if (value.is_number_float() && value.get<double>() >= 0 && std::floor(value.get<double>()) == value.get<double>())
        return static_cast<std::uint64_t>(value.get<double>());
    return std::nullopt;
}

// JSON Schema Validation 2020-12 §6.3: string lengths count Unicode code points. nlohmann strings are
// UTF-8, so count every byte that is not a continuation byte.
std::uint64_t JsonSchemaDataModel::codePointCount(const std::string &text)
{
    std::uint64_t count = 0;
    for (const char c : text)
        count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return count;
}

bool JsonSchemaDataModel::matchesType(const json &instance, std::string_view type)
{
    if (type == "string")
        return instance.is_string();
    if (type == "integer") {
        // JSON Schema Validation 2020-12 §6.1.1: a number with a zero fractional part is an integer.
        if (instance.is_number_integer())
            return true;
        if (!instance.is_number_float())
            return false;
        const double x = instance.get<double>();
        return std::isfinite(x) && std::floor(x) == x;
    }
    if (type == "number")
        return instance.is_number();
    if (type == "object")
        return instance.is_object();
    if (type == "array")
        return instance.is_array();
    if (type == "boolean")
        return instance.is_boolean();
    if (type == "null")
        return instance.is_null();
    return false;
}

} // namespace petstore::core
