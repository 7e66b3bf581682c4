// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/jsonschema/openapirequestvalidator.h"

#include "core/jsonschema/jsonpointer.h"

#include <QtCore/QLoggingCategory>

#include <algorithm>
#include <array>
#include <cctype>

namespace petstore::core {

using nlohmann::json;

namespace {

Q_LOGGING_CATEGORY(lcOpenApi, "petstore.core.jsonschema")

// OpenAPI 3.1 §4.8.9 Path Item fixed fields that hold operations, plus "query" (OpenAPI 3.2)
// for the QUERY method (DESIGN §6). Sorted, so allowedMethods() comes out sorted.
constexpr std::array<std::string_view, 9> kMethods = {
    "delete", "get", "head", "options", "patch", "post", "put", "query", "trace",
};
constexpr int kMaxRefHops = 32;

std::string toLower(std::string_view text)
{
    std::string out(text);
    for (char &c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

// The path component of a Server Object's url (OpenAPI 3.1 §4.8.5), with its variables
// replaced by their defaults and without a trailing "/": "http://localhost:8080/v1" -> "/v1",
// "http://localhost:8080" -> "".
std::string serverBasePath(const json &server)
{
    const auto url = server.is_object() ? server.find("url") : server.end();
    if (!server.is_object() || url == server.end() || !url->is_string())
        return {};
    const std::string &text = url->get_ref<const std::string &>();
    const auto variables = server.find("variables");
    std::string expanded;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const std::size_t close = text[i] == '{' ? text.find('}', i) : std::string::npos;
        if (close == std::string::npos) {
            expanded.push_back(text[i]);
            continue;
        }
        const std::string name = text.substr(i + 1, close - i - 1);
        const json *value = variables != server.end() && variables->is_object()
            ? resolveJsonPointer(*variables, "/" + name + "/default") : nullptr;
        expanded.append(value && value->is_string() ? value->get<std::string>() : text.substr(i, close - i + 1));
        i = close;
    }
    // RFC 3986 §3: an absolute URL's path starts at the first "/" after the authority.
    std::size_t start = 0;
    const std::size_t scheme = expanded.find("://");
    if (scheme != std::string::npos) {
        start = expanded.find('/', scheme + 3);
        if (start == std::string::npos)
            return {};
    }
    std::string path = expanded.substr(start, expanded.find_first_of("?#", start) - start);
    while (!path.empty() && path.back() == '/')
        path.pop_back();
    return path;
}

// The Media Type Object for `mediaType` in a Content map. OpenAPI 3.1 §4.8.14: the most
// specific key wins, so "application/json" before "application/*" before "*/*". Keys may
// carry parameters ("application/json; charset=utf-8"), which do not take part.
const json *findContent(const json &content, std::string_view mediaType)
{
    if (!content.is_object())
        return nullptr;
    const std::string_view type = mediaType.substr(0, mediaType.find('/'));
    const json *range = nullptr;
    const json *any = nullptr;
    for (auto it = content.begin(); it != content.end(); ++it) {
        std::string_view key = it.key();
        key = key.substr(0, key.find(';'));
        while (!key.empty() && key.back() == ' ')
            key.remove_suffix(1);
        if (equalsIgnoreCase(key, mediaType))
            return &it.value();
        if (key.size() == type.size() + 2 && equalsIgnoreCase(key.substr(0, type.size()), type)
            && key.substr(type.size()) == "/*")
            range = &it.value();
        else if (key == "*/*")
            any = &it.value();
    }
    return range ? range : any;
}

std::string parameterField(const OpenApiParameter &parameter, const std::string &pointer = {})
{
    const char *prefix = parameter.location() == OpenApiParameter::Location::Path ? "path." : "query.";
    return prefix + parameter.name() + pointer;
}

} // namespace

OpenApiRequestValidator::OpenApiRequestValidator(json document)
    : m_document(std::make_unique<json>(std::move(document)))
    , m_validator(std::make_unique<JsonSchemaValidator>(m_document.get()))
{
    const json &root = *m_document;
    if (!root.is_object())
        return;
    std::string rootBasePath;
    const auto servers = root.find("servers");
    if (servers != root.end() && servers->is_array() && !servers->empty())
        rootBasePath = serverBasePath(servers->front());
    const auto paths = root.find("paths");
    if (paths == root.end() || !paths->is_object())
        return;
    for (auto it = paths->begin(); it != paths->end(); ++it)
        addPathItem(it.key(), it.value(), rootBasePath);
}

void OpenApiRequestValidator::addPathItem(const std::string &path, const json &pathItem,
                                          const std::string &rootBasePath)
{
    const json *item = resolve(pathItem);
    if (!item || !item->is_object()) {
        qCWarning(lcOpenApi, "path item %s is not an object; skipped", path.c_str());
        return;
    }
    const auto servers = item->find("servers");
    Route route;
    route.pathTemplate = (servers != item->end() && servers->is_array() && !servers->empty()
                              ? serverBasePath(servers->front()) : rootBasePath) + path;
    if (!m_matcher.add(route.pathTemplate, m_routes.size())) {
        qCWarning(lcOpenApi, "path template %s is malformed; skipped", route.pathTemplate.c_str());
        return;
    }
    const std::vector<OpenApiParameter> pathLevel = compileParameters(*item);
    for (const std::string_view method : kMethods) {
        const auto operation = item->find(std::string(method));
        if (operation == item->end() || !operation->is_object())
            continue;
        Operation compiled;
        compiled.parameters = pathLevel;
        // OpenAPI 3.1 §4.8.10: an operation parameter overrides the path item's parameter with
        // the same name and location.
        for (OpenApiParameter &parameter : compileParameters(*operation)) {
            const auto same = std::find_if(compiled.parameters.begin(), compiled.parameters.end(),
                                           [&parameter](const OpenApiParameter &other) {
                                               return other.name() == parameter.name()
                                                   && other.location() == parameter.location();
                                           });
            if (same != compiled.parameters.end())
                *same = std::move(parameter);
            else
                compiled.parameters.push_back(std::move(parameter));
        }
        const auto body = operation->find("requestBody");
        if (body != operation->end())
            compiled.requestBody = resolve(*body);
        m_operations.emplace(&*operation, std::move(compiled));
        route.operations.emplace_back(std::string(method), &*operation);
    }
    m_routes.push_back(std::move(route));
}

std::vector<OpenApiParameter> OpenApiRequestValidator::compileParameters(const json &owner) const
{
    std::vector<OpenApiParameter> parameters;
    const auto list = owner.find("parameters");
    if (list == owner.end() || !list->is_array())
        return parameters;
    for (const json &entry : *list) {
        const json *resolved = resolve(entry);
        std::optional<OpenApiParameter> parameter = resolved ? OpenApiParameter::fromJson(*resolved, *m_document)
                                                             : std::nullopt;
        if (parameter)
            parameters.push_back(std::move(*parameter));
        else
            qCWarning(lcOpenApi, "parameter %s is malformed; skipped", entry.dump().c_str());
    }
    return parameters;
}

// Follows "$ref" (OpenAPI 3.1 §4.8.23 Reference Object) until an object without one.
const json *OpenApiRequestValidator::resolve(const json &node) const
{
    const json *current = &node;
    for (int hop = 0; hop < kMaxRefHops; ++hop) {
        const auto ref = current->is_object() ? current->find("$ref") : current->end();
        if (!current->is_object() || ref == current->end() || !ref->is_string())
            return current;
        current = resolveJsonReference(*m_document, ref->get_ref<const std::string &>());
        if (!current)
            return nullptr;
    }
    return nullptr;
}

std::optional<OpenApiRequestValidator::Match> OpenApiRequestValidator::match(std::string_view method,
                                                                            std::string_view path) const
{
    std::optional<OpenApiPathMatcher::Match> found = m_matcher.match(path);
    if (!found)
        return std::nullopt;
    const Route &route = m_routes[found->routeId];
    const std::string lowered = toLower(method);
    for (const auto &[name, operation] : route.operations) {
        if (name != lowered)
            continue;
        Match result;
        result.operation = operation;
        const auto id = operation->find("operationId");
        if (id != operation->end() && id->is_string())
            result.operationId = id->get<std::string>();
        result.method = name;
        result.pathTemplate = route.pathTemplate;
        result.pathParams = std::move(found->params);
        return result;
    }
    return std::nullopt;
}

std::vector<std::string> OpenApiRequestValidator::allowedMethods(std::string_view path) const
{
    std::vector<std::string> methods;
    const std::optional<OpenApiPathMatcher::Match> found = m_matcher.match(path);
    if (!found)
        return methods;
    for (const auto &entry : m_routes[found->routeId].operations) {
        std::string upper = entry.first;
        for (char &c : upper)
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        methods.push_back(std::move(upper));
    }
    return methods;
}

const OpenApiRequestValidator::Operation *OpenApiRequestValidator::operationOf(const Match &match) const
{
    const auto it = m_operations.find(match.operation);
    return it == m_operations.end() ? nullptr : &it->second;
}

Result<json> OpenApiRequestValidator::validateParameters(
    const Match &match, const std::vector<std::pair<std::string, std::string>> &query) const
{
    const Operation *operation = operationOf(match);
    if (!operation)
        return Error::make(ErrorKind::Internal, "the matched operation is not part of this document");
    json out = {{"path", json::object()}, {"query", json::object()}};
    std::vector<FieldError> errors;
    for (const OpenApiParameter &parameter : operation->parameters) {
        const bool inPath = parameter.location() == OpenApiParameter::Location::Path;
        if (!inPath && parameter.location() != OpenApiParameter::Location::Query)
            continue;
        std::vector<std::string_view> values;
        if (inPath) {
            const auto it = match.pathParams.find(parameter.name());
            if (it != match.pathParams.end())
                values.push_back(it->second);
        } else {
            for (const auto &[name, value] : query)
                if (name == parameter.name())
                    values.push_back(value);
        }
        json &section = out[inPath ? "path" : "query"];
        if (values.empty()) {
            if (parameter.required())
                errors.push_back({parameterField(parameter), "is required", "required"});
            else if (parameter.defaultValue())
                section[parameter.name()] = *parameter.defaultValue();
            continue;
        }
        if (values.size() > 1 && !parameter.isArray()) {
            errors.push_back({parameterField(parameter), "must not be repeated", "duplicateParameter"});
            continue;
        }
        json value = parameter.decode(values);
        if (parameter.schema()) {
            for (const SchemaViolation &violation : m_validator->validate(value, *parameter.schema()))
                errors.push_back({parameterField(parameter, violation.instancePointer), violation.message,
                                  violation.keyword});
        }
        section[parameter.name()] = std::move(value);
    }
    // Undeclared query parameters are rejected so that a misspelt filter is not silently ignored.
    std::vector<std::string_view> unknown;
    for (const auto &entry : query) {
        const std::string &name = entry.first;
        const bool declared = std::any_of(operation->parameters.begin(), operation->parameters.end(),
                                          [&name](const OpenApiParameter &parameter) {
                                              return parameter.location() == OpenApiParameter::Location::Query
                                                  && parameter.name() == name;
                                          });
        if (declared || std::find(unknown.begin(), unknown.end(), name) != unknown.end())
            continue;
        unknown.push_back(name);
        errors.push_back({"query." + name, "is not a parameter of this operation", "unknownParameter"});
    }
    if (!errors.empty())
        return Error::make(ErrorKind::Validation, "request parameters are invalid", std::move(errors));
    return out;
}

const json *OpenApiRequestValidator::requestContent(const Match &match, std::string_view mediaType) const
{
    const Operation *operation = operationOf(match);
    if (!operation || !operation->requestBody || !operation->requestBody->is_object())
        return nullptr;
    const auto content = operation->requestBody->find("content");
    return content == operation->requestBody->end() ? nullptr : findContent(*content, mediaType);
}

bool OpenApiRequestValidator::acceptsMediaType(const Match &match, std::string_view mediaType) const
{
    return !hasRequestBody(match) || requestContent(match, mediaType) != nullptr;
}

bool OpenApiRequestValidator::hasRequestBody(const Match &match) const
{
    const Operation *operation = operationOf(match);
    return operation && operation->requestBody;
}

bool OpenApiRequestValidator::requestBodyRequired(const Match &match) const
{
    const Operation *operation = operationOf(match);
    if (!operation || !operation->requestBody || !operation->requestBody->is_object())
        return false;
    // OpenAPI 3.1 §4.8.13: "required" defaults to false.
    const auto required = operation->requestBody->find("required");
    return required != operation->requestBody->end() && required->is_boolean() && required->get<bool>();
}

std::vector<FieldError> OpenApiRequestValidator::validateBody(const Match &match, std::string_view mediaType,
                                                              const json &body) const
{
    const json *content = requestContent(match, mediaType);
    const auto schema = content && content->is_object() ? content->find("schema") : json::const_iterator();
    if (!content || !content->is_object() || schema == content->end())
        return {};
    return toFieldErrors(m_validator->validate(body, *schema));
}

const json *OpenApiRequestValidator::responseSchema(const Match &match, int status, std::string_view mediaType) const
{
    if (!match.operation)
        return nullptr;
    const auto responses = match.operation->find("responses");
    if (responses == match.operation->end() || !responses->is_object())
        return nullptr;
    // OpenAPI 3.1 §4.8.16: an explicit code takes precedence over its range ("4XX"), which
    // takes precedence over "default".
    const std::string range = std::to_string(status / 100) + "XX";
    auto response = responses->find(std::to_string(status));
    if (response == responses->end())
        response = responses->find(range);
    if (response == responses->end())
        response = responses->find(toLower(range));
    if (response == responses->end())
        response = responses->find("default");
    if (response == responses->end())
        return nullptr;
    const json *resolved = resolve(*response);
    if (!resolved || !resolved->is_object())
        return nullptr;
    const auto content = resolved->find("content");
    const json *media = content != resolved->end() ? findContent(*content, mediaType) : nullptr;
    if (!media || !media->is_object())
        return nullptr;
    const auto schema = media->find("schema");
    return schema != media->end() ? &*schema : nullptr;
}

std::vector<SchemaViolation> OpenApiRequestValidator::validate(const json &instance, const json &schema) const
{
    return m_validator->validate(instance, schema);
}

} // namespace petstore::core
