// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace petstore::core {

// One HTTP/1.x request exactly as received (RFC 9112). `raw` holds the bytes on the wire,
// for the Traffic dock's Wire view; `body` is the decoded payload (chunked framing removed).
struct Http1Request
{
    std::string method;    // case-sensitive token (RFC 9110 §9.1): GET, QUERY, PURGE, ...
    std::string target;    // request-target as sent: "/v1/pets?limit=2"
    int versionMinor = 1;  // HTTP/1.<minor>
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    std::string raw;

    std::string header(std::string_view name) const;  // first value, or empty
    bool hasHeader(std::string_view name) const;
    std::string path() const;   // target up to '?'
    std::string query() const;  // after '?', without it
    // RFC 9112 §9.3: 1.1 persists unless "close"; 1.0 only with "keep-alive".
    bool keepAlive() const;
    // Connection: upgrade + Upgrade: <protocol> (RFC 9110 §7.8); the protocol token lower-cased.
    std::string upgradeProtocol() const;
};

} // namespace petstore::core
