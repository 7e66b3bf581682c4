// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/problemdetails.h"

#include <utility>

namespace petstore::core {

namespace {

struct CatalogueEntry
{
    int status;
    std::string_view slug;
    std::string_view title;
};

// Titles are the human-readable summary of the problem type (RFC 9457 §3.1.3); where our
// title differs from the reason phrase it names the type of problem, not the status code.
constexpr CatalogueEntry Catalogue[] = {
    {400, "bad-request", "Bad Request"},
    {401, "unauthorized", "Unauthorized"},
    {403, "forbidden", "Forbidden"},
    {404, "not-found", "Not Found"},
    {405, "method-not-allowed", "Method Not Allowed"},
    {406, "not-acceptable", "Not Acceptable"},
    {409, "conflict", "Conflict"},
    {412, "precondition-failed", "Precondition Failed"},
    {413, "payload-too-large", "Payload Too Large"},
    {415, "unsupported-media-type", "Unsupported Media Type"},
    {422, "validation-error", "Validation Error"},
    {428, "precondition-required", "Precondition Required"},
    {429, "rate-limited", "Too Many Requests"},
    {431, "request-header-fields-too-large", "Request Header Fields Too Large"},
    {500, "internal-error", "Internal Server Error"},
    {501, "not-implemented", "Not Implemented"},
    {503, "service-unavailable", "Service Unavailable"},
    {504, "gateway-timeout", "Gateway Timeout"},
};

ProblemDetails make(int status, std::string_view slug, std::string_view title, std::string detail)
{
    ProblemDetails problem;
    problem.type = ProblemDetails::typeFor(slug);
    problem.title = std::string(title);
    problem.status = status;
    problem.detail = std::move(detail);
    return problem;
}

bool isReservedMember(const std::string &name)
{
    return name == "type" || name == "title" || name == "status" || name == "detail"
        || name == "instance" || name == "traceId" || name == "errors";
}

} // namespace

nlohmann::json ProblemDetails::toJson() const
{
    nlohmann::json out = nlohmann::json::object();
    out["type"] = type;
    out["title"] = title;
    out["status"] = status;
    if (!detail.empty())
        out["detail"] = detail;
    if (!instance.empty())
        out["instance"] = instance;
    if (!traceId.empty())
        out["traceId"] = traceId;
    if (!errors.empty()) {
        nlohmann::json list = nlohmann::json::array();
        for (const FieldError &e : errors)
            list.push_back({{"field", e.field}, {"message", e.message}, {"code", e.code}});
        out["errors"] = std::move(list);
    }
    if (extensions.is_object()) {
        for (const auto &[name, value] : extensions.items())
            if (!isReservedMember(name))
                out[name] = value;
    }
    return out;
}

Result<ProblemDetails> ProblemDetails::fromJson(const nlohmann::json &json, int httpStatus)
{
    if (!json.is_object())
        return Error::make(ErrorKind::BadRequest, "a problem document is a JSON object (RFC 9457 §3)");
    const auto text = [&json](const char *name) {
        const auto it = json.find(name);
        return it != json.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    ProblemDetails problem;
    // RFC 9457 §3.1.1: an absent type means "about:blank".
    problem.type = json.contains("type") ? text("type") : std::string("about:blank");
    problem.title = text("title");
    const auto status = json.find("status");
    problem.status = status != json.end() && status->is_number_integer() ? status->get<int>() : httpStatus;
    problem.detail = text("detail");
    problem.instance = text("instance");
    problem.traceId = text("traceId");
    if (const auto errors = json.find("errors"); errors != json.end() && errors->is_array()) {
        for (const auto &item : *errors) {
            if (!item.is_object())
                continue;
            const auto member = [&item](const char *name) {
                const auto it = item.find(name);
                return it != item.end() && it->is_string() ? it->get<std::string>() : std::string();
            };
            problem.errors.push_back({member("field"), member("message"), member("code")});
        }
    }
    for (const auto &[name, value] : json.items()) {
        if (!isReservedMember(name))
            problem.extensions[name] = value;
    }
    return problem;
}

ProblemDetails ProblemDetails::forStatus(int status, std::string detail)
{
    for (const CatalogueEntry &entry : Catalogue)
        if (entry.status == status)
            return make(status, entry.slug, entry.title, std::move(detail));
    const std::string_view phrase = reasonPhrase(status);
    const std::string title = phrase.empty() ? "HTTP " + std::to_string(status) : std::string(phrase);
    return make(status, "http-" + std::to_string(status), title, std::move(detail));
}

ProblemDetails ProblemDetails::malformedJson(std::string detail)
{
    return make(400, "malformed-json", "Malformed JSON", std::move(detail));
}

ProblemDetails ProblemDetails::invalidTransition(std::string detail)
{
    return make(409, "invalid-state-transition", "Invalid State Transition", std::move(detail));
}

ProblemDetails ProblemDetails::idempotencyKeyReused(std::string detail)
{
    return make(422, "idempotency-key-reused", "Idempotency Key Reused", std::move(detail));
}

ProblemDetails ProblemDetails::validation(std::vector<FieldError> errors, std::string detail)
{
    ProblemDetails problem = forStatus(422, std::move(detail));
    problem.errors = std::move(errors);
    return problem;
}

ProblemDetails ProblemDetails::fromError(const Error &error)
{
    switch (error.kind) {
    case ErrorKind::BadRequest:
        return forStatus(400, error.message);
    case ErrorKind::Validation:
        return validation(error.fields, error.message);
    case ErrorKind::NotFound:
        return forStatus(404, error.message);
    case ErrorKind::Conflict:
        return forStatus(409, error.message);
    case ErrorKind::InvalidTransition:
        return invalidTransition(error.message);
    case ErrorKind::Unauthorized:
        return forStatus(401, error.message);
    case ErrorKind::Forbidden:
        return forStatus(403, error.message);
    case ErrorKind::PreconditionFailed:
        return forStatus(412, error.message);
    case ErrorKind::Internal:
        break;
    }
    return forStatus(500, error.message);
}

std::string_view ProblemDetails::reasonPhrase(int status)
{
    // RFC 9110 §15 unless noted; 413 and 422 carry their RFC 9110 names.
    switch (status) {
    case 100: return "Continue";
    case 101: return "Switching Protocols";
    case 103: return "Early Hints"; // RFC 8297
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 203: return "Non-Authoritative Information";
    case 204: return "No Content";
    case 205: return "Reset Content";
    case 206: return "Partial Content";
    case 300: return "Multiple Choices";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 305: return "Use Proxy";
    case 307: return "Temporary Redirect";
    case 308: return "Permanent Redirect";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 402: return "Payment Required";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 406: return "Not Acceptable";
    case 407: return "Proxy Authentication Required";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 411: return "Length Required";
    case 412: return "Precondition Failed";
    case 413: return "Content Too Large";
    case 414: return "URI Too Long";
    case 415: return "Unsupported Media Type";
    case 416: return "Range Not Satisfiable";
    case 417: return "Expectation Failed";
    case 421: return "Misdirected Request";
    case 422: return "Unprocessable Content";
    case 425: return "Too Early"; // RFC 8470
    case 426: return "Upgrade Required";
    case 428: return "Precondition Required"; // RFC 6585 §3
    case 429: return "Too Many Requests"; // RFC 6585 §4
    case 431: return "Request Header Fields Too Large"; // RFC 6585 §5
    case 451: return "Unavailable For Legal Reasons"; // RFC 7725
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    case 505: return "HTTP Version Not Supported";
    case 511: return "Network Authentication Required"; // RFC 6585 §6
    default: return {};
    }
}

std::string ProblemDetails::typeFor(std::string_view slug)
{
    return std::string(TypeBase) + std::string(slug);
}

} // namespace petstore::core
