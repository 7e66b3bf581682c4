// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/requests/variabletemplate.h"

namespace petstore::core {

namespace {

std::string_view trimmed(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

// Calls `onName(name, whole)` for each placeholder and `onText` for the text between them.
template<typename OnText, typename OnName>
void scan(std::string_view text, OnText onText, OnName onName)
{
    std::size_t position = 0;
    while (position < text.size()) {
        const auto open = text.find("{{", position);
        if (open == std::string_view::npos)
            break;
        const auto close = text.find("}}", open + 2);
        if (close == std::string_view::npos)
            break;
        onText(text.substr(position, open - position));
        onName(std::string(trimmed(text.substr(open + 2, close - open - 2))), text.substr(open, close + 2 - open));
        position = close + 2;
    }
    onText(text.substr(position));
}

} // namespace

std::string VariableTemplate::expand(std::string_view text, const std::map<std::string, std::string> &variables)
{
    std::string out;
    out.reserve(text.size());
    scan(
        text, [&out](std::string_view plain) { out += plain; },
        [&](const std::string &name, std::string_view whole) {
            const auto it = variables.find(name);
            out += it == variables.end() ? std::string(whole) : it->second;
        });
    return out;
}

std::vector<std::string> VariableTemplate::unresolved(std::string_view text,
                                                      const std::map<std::string, std::string> &variables)
{
    std::vector<std::string> names;
    scan(
        text, [](std::string_view) {},
        [&](const std::string &name, std::string_view) {
            if (variables.find(name) == variables.end())
                names.push_back(name);
        });
    return names;
}

} // namespace petstore::core
