// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/graphql/graphqlhttpendpoint.h"

#include <algorithm>
#include <cctype>

namespace petstore::mock {

namespace {

using json = nlohmann::json;

std::string lower(std::string text)
{
    for (char &c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

std::string trimmed(const std::string &text)
{
    const auto first = text.find_first_not_of(" \t");
    const auto last = text.find_last_not_of(" \t");
    return first == std::string::npos ? std::string() : text.substr(first, last - first + 1);
}

// A media type's parameters after ';' as lower-case name → value.
std::vector<std::pair<std::string, std::string>> parameters(const std::string &range)
{
    std::vector<std::pair<std::string, std::string>> out;
    std::size_t at = range.find(';');
    while (at != std::string::npos) {
        const std::size_t next = range.find(';', at + 1);
        const std::string item = range.substr(at + 1, next == std::string::npos ? std::string::npos : next - at - 1);
        const auto equals = item.find('=');
        if (equals != std::string::npos) {
            std::string value = trimmed(item.substr(equals + 1));
            if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
                value = value.substr(1, value.size() - 2);
            out.emplace_back(lower(trimmed(item.substr(0, equals))), lower(value));
        }
        at = next;
    }
    return out;
}

std::string essence(const std::string &mediaType)
{
    return lower(trimmed(mediaType.substr(0, mediaType.find(';'))));
}

} // namespace

GraphQLHttpEndpoint::MediaType GraphQLHttpEndpoint::negotiate(const std::string &accept)
{
    if (trimmed(accept).empty())
        return MediaType::Json;   // the draft: assume application/json
    // The best q each type gets (RFC 9110 §12.5.1), and whether graphql-response+json was
    // named outright: only then does it win a tie with application/json.
    double graphqlQ = 0, jsonQ = 0;
    bool graphqlNamed = false;
    std::size_t start = 0;
    while (start <= accept.size()) {
        const std::size_t comma = accept.find(',', start);
        const std::string range = accept.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        start = comma == std::string::npos ? accept.size() + 1 : comma + 1;
        double q = 1;
        for (const auto &[name, value] : parameters(range))
            if (name == "q")
                q = std::atof(value.c_str());
        const std::string type = essence(range);
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
        return MediaType::None;
    return graphqlNamed && graphqlQ >= jsonQ ? MediaType::GraphQLResponse : MediaType::Json;
}

core::HttpResponse GraphQLHttpEndpoint::reply(int status, MediaType type, const nlohmann::ordered_json &body)
{
    core::HttpResponse response;
    response.status = status;
    response.setHeader("Content-Type", type == MediaType::GraphQLResponse ? "application/graphql-response+json; charset=utf-8"
                                                                          : "application/json; charset=utf-8");
    response.body = body.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    return response;
}

core::HttpResponse GraphQLHttpEndpoint::requestError(int status, MediaType type, const std::string &message)
{
    return reply(status, type == MediaType::None ? MediaType::Json : type, {{"errors", {{{"message", message}}}}});
}

core::Result<GraphQLHttpEndpoint::Parameters> GraphQLHttpEndpoint::fromBody(const HttpExchange &exchange)
{
    auto refuse = [](const std::string &message) { return core::Error::make(core::ErrorKind::BadRequest, message); };
    const std::string &body = exchange.request.body;
    if (trimmed(body).empty())
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
    const MediaType type = negotiate(exchange.header("Accept"));
    if (type == MediaType::None)
        return requestError(406, MediaType::Json, "Accept application/graphql-response+json or application/json.");
    const bool isGet = exchange.request.method == "GET" || exchange.request.method == "HEAD";
    if (!isGet) {
        const std::string contentType = exchange.header("Content-Type");
        bool acceptable = essence(contentType) == "application/json";
        for (const auto &[name, value] : parameters(contentType))
            acceptable = acceptable && (name != "charset" || value == "utf-8");
        if (!acceptable)
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
            return requestError(type == MediaType::GraphQLResponse ? 400 : 200, type,
                                "Subscriptions are served over WebSocket: open /v1/graphql with the subprotocol graphql-transport-ws.");
    }
    if (!prepared.ok())
        return reply(type == MediaType::GraphQLResponse ? 400 : 200, type, core::GraphQLResponse::requestError(prepared.errors).toJson());

    GraphQLRequestContext context(exchange.store, exchange.tenantId, Caller::of(exchange), exchange.scopes,
                                  m_config->auth == AuthMode::Required, m_payments);
    return reply(200, type, m_service->execute(prepared, context).toJson());
}

} // namespace petstore::mock
