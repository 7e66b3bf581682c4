// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/httpmessage.h"

#include <algorithm>
#include <cctype>

namespace petstore::core {

bool headerNameEquals(std::string_view a, std::string_view b)
{
    return a.size() == b.size()
        && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x))
                   == std::tolower(static_cast<unsigned char>(y));
           });
}

std::string joinFieldValues(const std::vector<std::string> &items)
{
    std::string out;
    for (const auto &item : items) {
        if (!out.empty())
            out += ", ";
        out += item;
    }
    return out;
}

std::string HttpResponse::header(std::string_view name) const
{
    for (const auto &[key, value] : headers)
        if (headerNameEquals(key, name))
            return value;
    return {};
}

void HttpResponse::setHeader(std::string_view name, std::string value)
{
    headers.erase(std::remove_if(headers.begin(), headers.end(),
                                 [name](const auto &h) { return headerNameEquals(h.first, name); }),
                  headers.end());
    headers.emplace_back(std::string(name), std::move(value));
}

bool HttpResponse::hasHeader(std::string_view name) const
{
    return std::any_of(headers.begin(), headers.end(),
                       [name](const auto &h) { return headerNameEquals(h.first, name); });
}

} // namespace petstore::core
