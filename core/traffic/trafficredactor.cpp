// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/traffic/trafficredactor.h"

#include "core/http/httpmessage.h"

#include <algorithm>
#include <array>

namespace petstore::core {

namespace {

constexpr std::array<std::string_view, 5> SecretHeaders = {
    "Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "X-API-Key"};
constexpr std::array<std::string_view, 2> SecretQueryParameters = {"access_token", "token"};
constexpr std::array<std::string_view, 7> SecretMembers = {
    "password", "number", "cvc", "accessToken", "refreshToken", "secret", "token"};

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

} // namespace

std::string TrafficRedactor::redactJsonText(std::string_view text)
{
    // Most bodies hold no secret member at all: a quick search spares the scan below.
    const bool anySecret = std::any_of(SecretMembers.begin(), SecretMembers.end(), [text](std::string_view name) {
        for (std::size_t at = text.find(name); at != std::string_view::npos; at = text.find(name, at + 1))
            if (at > 0 && text[at - 1] == '"' && at + name.size() < text.size() && text[at + name.size()] == '"')
                return true;
        return false;
    });
    if (!anySecret)
        return std::string(text);
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] != '"') {
            out += text[i++];
            continue;
        }
        // A quoted token: copy it, then check whether it is a secret member's name.
        std::size_t end = i + 1;
        while (end < text.size() && text[end] != '"')
            end += text[end] == '\\' ? 2 : 1;
        end = std::min(end + 1, text.size());
        const std::string_view token = text.substr(i, end - i);
        out.append(token);
        i = end;
        bool secret = false;
        for (std::string_view name : SecretMembers)
            secret = secret || (token.size() == name.size() + 2 && token.substr(1, name.size()) == name);
        if (!secret)
            continue;
        std::size_t j = i;
        while (j < text.size() && isSpace(text[j]))
            ++j;
        if (j >= text.size() || text[j] != ':')
            continue;
        ++j;
        while (j < text.size() && isSpace(text[j]))
            ++j;
        if (j >= text.size() || text[j] != '"')
            continue;
        std::size_t valueEnd = j + 1;
        while (valueEnd < text.size() && text[valueEnd] != '"')
            valueEnd += text[valueEnd] == '\\' ? 2 : 1;
        out.append(text.substr(i, j - i));
        out += '"';
        out.append(Mask);
        out += '"';
        i = std::min(valueEnd + 1, text.size());
    }
    return out;
}

std::string TrafficRedactor::redactTarget(std::string_view target)
{
    const std::size_t question = target.find('?');
    if (question == std::string_view::npos)
        return std::string(target);
    std::string out(target.substr(0, question + 1));
    const std::string_view query = target.substr(question + 1);
    for (std::size_t start = 0; start <= query.size();) {
        const std::size_t amp = std::min(query.find('&', start), query.size());
        const std::string_view pair = query.substr(start, amp - start);
        const std::size_t eq = pair.find('=');
        const std::string_view name = pair.substr(0, eq);
        const bool secret = eq != std::string_view::npos
                            && std::find(SecretQueryParameters.begin(), SecretQueryParameters.end(), name)
                                   != SecretQueryParameters.end();
        if (secret) {
            out.append(name);
            out += '=';
            out.append(Mask);
        } else {
            out.append(pair);
        }
        if (amp < query.size())
            out += '&';
        start = amp + 1;
    }
    return out;
}

std::string TrafficRedactor::redactHttpMessage(std::string_view message)
{
    const std::size_t headEnd = message.find("\r\n\r\n");
    const std::string_view head = message.substr(0, headEnd);
    std::string out;
    out.reserve(message.size());
    for (std::size_t start = 0; start < head.size();) {
        const std::size_t nl = std::min(head.find("\r\n", start), head.size());
        const std::string_view line = head.substr(start, nl - start);
        const std::size_t colon = line.find(':');
        bool secret = false;
        for (std::string_view name : SecretHeaders)
            secret = secret || (colon != std::string_view::npos && headerNameEquals(line.substr(0, colon), name));
        if (start == 0 && line.find(" HTTP/") != std::string_view::npos) {
            // The request line: "METHOD target HTTP/1.1".
            const std::size_t sp = line.find(' ');
            const std::size_t versionAt = line.rfind(' ');
            out.append(line.substr(0, sp + 1));
            out += redactTarget(line.substr(sp + 1, versionAt - sp - 1));
            out.append(line.substr(versionAt));
        } else if (secret) {
            out.append(line.substr(0, colon));
            out += ": ";
            out.append(Mask);
        } else {
            out.append(line);
        }
        if (nl < head.size())
            out += "\r\n";
        start = nl + 2;
    }
    if (headEnd != std::string_view::npos) {
        out += "\r\n\r\n";
        out += redactJsonText(message.substr(headEnd + 4));
    }
    return out;
}

} // namespace petstore::core
