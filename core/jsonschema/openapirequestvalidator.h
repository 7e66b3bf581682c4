// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/jsonschema/jsonschemavalidator.h"
#include "core/jsonschema/openapiparameter.h"
#include "core/jsonschema/openapipathmatcher.h"
#include "core/result.h"

#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace petstore::core {

// Routes and validates HTTP requests against an OpenAPI 3.1 document, the single source of
// truth for the REST API (DESIGN §6). Everything a request needs is compiled at construction
// (path templates, merged and resolved parameters, request bodies); the per-request calls are
// const, allocate little and are thread-safe. "$ref"s to local components (parameters,
// requestBodies, responses, schemas, path items) are resolved.
class OpenApiRequestValidator
{
public:
    // Takes ownership of the document. Malformed parts (a path item that is not an object, a
    // template with an unclosed "{") are skipped with a warning.
    // Movable; pointers into the document (Match::operation, responseSchema()) stay valid.
    explicit OpenApiRequestValidator(nlohmann::json document);

    struct Match
    {
        const nlohmann::json *operation = nullptr; // the Operation Object, inside document()
        std::string operationId;
        std::string method;       // lower case, as a key of the Path Item: "get", "post", ...
        std::string pathTemplate; // with the server's base path: "/v1/pets/{petId}"
        std::map<std::string, std::string> pathParams; // percent-decoded text
    };

    // The operation for `method` (any case) and `path` (no query string). Each template is
    // prefixed with the path of the first root server URL ("http://localhost:8080/v1" ->
    // "/v1"), or of the path item's own first server. Literal segments win over templated
    // ones. nullopt when no path matches or the matching path has no such method.
    std::optional<Match> match(std::string_view method, std::string_view path) const;

    // The methods of the path item matching `path`, upper case and sorted ({"DELETE", "GET"});
    // empty when no path matches. Empty means 404; otherwise a failed match() means 405.
    std::vector<std::string> allowedMethods(std::string_view path) const;

    // Validates the path and query parameters of a matched request and converts their text to
    // the schema's types. `query` holds percent-decoded name/value pairs in request order.
    // On success returns {"path": {...}, "query": {...}} with the converted values and the
    // schema "default" of every absent query parameter. On failure a Validation error whose
    // fields are named "path.<name>" or "query.<name>" (plus a JSON pointer for array items,
    // "query.tags/1"), coded "required", "unknownParameter" (a query name the operation does
    // not declare), "duplicateParameter" (a repeated non-array query parameter) or the failing
    // schema keyword. Header and cookie parameters are not checked here.
    Result<nlohmann::json> validateParameters(const Match &match,
                                              const std::vector<std::pair<std::string, std::string>> &query) const;

    // `mediaType` is lower case without parameters ("application/json"). False when the
    // operation declares a requestBody whose content has no entry for it (answer 415);
    // content keys "type/*" and "*/*" match as media ranges.
    bool acceptsMediaType(const Match &match, std::string_view mediaType) const;
    bool hasRequestBody(const Match &match) const;
    bool requestBodyRequired(const Match &match) const;
    // Violations of the body against the schema for `mediaType`, as field errors with JSON
    // pointers ("/name"; the body itself is "/"). Empty when the operation has no request body
    // or no schema for the media type.
    std::vector<FieldError> validateBody(const Match &match, std::string_view mediaType,
                                         const nlohmann::json &body) const;

    // The schema of the response for `status` and `mediaType`: the exact status key, else its
    // range ("4XX"), else "default". nullptr when there is none. Points into document().
    const nlohmann::json *responseSchema(const Match &match, int status, std::string_view mediaType) const;

    // Validates any instance against any schema whose "$ref"s point into this document.
    std::vector<SchemaViolation> validate(const nlohmann::json &instance, const nlohmann::json &schema) const;

    const nlohmann::json &document() const { return *m_document; }

private:
    struct Route
    {
        std::string pathTemplate;
        std::vector<std::pair<std::string, const nlohmann::json *>> operations; // sorted by method
    };
    struct Operation
    {
        std::vector<OpenApiParameter> parameters; // path item's merged with the operation's
        const nlohmann::json *requestBody = nullptr;
    };

    void addPathItem(const std::string &path, const nlohmann::json &pathItem, const std::string &rootBasePath);
    // The "parameters" of a path item or operation, resolved and compiled.
    std::vector<OpenApiParameter> compileParameters(const nlohmann::json &owner) const;
    const nlohmann::json *resolve(const nlohmann::json &node) const;
    const Operation *operationOf(const Match &match) const;
    const nlohmann::json *requestContent(const Match &match, std::string_view mediaType) const;

    std::unique_ptr<nlohmann::json> m_document;
    std::unique_ptr<JsonSchemaValidator> m_validator;
    OpenApiPathMatcher m_matcher;
    std::vector<Route> m_routes;
    std::unordered_map<const nlohmann::json *, Operation> m_operations;
};

} // namespace petstore::core
