// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/requests/openapisample.h"

#include "core/jsonschema/jsonpointer.h"

#include <algorithm>

namespace petstore::core {

namespace {

constexpr int MaxDepth = 8;

nlohmann::json stringFor(const nlohmann::json &schema)
{
    const std::string format = schema.value("format", std::string());
    if (format == "date-time")
        return "2026-01-01T12:00:00Z";
    if (format == "date")
        return "2026-01-01";
    if (format == "uuid")
        return "01900000-0000-7000-8000-000000000000";
    if (format == "email")
        return "user@example.com";
    if (format == "uri" || format == "url")
        return "https://example.com";
    if (format == "password")
        return "correct-horse-battery";
    const std::size_t minLength = schema.value("minLength", 0);
    std::string text = "string";
    if (text.size() < minLength)
        text.append(minLength - text.size(), 'x');
    return text;
}

} // namespace

nlohmann::json OpenApiSample::valueFor(const nlohmann::json &schema) const
{
    std::vector<std::string> refs;
    try {
        return valueFor(schema, 0, refs);
    } catch (const nlohmann::json::exception &) {
        // A member of the wrong type (minimum: "x") in a hostile document: no example.
        return nullptr;
    }
}

nlohmann::json OpenApiSample::valueFor(const nlohmann::json &schema, int depth, std::vector<std::string> &refs) const
{
    if (!schema.is_object() || depth > MaxDepth)
        return nullptr;
    if (const auto ref = schema.find("$ref"); ref != schema.end() && ref->is_string()) {
        const std::string target = ref->get<std::string>();
        const nlohmann::json *resolved = resolveJsonReference(m_document, target);
        if (!resolved || std::find(refs.begin(), refs.end(), target) != refs.end())
            return nullptr;
        refs.push_back(target);
        nlohmann::json value = valueFor(*resolved, depth + 1, refs);
        refs.pop_back();
        return value;
    }
    for (const char *member : {"example", "default", "const"}) {
        if (schema.contains(member))
            return schema[member];
    }
    if (const auto examples = schema.find("examples"); examples != schema.end() && examples->is_array() && !examples->empty())
        return examples->front();
    if (const auto values = schema.find("enum"); values != schema.end() && values->is_array() && !values->empty())
        return values->front();
    for (const char *choice : {"oneOf", "anyOf"}) {
        if (const auto options = schema.find(choice); options != schema.end() && options->is_array() && !options->empty())
            return valueFor(options->front(), depth + 1, refs);
    }
    if (const auto parts = schema.find("allOf"); parts != schema.end() && parts->is_array()) {
        nlohmann::json merged = nlohmann::json::object();
        for (const auto &part : *parts) {
            const nlohmann::json value = valueFor(part, depth + 1, refs);
            if (value.is_object())
                merged.update(value);
        }
        return merged;
    }
    std::string type;
    if (const auto it = schema.find("type"); it != schema.end()) {
        if (it->is_string())
            type = it->get<std::string>();
        else if (it->is_array())   // OpenAPI 3.1: ["string", "null"] — the first non-null type
            for (const auto &t : *it)
                if (t.is_string() && t != "null") {
                    type = t.get<std::string>();
                    break;
                }
    }
    if (type.empty())
        type = schema.contains("properties") ? "object" : schema.contains("items") ? "array" : "";
    if (type == "object")
        return objectFor(schema, depth, refs);
    if (type == "array") {
        nlohmann::json item = valueFor(schema.value("items", nlohmann::json::object()), depth + 1, refs);
        return item.is_null() ? nlohmann::json::array() : nlohmann::json::array({item});
    }
    if (type == "string")
        return stringFor(schema);
    if (type == "integer")
        return schema.value("minimum", 1);
    if (type == "number")
        return schema.value("minimum", 1.5);
    if (type == "boolean")
        return true;
    return nullptr;
}

nlohmann::json OpenApiSample::objectFor(const nlohmann::json &schema, int depth, std::vector<std::string> &refs) const
{
    nlohmann::json object = nlohmann::json::object();
    const auto properties = schema.find("properties");
    if (properties == schema.end() || !properties->is_object())
        return object;
    for (const auto &[name, property] : properties->items()) {
        // A request body never carries what the server writes (OpenAPI 3.1 §4.8.24 readOnly).
        if (property.is_object() && property.value("readOnly", false))
            continue;
        nlohmann::json value = valueFor(property, depth + 1, refs);
        if (!value.is_null())
            object[name] = std::move(value);
    }
    return object;
}

} // namespace petstore::core
