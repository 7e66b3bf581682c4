// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/graphql/graphqlhttpendpoint.h"

#include "core/http/mediatype.h"

#include <algorithm>

namespace petstore::mock {

namespace {

using json = nlohmann::json;

} // namespace

GraphQLHttpEndpoint::ResponseType GraphQLHttpEndpoint::negotiate(const std::string &accept)
{
    if (accept.find_first_not_of(" \t") == std::string::npos)
        return ResponseType::Json;   // the draft: assume application/json
    // The best q each type gets (RFC 9110 §12.5.1), and whether graphql-response+json was
    // named outright: only then does it win a tie with application/json.
    double graphqlQ = 0, jsonQ = 0;
    bool graphqlNamed = false;
    std::size_t start = 0;
    while (start <= accept.size()) {
        const std::size_t comma = accept.find(',', start);
        const std::string range = accept.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        start = comma == std::string::npos ? accept.size() + 1 : comma + 1;
        const core::MediaType parsed = core::MediaType::parse(range);
        const double q = std::atof(parsed.parameter("q", "1").c_str());
        const std::string &type = parsed.essence;
        if (type == "application/graphql-response+json") {
            graphqlQ = std::max(graphqlQ, q);
            graphqlNamed = graphqlNamed || q > 0;
        } else if (type == "application/json") {
            jsonQ = std::max(jsonQ, q);
        } else if (type == "application/*" || type == "*/*") {
            jsonQ = std::max(jsonQ, q);
        }
    }
    if (graphqlQ <= 0 && jsonQ <= 0)
        return ResponseType::None;
    return graphqlNamed && graphqlQ >= jsonQ ? ResponseType::GraphQLResponse : ResponseType::Json;
}

core::HttpResponse GraphQLHttpEndpoint::reply(int status, ResponseType type, const nlohmann::ordered_json &body)
{
    core::HttpResponse response;
    response.status = status;
    response.setHeader("Content-Type", type == ResponseType::GraphQLResponse ? "application/graphql-response+json; charset=utf-8"
                                                                          : "application/json; charset=utf-8");
    response.body = body.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    return response;
}

core::HttpResponse GraphQLHttpEndpoint::requestError(int status, ResponseType type, const std::string &message)
{
    return reply(status, type == ResponseType::None ? ResponseType::Json : type, {{"errors", {{{"message", message}}}}});
}

core::Result<GraphQLHttpEndpoint::Parameters> GraphQLHttpEndpoint::fromBody(const HttpExchange &exchange)
{
    auto refuse = [](const std::string &message) { return core::Error::make(core::ErrorKind::BadRequest, message); };
    const std::string &body = exchange.request.body;
    if (body.find_first_not_of(" \t\r\n") == std::string::npos)
        return refuse("The request body is missing: POST a JSON object {\"query\": \"...\"}.");
    const json request = json::parse(body, nullptr, false);
    if (request.is_discarded())
        return refuse("The request body is not valid JSON.");
    if (!request.is_object())
        return refuse("The request body must be a JSON object.");
    Parameters parameters;
    const auto query = request.find("query");
    if (query == request.end() || query->is_null())
        return refuse("The {query} parameter is missing.");
    if (!query->is_string())
        return refuse("The {query} parameter must be a string.");
    parameters.query = query->get<std::string>();
    if (const auto name = request.find("operationName"); name != request.end() && !name->is_null()) {
        if (!name->is_string())
            return refuse("The {operationName} parameter must be a string or null.");
        parameters.operationName = name->get<std::string>();
    }
    if (const auto variables = request.find("variables"); variables != request.end() && !variables->is_null()) {
        if (!variables->is_object())
            return refuse("The {variables} parameter must be a map or null.");
        parameters.variables = *variables;
    }
    if (const auto extensions = request.find("extensions"); extensions != request.end() && !extensions->is_null() && !extensions->is_object())
        return refuse("The {extensions} parameter must be a map or null.");
    return parameters;
}

core::Result<GraphQLHttpEndpoint::Parameters> GraphQLHttpEndpoint::fromQuery(const HttpExchange &exchange)
{
    auto refuse = [](const std::string &message) { return core::Error::make(core::ErrorKind::BadRequest, message); };
    Parameters parameters;
    bool hasQuery = false;
    for (const auto &[name, value] : exchange.query) {
        if (name == "query" && !hasQuery) {
            parameters.query = value;
            hasQuery = true;
        } else if (name == "operationName" && parameters.operationName.empty()) {
            parameters.operationName = value;
        } else if (name == "variables" || name == "extensions") {
            const json parsed = json::parse(value, nullptr, false);
            if (parsed.is_discarded() || !(parsed.is_object() || parsed.is_null()))
                return refuse("The {" + name + "} parameter must be a JSON-encoded map.");
            if (name == "variables")
                parameters.variables = parsed;
        }
    }
    if (!hasQuery)
        return refuse("The {query} parameter is missing: GET /v1/graphql?query={...}");
    return parameters;
}

core::HttpResponse GraphQLHttpEndpoint::handle(HttpExchange &exchange)
{
    const ResponseType type = negotiate(exchange.header("Accept"));
    if (type == ResponseType::None)
        return requestError(406, ResponseType::Json, "Accept application/graphql-response+json or application/json.");
    const bool isGet = exchange.request.method == "GET" || exchange.request.method == "HEAD";
    if (!isGet) {
        const core::MediaType contentType = core::MediaType::parse(exchange.header("Content-Type"));
        if (contentType.essence != "application/json" || contentType.parameter("charset", "utf-8") != "utf-8")
            return requestError(415, type, "Send the request as Content-Type: application/json (UTF-8).");
    }
    auto parameters = isGet ? fromQuery(exchange) : fromBody(exchange);
    if (!parameters)
        return requestError(400, type, parameters.error().message);

    const core::GraphQLPrepared prepared = m_service->prepare(parameters->query, parameters->operationName, parameters->variables);
    if (prepared.operation && prepared.operation->kind != core::GraphQLOperation::Kind::Query) {
        if (isGet && prepared.operation->kind == core::GraphQLOperation::Kind::Mutation) {
            core::HttpResponse response = requestError(405, type, "Mutations cannot run over GET: use POST.");
            response.setHeader("Allow", "POST");
            return response;
        }
        if (prepared.operation->kind == core::GraphQLOperation::Kind::Subscription)
            return requestError(type == ResponseType::GraphQLResponse ? 400 : 200, type,
                                "Subscriptions are served over WebSocket: open /v1/graphql with the subprotocol graphql-transport-ws.");
    }
    if (!prepared.ok())
        return reply(type == ResponseType::GraphQLResponse ? 400 : 200, type, core::GraphQLResponse::requestError(prepared.errors).toJson());

    GraphQLRequestContext context(exchange.store, exchange.tenantId, Caller::of(exchange), exchange.scopes,
                                  m_config->auth == AuthMode::Required, m_payments);
    return reply(200, type, m_service->execute(prepared, context).toJson());
}

} // namespace petstore::mock
