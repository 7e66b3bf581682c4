// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

namespace petstore::core {

// Masks secrets in captured HTTP messages (DESIGN §9): the values of Authorization,
// Proxy-Authorization, Cookie, Set-Cookie and X-API-Key fields, and the string values of JSON
// members named password, number, cvc, accessToken, refreshToken, secret and token.
class TrafficRedactor
{
public:
    static constexpr std::string_view Mask = "[redacted]";
    static std::string redactHttpMessage(std::string_view message);
    // A request target with the values of credential query parameters (`access_token`, RFC 6750
    // §2.3, and `token`, used by WebSocket clients) masked.
    static std::string redactTarget(std::string_view target);
    static std::string redactJsonText(std::string_view text);
};

} // namespace petstore::core
