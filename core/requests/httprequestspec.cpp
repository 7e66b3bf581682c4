// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/requests/httprequestspec.h"

#include <array>
#include <utility>

namespace petstore::core {

namespace {

constexpr std::array<std::pair<RequestBodyKind, const char *>, 5> BodyKinds{{
    {RequestBodyKind::None, "none"}, {RequestBodyKind::Json, "json"}, {RequestBodyKind::Form, "form"},
    {RequestBodyKind::Raw, "raw"}, {RequestBodyKind::File, "file"}}};
constexpr std::array<std::pair<RequestAuthKind, const char *>, 4> AuthKinds{{
    {RequestAuthKind::None, "none"}, {RequestAuthKind::Bearer, "bearer"},
    {RequestAuthKind::ApiKey, "apiKey"}, {RequestAuthKind::Basic, "basic"}}};

nlohmann::json rowsToJson(const std::vector<KeyValueRow> &rows)
{
    nlohmann::json out = nlohmann::json::array();
    for (const auto &row : rows)
        out.push_back({{"enabled", row.enabled}, {"name", row.name}, {"value", row.value}});
    return out;
}

// Reads members leniently: a missing member keeps its default, a wrong type is reported.
class Reader
{
public:
    explicit Reader(const nlohmann::json &json) : m_json(json) {}

    void text(const char *name, std::string &out)
    {
        const auto it = m_json.find(name);
        if (it == m_json.end())
            return;
        if (it->is_string())
            out = it->get<std::string>();
        else
            m_errors.push_back({name, "must be a string", "type"});
    }
    void flag(const char *name, bool &out)
    {
        const auto it = m_json.find(name);
        if (it == m_json.end())
            return;
        if (it->is_boolean())
            out = it->get<bool>();
        else
            m_errors.push_back({name, "must be a boolean", "type"});
    }
    void rows(const char *name, std::vector<KeyValueRow> &out)
    {
        const auto it = m_json.find(name);
        if (it == m_json.end())
            return;
        if (!it->is_array()) {
            m_errors.push_back({name, "must be an array", "type"});
            return;
        }
        for (const auto &item : *it) {
            if (!item.is_object()) {
                m_errors.push_back({name, "items must be objects", "type"});
                return;
            }
            KeyValueRow row;
            Reader reader(item);
            reader.flag("enabled", row.enabled);
            reader.text("name", row.name);
            reader.text("value", row.value);
            for (auto error : reader.m_errors) {
                error.field = std::string(name) + "." + error.field;
                m_errors.push_back(std::move(error));
            }
            out.push_back(std::move(row));
        }
    }
    template<typename Kind, std::size_t N>
    void kind(const char *name, const std::array<std::pair<Kind, const char *>, N> &names, Kind &out)
    {
        std::string text;
        this->text(name, text);
        if (text.empty())
            return;
        for (const auto &[value, label] : names) {
            if (text == label) {
                out = value;
                return;
            }
        }
        m_errors.push_back({name, "unknown value \"" + text + "\"", "enum"});
    }
    std::vector<FieldError> m_errors;

private:
    const nlohmann::json &m_json;
};

} // namespace

std::string toString(RequestBodyKind kind)
{
    for (const auto &[value, label] : BodyKinds)
        if (value == kind)
            return label;
    return "none";
}

std::string toString(RequestAuthKind kind)
{
    for (const auto &[value, label] : AuthKinds)
        if (value == kind)
            return label;
    return "none";
}

nlohmann::json HttpRequestSpec::toJson() const
{
    return {
        {"name", name},
        {"method", method},
        {"url", url},
        {"headers", rowsToJson(headers)},
        {"bodyKind", toString(bodyKind)},
        {"body", body},
        {"rawContentType", rawContentType},
        {"form", rowsToJson(form)},
        {"filePath", filePath},
        {"fileContentType", fileContentType},
        {"auth",
         {{"kind", toString(auth.kind)},
          {"token", auth.token},
          {"apiKeyName", auth.apiKeyName},
          {"apiKeyValue", auth.apiKeyValue},
          {"apiKeyInQuery", auth.apiKeyInQuery},
          {"username", auth.username},
          {"password", auth.password}}},
    };
}

Result<HttpRequestSpec> HttpRequestSpec::fromJson(const nlohmann::json &json)
{
    if (!json.is_object())
        return Error::make(ErrorKind::Validation, "a stored request is a JSON object");
    HttpRequestSpec spec;
    Reader reader(json);
    reader.text("name", spec.name);
    reader.text("method", spec.method);
    reader.text("url", spec.url);
    reader.rows("headers", spec.headers);
    reader.kind("bodyKind", BodyKinds, spec.bodyKind);
    reader.text("body", spec.body);
    reader.text("rawContentType", spec.rawContentType);
    reader.rows("form", spec.form);
    reader.text("filePath", spec.filePath);
    reader.text("fileContentType", spec.fileContentType);
    if (const auto auth = json.find("auth"); auth != json.end() && auth->is_object()) {
        Reader authReader(*auth);
        authReader.kind("kind", AuthKinds, spec.auth.kind);
        authReader.text("token", spec.auth.token);
        authReader.text("apiKeyName", spec.auth.apiKeyName);
        authReader.text("apiKeyValue", spec.auth.apiKeyValue);
        authReader.flag("apiKeyInQuery", spec.auth.apiKeyInQuery);
        authReader.text("username", spec.auth.username);
        authReader.text("password", spec.auth.password);
        for (auto error : authReader.m_errors) {
            error.field = "auth." + error.field;
            reader.m_errors.push_back(std::move(error));
        }
    }
    if (!reader.m_errors.empty())
        return Error::make(ErrorKind::Validation, "the stored request has invalid members", reader.m_errors);
    return spec;
}

} // namespace petstore::core
