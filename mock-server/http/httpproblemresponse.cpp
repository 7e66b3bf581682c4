// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/http/httpproblemresponse.h"

#include "mock-server/http/httpexchange.h"

namespace petstore::mock {

core::HttpResponse HttpProblemResponse::make(core::ProblemDetails problem, const HttpExchange &exchange)
{
    if (problem.instance.empty())
        problem.instance = exchange.path;
    problem.traceId = exchange.requestId;
    core::HttpResponse response;
    response.status = problem.status;
    response.addHeader("Content-Type", "application/problem+json");
    response.body = problem.toJson().dump();
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
    response.body = core::ProblemDetails::forStatus(status, detail).toJson().dump();
    return response;
}

} // namespace petstore::mock
