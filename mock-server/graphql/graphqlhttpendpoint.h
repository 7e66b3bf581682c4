// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/http/httpmessage.h"
#include "mock-server/graphql/graphqlservice.h"
#include "mock-server/http/httpexchange.h"
#include "mock-server/mockconfig.h"
#include "mock-server/paymentscheduler.h"

namespace petstore::mock {

// GraphQL over HTTP (graphql.github.io/graphql-over-http, PROTOCOL-NOTES) at /v1/graphql:
// POST with a JSON body or GET with the request in the query string (queries only: 405 for a
// mutation). Answers application/graphql-response+json or application/json as `Accept`
// prefers (406 for neither). Malformed requests get 400; a request that never ran gets 400
// with graphql-response+json and 200 with application/json; a response with data gets 200.
class GraphQLHttpEndpoint
{
public:
    GraphQLHttpEndpoint(GraphQLService *service, const MockConfig *config, PaymentScheduler payments)
        : m_service(service), m_config(config), m_payments(payments) {}

    core::HttpResponse handle(HttpExchange &exchange);

private:
    struct Parameters
    {
        std::string query;
        std::string operationName;
        nlohmann::json variables;
    };
    enum class ResponseType { GraphQLResponse, Json, None };

    static ResponseType negotiate(const std::string &accept);
    static core::Result<Parameters> fromBody(const HttpExchange &exchange);
    static core::Result<Parameters> fromQuery(const HttpExchange &exchange);
    static core::HttpResponse reply(int status, ResponseType type, const nlohmann::ordered_json &body);
    static core::HttpResponse requestError(int status, ResponseType type, const std::string &message);

    GraphQLService *m_service;
    const MockConfig *m_config;
    PaymentScheduler m_payments;
};

} // namespace petstore::mock
