// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace petstore::core {

// The field-level rules of the Petstore domain (DESIGN §5), shared by the JSON readers and the
// Store. Hand-written rather than std::regex: no exceptions, no backtracking on hostile input.
namespace domainrules {

// Unicode code points in valid UTF-8 (what "1..50 characters" counts).
std::size_t codePointCount(std::string_view utf8);

// Money: ^\d{1,9}(\.\d{1,2})?$ — a non-negative decimal with at most two fraction digits.
bool isMoney(std::string_view text);
// Money in minor units; only meaningful when isMoney(text).
std::int64_t moneyToCents(std::string_view text);
// The currencies the Petstore accepts: USD EUR GBP CAD AUD.
bool isCurrency(std::string_view text);

// An absolute http:// or https:// URL with a host.
bool isHttpUrl(std::string_view text);
// local@domain.tld: no spaces, exactly one '@', a dot in the domain, no empty labels.
bool isEmail(std::string_view text);
// E.164: ^\+[1-9]\d{1,14}$
bool isE164(std::string_view text);
// 3..50 of [A-Za-z0-9._-]
bool isUsername(std::string_view text);

std::string toLowerAscii(std::string_view text);

} // namespace domainrules
} // namespace petstore::core
