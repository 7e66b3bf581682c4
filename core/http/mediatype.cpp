// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/mediatype.h"

#include <cctype>

namespace petstore::core {

namespace {

std::string lowerTrimmed(std::string_view text)
{
    const auto first = text.find_first_not_of(" \t");
    const auto last = text.find_last_not_of(" \t");
    std::string out;
    if (first == std::string_view::npos)
        return out;
    for (const char c : text.substr(first, last - first + 1))
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

} // namespace

MediaType MediaType::parse(std::string_view text)
{
    MediaType type;
    std::size_t at = text.find(';');
    type.essence = lowerTrimmed(text.substr(0, at));
    while (at != std::string_view::npos) {
        const std::size_t next = text.find(';', at + 1);
        const std::string_view item = text.substr(at + 1, next == std::string_view::npos ? std::string_view::npos : next - at - 1);
        if (const auto equals = item.find('='); equals != std::string_view::npos) {
            std::string value = lowerTrimmed(item.substr(equals + 1));
            if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
                value = value.substr(1, value.size() - 2);
            type.parameters.emplace_back(lowerTrimmed(item.substr(0, equals)), std::move(value));
        }
        at = next;
    }
    return type;
}

std::string MediaType::parameter(std::string_view name, std::string fallback) const
{
    for (const auto &[key, value] : parameters)
        if (key == name)
            return value;
    return fallback;
}

} // namespace petstore::core
