// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/http/httpproblemresponse.h"

#include "mock-server/http/httpexchange.h"

namespace petstore::mock {

namespace {

// Details and instances echo client bytes, which need not be valid UTF-8: never throw on them.
std::string dump(const core::ProblemDetails &problem)
{
    return problem.toJson().dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace

core::HttpResponse HttpProblemResponse::make(core::ProblemDetails problem, const HttpExchange &exchange)
{
    if (problem.instance.empty())
        problem.instance = exchange.path;
    problem.traceId = exchange.requestId;
    core::HttpResponse response;
    response.status = problem.status;
    response.addHeader("Content-Type", "application/problem+json");
    response.body = dump(problem);
    return response;
}

core::HttpResponse HttpProblemResponse::fromError(const core::Error &error, const HttpExchange &exchange)
{
    return make(core::ProblemDetails::fromError(error), exchange);
}

core::HttpResponse HttpProblemResponse::forStatus(int status, const std::string &detail,
                                                  const HttpExchange &exchange)
{
    return make(core::ProblemDetails::forStatus(status, detail), exchange);
}

core::HttpResponse HttpProblemResponse::bare(int status, const std::string &detail)
{
    core::HttpResponse response;
    response.status = status;
    response.addHeader("Content-Type", "application/problem+json");
    response.body = dump(core::ProblemDetails::forStatus(status, detail));
    return response;
}

} // namespace petstore::mock
