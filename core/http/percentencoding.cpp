// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/percentencoding.h"

#include <algorithm>

namespace petstore::core {

int PercentEncoding::hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

namespace {

// Decodes escapes; a malformed one is kept as text when `lenient`, else decoding fails.
std::optional<std::string> decodeEscapes(std::string_view text, bool plusIsSpace, bool lenient)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '+' && plusIsSpace) {
            out.push_back(' ');
            continue;
        }
        if (c != '%') {
            out.push_back(c);
            continue;
        }
        const int high = i + 2 < text.size() ? PercentEncoding::hexDigit(text[i + 1]) : -1;
        const int low = i + 2 < text.size() ? PercentEncoding::hexDigit(text[i + 2]) : -1;
        if (high < 0 || low < 0) {
            if (!lenient)
                return std::nullopt;
            out.push_back(c);
            continue;
        }
        out.push_back(static_cast<char>(high * 16 + low));
        i += 2;
    }
    return out;
}

} // namespace

std::optional<std::string> PercentEncoding::decode(std::string_view text)
{
    return decodeEscapes(text, false, false);
}

void PercentEncoding::appendEncoded(std::string &out, std::string_view text)
{
    static constexpr char Hex[] = "0123456789ABCDEF";
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
            || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
        if (unreserved) {
            out += c;
        } else {
            out += '%';
            out += Hex[u >> 4];
            out += Hex[u & 0x0F];
        }
    }
}

std::vector<std::pair<std::string, std::string>> PercentEncoding::parseQuery(std::string_view query)
{
    std::vector<std::pair<std::string, std::string>> pairs;
    for (std::size_t start = 0; start < query.size();) {
        const std::size_t amp = std::min(query.find('&', start), query.size());
        const std::string_view item = query.substr(start, amp - start);
        start = amp + 1;
        if (item.empty())
            continue;
        const std::size_t eq = item.find('=');
        pairs.emplace_back(*decodeEscapes(item.substr(0, eq), true, true),
                           eq == std::string_view::npos ? std::string()
                                                        : *decodeEscapes(item.substr(eq + 1), true, true));
    }
    return pairs;
}

} // namespace petstore::core
