// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/http1/http1request.h"

#include "core/http/httpmessage.h"

#include <algorithm>
#include <cctype>

namespace petstore::core {

namespace {

std::string lower(std::string_view s)
{
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return out;
}

// True when the comma-separated list `value` holds `token` (case-insensitive), RFC 9110 §5.6.1.
bool listContains(std::string_view value, std::string_view token)
{
    std::size_t start = 0;
    while (start <= value.size()) {
        const std::size_t comma = std::min(value.find(',', start), value.size());
        std::string_view item = value.substr(start, comma - start);
        while (!item.empty() && (item.front() == ' ' || item.front() == '\t'))
            item.remove_prefix(1);
        while (!item.empty() && (item.back() == ' ' || item.back() == '\t'))
            item.remove_suffix(1);
        if (headerNameEquals(item, token))
            return true;
        start = comma + 1;
    }
    return false;
}

} // namespace

std::string Http1Request::header(std::string_view name) const
{
    for (const auto &[key, value] : headers)
        if (headerNameEquals(key, name))
            return value;
    return {};
}

bool Http1Request::hasHeader(std::string_view name) const
{
    return std::any_of(headers.begin(), headers.end(),
                       [name](const auto &h) { return headerNameEquals(h.first, name); });
}

std::string Http1Request::path() const
{
    return target.substr(0, target.find('?'));
}

std::string Http1Request::query() const
{
    const std::size_t q = target.find('?');
    return q == std::string::npos ? std::string() : target.substr(q + 1);
}

bool Http1Request::keepAlive() const
{
    const std::string connection = header("Connection");
    if (versionMinor >= 1)
        return !listContains(connection, "close");
    return listContains(connection, "keep-alive");
}

std::string Http1Request::upgradeProtocol() const
{
    if (!listContains(header("Connection"), "upgrade"))
        return {};
    const std::string upgrade = header("Upgrade");
    return lower(upgrade.substr(0, upgrade.find_first_of(",/ ")));
}

} // namespace petstore::core
