// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/requests/requestresolver.h"

#include "core/http/percentencoding.h"
#include "core/requests/urlquery.h"
#include "core/requests/variabletemplate.h"

#include <nlohmann/json.hpp>

#include <QByteArray>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

namespace petstore::core {

namespace {

bool startsWithIgnoringCase(const std::string &text, std::string_view prefix)
{
    return text.size() >= prefix.size()
           && std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
                  return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
              });
}

bool hasHeader(const ResolvedRequest &request, std::string_view name)
{
    return std::any_of(request.headers.begin(), request.headers.end(), [name](const auto &header) {
        return header.first.size() == name.size() && startsWithIgnoringCase(header.first, name);
    });
}

std::string formBody(const std::vector<KeyValueRow> &rows, const std::map<std::string, std::string> &variables)
{
    std::string body;
    for (const auto &row : rows) {
        if (!row.enabled || row.name.empty())
            continue;
        if (!body.empty())
            body += '&';
        PercentEncoding::appendEncoded(body, VariableTemplate::expand(row.name, variables));
        body += '=';
        PercentEncoding::appendEncoded(body, VariableTemplate::expand(row.value, variables));
    }
    return body;
}

} // namespace

Result<ResolvedRequest> RequestResolver::resolve(const HttpRequestSpec &spec,
                                                 const std::map<std::string, std::string> &variables)
{
    const auto expand = [&variables](const std::string &text) { return VariableTemplate::expand(text, variables); };
    ResolvedRequest request;
    request.method = spec.method.empty() ? std::string("GET") : spec.method;
    request.url = expand(spec.url);
    if (!startsWithIgnoringCase(request.url, "http://") && !startsWithIgnoringCase(request.url, "https://")) {
        const auto missing = VariableTemplate::unresolved(spec.url, variables);
        return Error::make(ErrorKind::Validation,
                           missing.empty() ? "the URL must start with http:// or https:// (got \"" + request.url + "\")"
                                           : "the URL uses {{" + missing.front() + "}}, which the current environment does not define");
    }
    for (const auto &row : spec.headers) {
        if (row.enabled && !row.name.empty())
            request.headers.emplace_back(expand(row.name), expand(row.value));
    }

    const RequestAuth &auth = spec.auth;
    if (auth.kind == RequestAuthKind::Bearer && !hasHeader(request, "Authorization")) {
        // RFC 6750 §2.1: "Bearer" needs a token; an empty {{token}} sends no credentials at all.
        if (const std::string token = expand(auth.token); !token.empty())
            request.headers.emplace_back("Authorization", "Bearer " + token);
    } else if (auth.kind == RequestAuthKind::Basic && !hasHeader(request, "Authorization")) {
        // RFC 7617 §2: base64 of user-id ":" password, UTF-8.
        const std::string pair = expand(auth.username) + ":" + expand(auth.password);
        request.headers.emplace_back("Authorization",
                                     "Basic " + QByteArray::fromStdString(pair).toBase64().toStdString());
    } else if (auth.kind == RequestAuthKind::ApiKey) {
        const std::string name = expand(auth.apiKeyName);
        if (auth.apiKeyInQuery) {
            auto rows = UrlQuery::rows(request.url);
            rows.push_back({true, name, expand(auth.apiKeyValue)});
            request.url = UrlQuery::withRows(request.url, rows);
        } else if (!hasHeader(request, name)) {
            request.headers.emplace_back(name, expand(auth.apiKeyValue));
        }
    }

    std::string contentType;
    switch (spec.bodyKind) {
    case RequestBodyKind::None:
        break;
    case RequestBodyKind::Json: {
        request.body = expand(spec.body);
        if (request.body.find_first_not_of(" \t\r\n") != std::string::npos) {
            try {
                [[maybe_unused]] const auto parsed = nlohmann::json::parse(request.body);
            } catch (const nlohmann::json::parse_error &error) {
                return Error::make(ErrorKind::Validation, std::string("body is not valid JSON: ") + error.what());
            }
        }
        contentType = "application/json";
        break;
    }
    case RequestBodyKind::Form:
        request.body = formBody(spec.form, variables);
        contentType = "application/x-www-form-urlencoded";
        break;
    case RequestBodyKind::Raw:
        request.body = expand(spec.body);
        contentType = spec.rawContentType;
        break;
    case RequestBodyKind::File: {
        const std::string path = expand(spec.filePath);
        std::ifstream file(path, std::ios::binary);
        if (path.empty() || !file)
            return Error::make(ErrorKind::Validation, "cannot read the body file \"" + path + "\"");
        std::ostringstream bytes;
        bytes << file.rdbuf();
        request.body = bytes.str();
        contentType = spec.fileContentType;
        break;
    }
    }
    if (!contentType.empty() && !hasHeader(request, "Content-Type"))
        request.headers.emplace_back("Content-Type", contentType);
    return request;
}

} // namespace petstore::core
