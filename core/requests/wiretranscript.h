// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/requests/requestresolver.h"

#include <string>
#include <utility>
#include <vector>

namespace petstore::core {

// The HTTP/1.1 text of an exchange rebuilt from what a client sent and received, for the Wire
// tab when the server is not ours to capture. It is a reconstruction, not the bytes: the HTTP
// stack may add headers (Accept-Encoding, Connection) and may have decoded the body.
class WireTranscript
{
public:
    // Request line in origin-form (RFC 9112 §3.2.1), Host first (§3.2), the request's headers,
    // Content-Length when there is a body, a blank line, the body.
    static std::string request(const ResolvedRequest &request);
    // Status line (RFC 9112 §4) and the headers as received, a blank line, the body.
    static std::string response(const std::string &httpVersion, int status, const std::string &reason,
                                const std::vector<std::pair<std::string, std::string>> &headers,
                                const std::string &body);
};

} // namespace petstore::core
