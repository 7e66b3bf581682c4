// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace petstore::core {

// An RFC 9457 problem detail object, the body of every HTTP error (`application/problem+json`).
// `fromError` is the one place where a domain Error becomes an HTTP status (STYLE "Errors").
struct ProblemDetails
{
    static constexpr std::string_view MediaType = "application/problem+json";
    // Problem type URIs are this base plus a stable slug (RFC 9457 §3.1.1).
    static constexpr std::string_view TypeBase = "https://petstoreapi.com/problems/";

    std::string type;
    std::string title;
    int status = 500;
    std::string detail;
    std::string instance;
    std::string traceId;
    std::vector<FieldError> errors;
    // Extension members (RFC 9457 §3.2); must be an object. Members named like a standard or
    // project member above are ignored so an extension cannot contradict them.
    nlohmann::json extensions = nlohmann::json::object();

    // type, title and status always; detail, instance and traceId when non-empty; errors as
    // [{field, message, code}] when non-empty; then the extension members.
    nlohmann::json toJson() const;
    // Reads a problem document as a client received it (any server, so lenient): wrong-typed or
    // missing members keep their defaults, unknown members land in extensions. Only a
    // non-object is an error. `status` falls back to `httpStatus` when the body has none.
    static Result<ProblemDetails> fromJson(const nlohmann::json &json, int httpStatus);

    // The catalogued problem type for a status; unknown statuses get slug "http-<status>".
    static ProblemDetails forStatus(int status, std::string detail = {});
    static ProblemDetails malformedJson(std::string detail);
    static ProblemDetails invalidTransition(std::string detail);
    static ProblemDetails idempotencyKeyReused(std::string detail = {});
    static ProblemDetails validation(std::vector<FieldError> errors, std::string detail = {});
    // The single mapping from ErrorKind to HTTP; detail is Error::message.
    static ProblemDetails fromError(const Error &error);

    // RFC 9110 §15 reason phrase (plus RFC 6585 and other registered codes); empty for an
    // unregistered code, which a status line may carry (RFC 9112 §4).
    static std::string_view reasonPhrase(int status);
    static std::string typeFor(std::string_view slug);
};

} // namespace petstore::core
