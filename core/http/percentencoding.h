// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace petstore::core {

// RFC 3986 percent-encoding, and the query strings built from it.
class PercentEncoding
{
public:
    // The value of one hex digit (either case), or -1.
    static int hexDigit(char c);
    // Decodes "%XX" escapes (§2.1); nullopt when an escape is not two hex digits.
    static std::optional<std::string> decode(std::string_view text);
    // Appends `text` with everything but unreserved characters (§2.3) as upper-case %XX.
    static void appendEncoded(std::string &out, std::string_view text);
    // Splits "a=1&b=x+y" into ordered, decoded pairs. Form rules (WHATWG URL
    // "application/x-www-form-urlencoded"): '+' is a space; a malformed escape stays literal.
    static std::vector<std::pair<std::string, std::string>> parseQuery(std::string_view query);
};

} // namespace petstore::core
