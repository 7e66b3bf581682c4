// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace petstore::core {

// The JSON Schema 2020-12 data model (§4.2) over nlohmann values: type membership, exact
// number comparison across integer and floating point, and string length in code points.
class JsonSchemaDataModel
{
public:
    // Whether `instance` belongs to the named primitive type ("integer" accepts 2.0).
    static bool matchesType(const nlohmann::json &instance, std::string_view type);
    // -1, 0 or 1; exact when both are integers, whatever their signedness. Both must be numbers.
    static int compareNumbers(const nlohmann::json &a, const nlohmann::json &b);
    // Whether `value` is an integer multiple of the positive number `divisor`.
    static bool isMultipleOf(const nlohmann::json &value, const nlohmann::json &divisor);
    // A keyword argument that must be a non-negative integer (1.0 counts), else nullopt.
    static std::optional<std::uint64_t> nonNegativeInteger(const nlohmann::json &value);
    // Length of UTF-8 text in Unicode code points.
    static std::uint64_t codePointCount(const std::string &text);
};

} // namespace petstore::core
