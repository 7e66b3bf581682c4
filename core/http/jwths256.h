// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace petstore::core {

// JSON Web Tokens (RFC 7519) in JWS compact serialization (RFC 7515 §7.1), signed with
// HMAC-SHA256 only (RFC 7518 §3.2). Verification never trusts the token to choose the
// algorithm: anything but exactly "HS256" is refused, "none" included.
class JwtHs256
{
public:
    // Header {"alg":"HS256","typ":"JWT"}. The claims are signed as given: callers set exp,
    // iat, sub, scope. Invalid UTF-8 in the claims is replaced by U+FFFD.
    static std::string sign(const nlohmann::json &claims, std::string_view secret);

    // The claims of a valid token, or Error{Unauthorized} whose message says what was wrong,
    // fit for a WWW-Authenticate error_description (RFC 6750 §3: no quotes or backslashes).
    // `exp` is required; `exp` and `nbf` are checked against nowSeconds with leewaySeconds of
    // allowed clock skew (RFC 7519 §4.1.4-5). The signature is compared in constant time.
    static Result<nlohmann::json> verify(std::string_view token, std::string_view secret,
                                         std::int64_t nowSeconds, int leewaySeconds = 30);

    // Whether the space-separated `scope` claim lists `scope` (RFC 8693 §4.2; case-sensitive).
    static bool hasScope(const nlohmann::json &claims, std::string_view scope);
};

} // namespace petstore::core
