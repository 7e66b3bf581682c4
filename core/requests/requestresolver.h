// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/requests/httprequestspec.h"
#include "core/result.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace petstore::core {

// A request ready to send: variables expanded, auth applied, body encoded.
struct ResolvedRequest
{
    std::string method;
    std::string url;                                            // absolute, query included
    std::vector<std::pair<std::string, std::string>> headers;   // in send order
    std::string body;
};

// Turns what the REST panel composed into what goes on the wire.
class RequestResolver
{
public:
    // Expands {{variables}} everywhere; adds auth (Bearer, API key in header or query, Basic per
    // RFC 7617) and the body's Content-Type unless the user set one. Errors: a JSON body that does
    // not parse, an unreadable file, a URL that is not http(s) after expansion.
    static Result<ResolvedRequest> resolve(const HttpRequestSpec &spec,
                                           const std::map<std::string, std::string> &variables);
};

} // namespace petstore::core
