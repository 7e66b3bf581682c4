// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/http/httpmessage.h"
#include "core/result.h"
#include "mock-server/http/httpexchange.h"

#include <nlohmann/json.hpp>

namespace petstore::mock {

// Small constructors for the JSON replies every REST handler writes.
class RestReply
{
public:
    static core::HttpResponse json(int status, const nlohmann::json &body);
    // A body that is already serialized JSON.
    static core::HttpResponse jsonText(int status, std::string body);
    static core::HttpResponse created(const nlohmann::json &body, const std::string &location);
    static core::HttpResponse noContent();
    static core::HttpResponse error(const core::Error &error, const HttpExchange &exchange);
    // 412 unless If-Match (RFC 9110 §13.1.1) is absent or matches the current representation.
    static std::optional<core::HttpResponse> checkIfMatch(const HttpExchange &exchange,
                                                          const nlohmann::json &current);
};

} // namespace petstore::mock
