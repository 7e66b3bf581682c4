// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/rest/restreply.h"

#include "core/http/etag.h"
#include "mock-server/http/httpproblemresponse.h"

namespace petstore::mock {

core::HttpResponse RestReply::json(int status, const nlohmann::json &body)
{
    // Replace rather than throw: query text echoed into links need not be valid UTF-8.
    return jsonText(status, body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

core::HttpResponse RestReply::jsonText(int status, std::string body)
{
    core::HttpResponse response;
    response.status = status;
    response.addHeader("Content-Type", "application/json");
    response.body = std::move(body);
    return response;
}

core::HttpResponse RestReply::created(const nlohmann::json &body, const std::string &location)
{
    core::HttpResponse response = json(201, body);
    response.addHeader("Location", location);
    return response;
}

core::HttpResponse RestReply::noContent()
{
    core::HttpResponse response;
    response.status = 204;
    return response;
}

core::HttpResponse RestReply::error(const core::Error &error, const HttpExchange &exchange)
{
    return HttpProblemResponse::fromError(error, exchange);
}

std::optional<core::HttpResponse> RestReply::checkIfMatch(const HttpExchange &exchange,
                                                          const nlohmann::json &current)
{
    const std::string ifMatch = exchange.header("If-Match");
    if (ifMatch.empty() || core::ETag::match(ifMatch, core::ETag::strongFor(current.dump())))
        return std::nullopt;
    return HttpProblemResponse::forStatus(412, "If-Match " + ifMatch
                                                   + " does not match the current representation", exchange);
}

} // namespace petstore::mock
