// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/http1/http1responseserializer.h"

#include "core/http/problemdetails.h"

namespace petstore::core {

namespace {

void appendStatusAndFields(std::string &out, const HttpResponse &response)
{
    out += "HTTP/1.1 ";
    out += std::to_string(response.status);
    out += ' ';
    out += ProblemDetails::reasonPhrase(response.status);
    out += "\r\n";
    for (const auto &[name, value] : response.headers) {
        if (headerNameEquals(name, "Content-Length") || headerNameEquals(name, "Connection")
            || headerNameEquals(name, "Transfer-Encoding"))
            continue;
        out += name;
        out += ": ";
        out += value;
        out += "\r\n";
    }
}

} // namespace

std::string Http1ResponseSerializer::serializeStreamHead(const HttpResponse &response, bool keepAlive, bool chunked)
{
    std::string out;
    out.reserve(128 + response.headers.size() * 48);
    appendStatusAndFields(out, response);
    if (chunked)
        out += "Transfer-Encoding: chunked\r\n";
    if (!keepAlive || !chunked)
        out += "Connection: close\r\n";
    out += "\r\n";
    return out;
}

std::string Http1ResponseSerializer::serialize(const HttpResponse &response, bool keepAlive,
                                               bool headRequest)
{
    const int status = response.status;
    const bool bodyless = (status >= 100 && status < 200) || status == 204 || status == 304;
    std::string out;
    out.reserve(128 + response.headers.size() * 48 + response.body.size());
    appendStatusAndFields(out, response);
    if (!bodyless) {
        out += "Content-Length: ";
        out += std::to_string(response.body.size());
        out += "\r\n";
    }
    if (!keepAlive)
        out += "Connection: close\r\n";
    out += "\r\n";
    // RFC 9110 §9.3.2: HEAD gets the fields of GET without content.
    if (!bodyless && !headRequest)
        out += response.body;
    return out;
}

} // namespace petstore::core
