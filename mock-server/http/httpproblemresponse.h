// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/http/httpmessage.h"
#include "core/http/problemdetails.h"
#include "core/result.h"

#include <string>

namespace petstore::mock {

struct HttpExchange;

// The one place HTTP errors reach the wire (STYLE "Errors"): RFC 9457 problem+json with the
// request path as `instance` and the request id as `traceId`.
class HttpProblemResponse
{
public:
    static core::HttpResponse make(core::ProblemDetails problem, const HttpExchange &exchange);
    static core::HttpResponse fromError(const core::Error &error, const HttpExchange &exchange);
    static core::HttpResponse forStatus(int status, const std::string &detail, const HttpExchange &exchange);
    // For failures before an exchange exists (framing errors): no instance, no trace id.
    static core::HttpResponse bare(int status, const std::string &detail);
};

} // namespace petstore::mock
