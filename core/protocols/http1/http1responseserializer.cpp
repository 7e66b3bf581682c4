// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/http1/http1responseserializer.h"

#include "core/http/problemdetails.h"

namespace petstore::core {

std::string Http1ResponseSerializer::serialize(const HttpResponse &response, bool keepAlive,
                                               bool headRequest)
{
    const int status = response.status;
    const bool bodyless = (status >= 100 && status < 200) || status == 204 || status == 304;
    std::string out;
    out.reserve(128 + response.headers.size() * 48 + response.body.size());
    out += "HTTP/1.1 ";
    out += std::to_string(status);
    out += ' ';
    out += ProblemDetails::reasonPhrase(status);
    out += "\r\n";
    for (const auto &[name, value] : response.headers) {
        if (headerNameEquals(name, "Content-Length") || headerNameEquals(name, "Connection"))
            continue;
        out += name;
        out += ": ";
        out += value;
        out += "\r\n";
    }
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
