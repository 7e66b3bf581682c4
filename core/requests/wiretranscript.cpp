// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/requests/wiretranscript.h"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace petstore::core {

namespace {

bool equalsIgnoringCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size()
           && std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
                  return std::tolower(x) == std::tolower(y);
              });
}

struct Target
{
    std::string authority;
    std::string originForm;
};

// Splits "scheme://authority/path?query#fragment" (RFC 3986 §3); the fragment is never sent.
Target splitUrl(std::string_view url)
{
    Target target;
    const auto scheme = url.find("://");
    std::string_view rest = scheme == std::string_view::npos ? url : url.substr(scheme + 3);
    const auto pathStart = rest.find_first_of("/?#");
    target.authority = std::string(rest.substr(0, pathStart));
    std::string_view path = pathStart == std::string_view::npos ? std::string_view() : rest.substr(pathStart);
    path = path.substr(0, path.find('#'));
    target.originForm = path.empty() || path.front() != '/' ? "/" + std::string(path) : std::string(path);
    return target;
}

} // namespace

std::string WireTranscript::request(const ResolvedRequest &request)
{
    const Target target = splitUrl(request.url);
    std::string out = request.method + " " + target.originForm + " HTTP/1.1\r\n";
    out += "Host: " + target.authority + "\r\n";
    bool hasLength = false;
    for (const auto &[name, value] : request.headers) {
        if (equalsIgnoringCase(name, "Host"))
            continue;
        hasLength = hasLength || equalsIgnoringCase(name, "Content-Length");
        out += name + ": " + value + "\r\n";
    }
    if (!request.body.empty() && !hasLength)
        out += "Content-Length: " + std::to_string(request.body.size()) + "\r\n";
    out += "\r\n";
    out += request.body;
    return out;
}

std::string WireTranscript::response(const std::string &httpVersion, int status, const std::string &reason,
                                     const std::vector<std::pair<std::string, std::string>> &headers,
                                     const std::string &body)
{
    std::string out = "HTTP/" + (httpVersion.empty() ? std::string("1.1") : httpVersion) + " "
                      + std::to_string(status) + " " + reason + "\r\n";
    for (const auto &[name, value] : headers)
        out += name + ": " + value + "\r\n";
    out += "\r\n";
    out += body;
    return out;
}

} // namespace petstore::core
