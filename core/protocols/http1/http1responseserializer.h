// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/http/httpmessage.h"

#include <string>

namespace petstore::core {

// Turns an HttpResponse into the exact HTTP/1.1 bytes (RFC 9112 §4, §6): status line with the
// RFC 9110 reason phrase, the response's own fields, then Content-Length (never for 1xx, 204
// and 304, RFC 9110 §8.6) and Connection: close when the connection ends after it.
class Http1ResponseSerializer
{
public:
    static std::string serialize(const HttpResponse &response, bool keepAlive, bool headRequest);
    // The head of a response whose body follows as it is produced: Transfer-Encoding: chunked
    // when `chunked` (RFC 9112 §7.1), otherwise no length at all and the connection closes at
    // the end (RFC 9112 §6.3 item 8).
    static std::string serializeStreamHead(const HttpResponse &response, bool keepAlive, bool chunked);
};

} // namespace petstore::core
