// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/jsonschema/jsonpointer.h"

#include "core/http/percentencoding.h"

#include <charconv>
#include <optional>

namespace petstore::core {

namespace {

// RFC 6901 §4: "~1" becomes "/" and then "~0" becomes "~"; any other "~" is an error.
std::optional<std::string> unescapeToken(std::string_view token)
{
    std::string out;
    out.reserve(token.size());
    for (std::size_t i = 0; i < token.size(); ++i) {
        if (token[i] != '~') {
            out.push_back(token[i]);
            continue;
        }
        if (i + 1 >= token.size())
            return std::nullopt;
        if (token[i + 1] == '0')
            out.push_back('~');
        else if (token[i + 1] == '1')
            out.push_back('/');
        else
            return std::nullopt;
        ++i;
    }
    return out;
}

// RFC 6901 §4: an array index is "0" or digits without a leading zero.
std::optional<std::size_t> arrayIndex(std::string_view token)
{
    if (token.empty() || (token.size() > 1 && token.front() == '0'))
        return std::nullopt;
    std::size_t index = 0;
    const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), index);
    if (ec != std::errc() || end != token.data() + token.size())
        return std::nullopt;
    return index;
}

} // namespace

const nlohmann::json *resolveJsonPointer(const nlohmann::json &root, std::string_view pointer)
{
    const nlohmann::json *current = &root;
    if (pointer.empty())
        return current;
    if (pointer.front() != '/')
        return nullptr;
    std::size_t start = 1;
    while (true) {
        const std::size_t slash = pointer.find('/', start);
        const std::string_view raw = pointer.substr(start, slash == std::string_view::npos
                                                                ? std::string_view::npos
                                                                : slash - start);
        const std::optional<std::string> token = unescapeToken(raw);
        if (!token)
            return nullptr;
        if (current->is_object()) {
            const auto it = current->find(*token);
            if (it == current->end())
                return nullptr;
            current = &*it;
        } else if (current->is_array()) {
            const std::optional<std::size_t> index = arrayIndex(*token);
            if (!index || *index >= current->size())
                return nullptr;
            current = &(*current)[*index];
        } else {
            return nullptr;
        }
        if (slash == std::string_view::npos)
            return current;
        start = slash + 1;
    }
}

const nlohmann::json *resolveJsonReference(const nlohmann::json &root, std::string_view reference)
{
    if (reference.empty() || reference.front() != '#')
        return nullptr;
    const std::optional<std::string> pointer = PercentEncoding::decode(reference.substr(1));
    if (!pointer)
        return nullptr;
    return resolveJsonPointer(root, *pointer);
}

void appendJsonPointerToken(std::string &pointer, std::string_view token)
{
    pointer.push_back('/');
    for (const char c : token) {
        if (c == '~')
            pointer.append("~0");
        else if (c == '/')
            pointer.append("~1");
        else
            pointer.push_back(c);
    }
}

} // namespace petstore::core
