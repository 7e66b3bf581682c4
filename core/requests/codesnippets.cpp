// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/requests/codesnippets.h"

#include <cstdio>

namespace petstore::core {

std::string CodeSnippets::shellQuoted(const std::string &text)
{
    std::string out = "'";
    for (char c : text) {
        if (c == '\'')
            out += "'\\''";
        else
            out += c;
    }
    out += '\'';
    return out;
}

std::string CodeSnippets::quoted(const std::string &text)
{
    std::string out = "\"";
    for (char c : text) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
                char escape[8];
                std::snprintf(escape, sizeof escape, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
                out += escape;
            } else {
                out += c;
            }
        }
    }
    out += '"';
    return out;
}

std::string CodeSnippets::curl(const ResolvedRequest &request)
{
    std::string out = "curl";
    // curl picks GET, or POST when there is a body; -X only when that guess would be wrong.
    const bool impliedMethod = (request.method == "GET" && request.body.empty())
                               || (request.method == "POST" && !request.body.empty());
    if (!impliedMethod)
        out += " -X " + request.method;
    out += " " + shellQuoted(request.url);
    for (const auto &[name, value] : request.headers)
        out += " \\\n  -H " + shellQuoted(name + ": " + value);
    if (!request.body.empty())
        out += " \\\n  --data-raw " + shellQuoted(request.body);
    out += '\n';
    return out;
}

std::string CodeSnippets::fetch(const ResolvedRequest &request)
{
    std::string out = "const response = await fetch(" + quoted(request.url) + ", {\n";
    out += "  method: " + quoted(request.method) + ",\n";
    if (!request.headers.empty()) {
        out += "  headers: {\n";
        for (const auto &[name, value] : request.headers)
            out += "    " + quoted(name) + ": " + quoted(value) + ",\n";
        out += "  },\n";
    }
    if (!request.body.empty())
        out += "  body: " + quoted(request.body) + ",\n";
    out += "});\nconsole.log(response.status, await response.text());\n";
    return out;
}

std::string CodeSnippets::pythonRequests(const ResolvedRequest &request)
{
    std::string out = "import requests\n\nresponse = requests.request(\n";
    out += "    " + quoted(request.method) + ",\n";
    out += "    " + quoted(request.url) + ",\n";
    if (!request.headers.empty()) {
        out += "    headers={\n";
        for (const auto &[name, value] : request.headers)
            out += "        " + quoted(name) + ": " + quoted(value) + ",\n";
        out += "    },\n";
    }
    if (!request.body.empty())
        out += "    data=" + quoted(request.body) + ".encode(\"utf-8\"),\n";
    out += ")\nprint(response.status_code, response.text)\n";
    return out;
}

std::string CodeSnippets::websocat(const std::string &url, const std::vector<std::string> &subprotocols,
                                   const std::vector<std::pair<std::string, std::string>> &headers)
{
    // websocat(1): each line typed is sent as a text message; received messages are printed.
    std::string out = "websocat";
    for (const auto &[name, value] : headers)
        out += " \\\n  -H " + shellQuoted(name + ": " + value);
    if (!subprotocols.empty()) {
        std::string list;
        for (const std::string &p : subprotocols)
            list += (list.empty() ? "" : ", ") + p;
        out += " \\\n  --protocol " + shellQuoted(list);
    }
    out += " \\\n  " + shellQuoted(url);
    return out;
}

std::string CodeSnippets::nodeWebSocket(const std::string &url, const std::vector<std::string> &subprotocols,
                                        const std::vector<std::pair<std::string, std::string>> &headers)
{
    std::string out = "import WebSocket from 'ws';\n\nconst ws = new WebSocket(" + quoted(url) + ", [";
    for (std::size_t i = 0; i < subprotocols.size(); ++i)
        out += (i ? ", " : "") + quoted(subprotocols[i]);
    out += "]";
    if (!headers.empty()) {
        out += ", {\n  headers: {\n";
        for (const auto &[name, value] : headers)
            out += "    " + quoted(name) + ": " + quoted(value) + ",\n";
        out += "  },\n}";
    }
    out += ");\nws.on('open', () => ws.send(JSON.stringify({ type: 'ping' })));\n"
           "ws.on('message', (data) => console.log(data.toString()));\n"
           "ws.on('close', (code, reason) => console.log('closed', code, reason.toString()));\n";
    return out;
}

} // namespace petstore::core
