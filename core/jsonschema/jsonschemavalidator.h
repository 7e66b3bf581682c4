// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/jsonschema/jsonschemapatterncache.h"
#include "core/result.h"

#include <nlohmann/json.hpp>

#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace petstore::core {

// One place where an instance breaks its schema.
struct SchemaViolation
{
    std::string instancePointer; // RFC 6901: "" is the root, "/name", "/photos/0"
    std::string keyword;         // the failing keyword: "type", "required", "minLength", ...
    std::string message;         // human readable, e.g. "must have at least 1 character"
};

// Validates JSON instances against JSON Schema 2020-12 schemas, the dialect of OpenAPI 3.1,
// restricted to the assertions our specs use: type, enum, const, the numeric, string, array
// and object assertions (with prefixItems and patternProperties, which change what items and
// additionalProperties cover), format (date-time, date, email, uuid, uri), allOf, anyOf,
// oneOf, not and same-document "$ref". Other keywords are annotations and are ignored.
//
// Every violation is reported, except that a failed anyOf/oneOf is one violation at its
// instance location. Nothing is copied: the schema and instance are walked in place and
// "$ref" targets are pointers into the root document, cached after the first lookup.
// validate() is const and thread-safe.
class JsonSchemaValidator
{
public:
    // A "$ref" may nest this deep before the validator reports a violation instead of
    // following it; a cyclic reference that consumes no instance stops here.
    static constexpr int kMaxRefDepth = 64;

    // `rootDocument` is what "$ref": "#/..." points into (for OpenAPI the whole document,
    // "#/components/schemas/Pet"). It is not owned and must outlive the validator. With
    // nullptr every "$ref" is a violation.
    explicit JsonSchemaValidator(const nlohmann::json *rootDocument);
    ~JsonSchemaValidator();
    JsonSchemaValidator(const JsonSchemaValidator &) = delete;
    JsonSchemaValidator &operator=(const JsonSchemaValidator &) = delete;

    // All violations of `instance` against `schema`, in schema keyword order (alphabetical,
    // depth first); empty when the instance is valid. `schema` need not be part of the root
    // document, but its "$ref"s resolve against the root document.
    std::vector<SchemaViolation> validate(const nlohmann::json &instance, const nlohmann::json &schema) const;

private:
    friend class JsonSchemaWalker;

    // The target of a "$ref" value, or nullptr when it names nothing.
    const nlohmann::json *resolveReference(const std::string &reference) const;

    const nlohmann::json *m_root;
    JsonSchemaPatternCache m_patterns;
    mutable std::mutex m_referenceMutex;
    mutable std::unordered_map<std::string, const nlohmann::json *> m_references;
};

// Maps violations to API field errors: field is the instance pointer ("" becomes "/"),
// code is the keyword.
std::vector<FieldError> toFieldErrors(const std::vector<SchemaViolation> &violations);

} // namespace petstore::core
