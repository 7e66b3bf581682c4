// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string_view>

namespace petstore::core {

// The "format" values our OpenAPI documents assert (JSON Schema Validation 2020-12 §7.3). Pure functions
// on UTF-8 text; formats we do not know are annotations and always pass.
class JsonSchemaFormats
{
public:
    enum class Verdict { Valid, Invalid, UnknownFormat };

    // Checks `value` against the named format ("date-time", "date", "email", "uuid", "uri").
    static Verdict check(std::string_view format, std::string_view value);

    // RFC 3339 §5.6 date-time, e.g. "2024-02-29T23:59:60Z" (leap second only at 23:59:60 UTC).
    static bool isDateTime(std::string_view value);
    // RFC 3339 §5.6 full-date with calendar checks (February 29 only in leap years).
    static bool isDate(std::string_view value);
    // Practical address check: local@domain.tld, ASCII, no spaces, dot-atom local part.
    static bool isEmail(std::string_view value);
    // RFC 9562 textual form: 8-4-4-4-12 hexadecimal digits, any case.
    static bool isUuid(std::string_view value);
    // RFC 3986 §4.3 absolute URI: a scheme, ":" and only URI characters with valid escapes.
    static bool isUri(std::string_view value);
};

} // namespace petstore::core
