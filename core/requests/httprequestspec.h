// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace petstore::core {

// One row of a query, header or form table; disabled rows are kept but not sent.
struct KeyValueRow
{
    bool enabled = true;
    std::string name;
    std::string value;

    bool operator==(const KeyValueRow &other) const
    {
        return enabled == other.enabled && name == other.name && value == other.value;
    }
};

enum class RequestBodyKind { None, Json, Form, Raw, File };
enum class RequestAuthKind { None, Bearer, ApiKey, Basic };

struct RequestAuth
{
    RequestAuthKind kind = RequestAuthKind::None;
    std::string token;                       // Bearer
    std::string apiKeyName = "X-API-Key";    // ApiKey: header or query parameter name
    std::string apiKeyValue;
    bool apiKeyInQuery = false;
    std::string username;                    // Basic (RFC 7617)
    std::string password;
};

// A request as the REST panel composes it: the URL as typed (with {{variables}} and its query),
// tables, body and auth. Stored as JSON in history and collections; resolved into bytes to send
// by RequestResolver.
struct HttpRequestSpec
{
    std::string name;                        // label in collections and history
    std::string method = "GET";              // any RFC 9110 token, custom ones included
    std::string url;
    std::vector<KeyValueRow> headers;
    RequestBodyKind bodyKind = RequestBodyKind::None;
    std::string body;                        // Json and Raw text
    std::string rawContentType = "text/plain";
    std::vector<KeyValueRow> form;           // application/x-www-form-urlencoded
    std::string filePath;                    // File: sent as the body
    std::string fileContentType = "application/octet-stream";
    RequestAuth auth;

    nlohmann::json toJson() const;
    // Missing members take their defaults; wrong types are a Validation error naming the member.
    static Result<HttpRequestSpec> fromJson(const nlohmann::json &json);
};

std::string toString(RequestBodyKind kind);
std::string toString(RequestAuthKind kind);

} // namespace petstore::core
