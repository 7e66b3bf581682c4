// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/requests/openapicollection.h"

#include "core/jsonschema/jsonpointer.h"
#include "core/requests/openapisample.h"
#include "core/requests/urlquery.h"
#include "core/requests/yamldocument.h"

#include <algorithm>
#include <cctype>

namespace petstore::core {

namespace {

// OpenAPI 3.1 §4.8.9 Path Item fixed fields that are operations ("query" is the draft method
// DESIGN §6 also routes).
constexpr const char *Methods[] = {"get", "put", "post", "delete", "options", "head", "patch", "trace", "query"};

const nlohmann::json &deref(const nlohmann::json &document, const nlohmann::json &node)
{
    // One level of same-document $ref for parameters, request bodies and examples.
    if (node.is_object()) {
        if (const auto ref = node.find("$ref"); ref != node.end() && ref->is_string()) {
            if (const nlohmann::json *target = resolveJsonReference(document, ref->get<std::string>()))
                return *target;
        }
    }
    return node;
}

std::string text(const nlohmann::json &node, const char *member)
{
    const auto it = node.find(member);
    return it != node.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string scalarText(const nlohmann::json &value)
{
    return value.is_string() ? value.get<std::string>() : value.dump();
}

// A parameter's example as text, or empty when the document offers none.
std::string parameterExample(const nlohmann::json &document, const nlohmann::json &parameter)
{
    if (parameter.contains("example"))
        return scalarText(parameter["example"]);
    if (const auto examples = parameter.find("examples"); examples != parameter.end() && examples->is_object()) {
        for (const auto &[name, example] : examples->items()) {
            const nlohmann::json &resolved = deref(document, example);
            if (resolved.is_object() && resolved.contains("value"))
                return scalarText(resolved["value"]);
        }
    }
    const nlohmann::json schema = deref(document, parameter.value("schema", nlohmann::json::object()));
    for (const char *member : {"example", "default"}) {
        if (schema.is_object() && schema.contains(member))
            return scalarText(schema[member]);
    }
    if (schema.is_object() && schema.contains("enum") && schema["enum"].is_array() && !schema["enum"].empty())
        return scalarText(schema["enum"].front());
    return {};
}

void applySecurity(const nlohmann::json &document, const nlohmann::json &operation, RequestAuth &auth)
{
    const nlohmann::json &requirements = operation.contains("security") ? operation["security"]
                                                                        : document.value("security", nlohmann::json::array());
    if (!requirements.is_array())
        return;
    const nlohmann::json *schemes = resolveJsonPointer(document, "/components/securitySchemes");
    // An empty requirement ({}) makes credentials optional (OpenAPI 3.1 §4.8.30): send none.
    for (const auto &requirement : requirements) {
        if (requirement.is_object() && requirement.empty())
            return;
    }
    for (const auto &requirement : requirements) {
        if (!requirement.is_object() || !schemes)
            continue;
        for (const auto &[name, scopes] : requirement.items()) {
            const auto scheme = schemes->find(name);
            if (scheme == schemes->end() || !scheme->is_object())
                continue;
            const std::string type = text(*scheme, "type");
            if (type == "http" && text(*scheme, "scheme") == "bearer") {
                auth.kind = RequestAuthKind::Bearer;
                auth.token = "{{token}}";
                return;
            }
            if (type == "apiKey" && text(*scheme, "in") != "cookie") {
                auth.kind = RequestAuthKind::ApiKey;
                auth.apiKeyName = text(*scheme, "name");
                auth.apiKeyValue = "{{apiKey}}";
                auth.apiKeyInQuery = text(*scheme, "in") == "query";
                return;
            }
        }
    }
}

void applyBody(const nlohmann::json &document, const nlohmann::json &operation, HttpRequestSpec &spec)
{
    const nlohmann::json body = deref(document, operation.value("requestBody", nlohmann::json()));
    if (!body.is_object() || !body.contains("content") || !body["content"].is_object())
        return;
    const nlohmann::json &content = body["content"];
    const auto media = content.find("application/json");
    if (media == content.end() || !media->is_object())
        return;
    nlohmann::json example;
    if (media->contains("example")) {
        example = (*media)["example"];
    } else if (const auto examples = media->find("examples"); examples != media->end() && examples->is_object() && !examples->empty()) {
        example = deref(document, examples->begin().value()).value("value", nlohmann::json());
    } else {
        example = OpenApiSample(document).valueFor(media->value("schema", nlohmann::json::object()));
    }
    spec.bodyKind = RequestBodyKind::Json;
    spec.body = example.is_null() ? std::string("{}") : example.dump(2);
}

// Path templates the document never declared as parameters become variables: "/a/{id}" ->
// "/a/{{id}}", so the request still reads as one to fill in.
std::string withVariablesForTemplates(const std::string &path)
{
    std::string out;
    for (std::size_t i = 0; i < path.size(); ++i) {
        const bool opens = path[i] == '{' && (i + 1 >= path.size() || path[i + 1] != '{') && (i == 0 || path[i - 1] != '{');
        const auto close = opens ? path.find('}', i) : std::string::npos;
        if (close == std::string::npos) {
            out += path[i];
            continue;
        }
        out += "{{" + path.substr(i + 1, close - i - 1) + "}}";
        i = close;
    }
    return out;
}

HttpRequestSpec requestFor(const nlohmann::json &document, const std::string &path, const std::string &method,
                           const nlohmann::json &pathItem, const nlohmann::json &operation)
{
    HttpRequestSpec spec;
    spec.method = method;
    std::transform(spec.method.begin(), spec.method.end(), spec.method.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    spec.name = text(operation, "summary");
    if (spec.name.empty())
        spec.name = text(operation, "operationId");
    if (spec.name.empty())
        spec.name = spec.method + " " + path;

    std::string resolvedPath = path;
    std::vector<KeyValueRow> query;
    for (const auto *list : {&pathItem, &operation}) {
        const auto parameters = list->find("parameters");
        if (parameters == list->end() || !parameters->is_array())
            continue;
        for (const auto &item : *parameters) {
            const nlohmann::json &parameter = deref(document, item);
            const std::string name = text(parameter, "name");
            const std::string in = text(parameter, "in");
            const std::string example = parameterExample(document, parameter);
            const bool required = parameter.value("required", false) == true;
            if (name.empty())
                continue;
            if (in == "path") {
                const std::string placeholder = "{" + name + "}";
                const std::string value = example.empty() ? "{{" + name + "}}" : example;
                for (auto at = resolvedPath.find(placeholder); at != std::string::npos; at = resolvedPath.find(placeholder))
                    resolvedPath.replace(at, placeholder.size(), value);
            } else if (in == "query" && required) {
                // Optional parameters stay out: examples of alternatives (page and cursor) may
                // exclude each other, and a request should work as imported.
                query.push_back({true, name, example});
            } else if (in == "header" && required) {
                spec.headers.push_back({true, name, example});
            }
        }
    }
    spec.url = UrlQuery::withRows("{{baseUrl}}" + withVariablesForTemplates(resolvedPath), query);
    applySecurity(document, operation, spec.auth);
    applyBody(document, operation, spec);
    return spec;
}

} // namespace

std::size_t Collection::requestCount() const
{
    std::size_t count = 0;
    for (const auto &folder : folders)
        count += folder.requests.size();
    return count;
}

Result<Collection> OpenApiCollection::fromText(std::string_view text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos && (text[first] == '{' || text[first] == '[')) {
        const auto json = nlohmann::json::parse(text, nullptr, false);
        if (json.is_discarded())
            return Error::make(ErrorKind::BadRequest, "Not valid JSON");
        return fromJson(json);
    }
    const auto json = YamlDocument::toJson(text);
    if (!json.ok())
        return json.error();
    return fromJson(*json);
}

Result<Collection> OpenApiCollection::fromJson(const nlohmann::json &document)
{
    try {
        return collect(document);
    } catch (const nlohmann::json::exception &error) {
        // A member of the wrong type somewhere deep in a hand-written document.
        return Error::make(ErrorKind::Validation, std::string("Malformed OpenAPI document: ") + error.what());
    }
}

Result<Collection> OpenApiCollection::collect(const nlohmann::json &document)
{
    if (!document.is_object() || !document.contains("openapi") || !document["openapi"].is_string()
        || document["openapi"].get<std::string>().rfind("3.", 0) != 0)
        return Error::make(ErrorKind::Validation, "Not an OpenAPI 3 document: the \"openapi\" member must be \"3.x\"");
    const auto paths = document.find("paths");
    if (paths == document.end() || !paths->is_object())
        return Error::make(ErrorKind::Validation, "The OpenAPI document has no \"paths\" object");

    Collection collection;
    const nlohmann::json info = document.value("info", nlohmann::json::object());
    collection.name = info.is_object() ? text(info, "title") : std::string();
    if (collection.name.empty())
        collection.name = "OpenAPI collection";
    for (const auto &[path, item] : paths->items()) {
        const nlohmann::json &pathItem = deref(document, item);
        if (!pathItem.is_object())
            continue;
        for (const char *method : Methods) {
            const auto operation = pathItem.find(method);
            if (operation == pathItem.end() || !operation->is_object())
                continue;
            std::string tag = "default";
            if (const auto tags = operation->find("tags"); tags != operation->end() && tags->is_array()
                                                         && !tags->empty() && tags->front().is_string())
                tag = tags->front().get<std::string>();
            auto folder = std::find_if(collection.folders.begin(), collection.folders.end(),
                                       [&tag](const CollectionFolder &f) { return f.name == tag; });
            if (folder == collection.folders.end()) {
                collection.folders.push_back({tag, {}});
                folder = collection.folders.end() - 1;
            }
            folder->requests.push_back(requestFor(document, path, method, pathItem, *operation));
        }
    }
    if (collection.requestCount() == 0)
        return Error::make(ErrorKind::Validation, "The OpenAPI document has no operations");
    return collection;
}

} // namespace petstore::core
