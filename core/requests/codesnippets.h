// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/requests/requestresolver.h"

#include <string>
#include <utility>
#include <vector>

namespace petstore::core {

// The same request as a command or a few lines of code, for the panels' Code tab. Strings are
// quoted for their language so any header or body survives a copy and paste.
class CodeSnippets
{
public:
    static std::string curl(const ResolvedRequest &request);             // POSIX shell
    static std::string fetch(const ResolvedRequest &request);            // JavaScript (ES2017+)
    static std::string pythonRequests(const ResolvedRequest &request);   // Python 3, requests

    // A WebSocket session: `url` is ws:// or wss://; headers go on the upgrade request.
    static std::string websocat(const std::string &url, const std::vector<std::string> &subprotocols,
                                const std::vector<std::pair<std::string, std::string>> &headers);
    // Node.js with the `ws` package (browsers' WebSocket takes no headers).
    static std::string nodeWebSocket(const std::string &url, const std::vector<std::string> &subprotocols,
                                     const std::vector<std::pair<std::string, std::string>> &headers);

    // POSIX sh single quoting: 'it'\''s'.
    static std::string shellQuoted(const std::string &text);
    // A double-quoted literal valid in both JavaScript and Python: \", \\, \n, \r, \t and other
    // control characters as \u00XX; non-ASCII UTF-8 passes through.
    static std::string quoted(const std::string &text);
};

} // namespace petstore::core
