// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/sse/sseeventwriter.h"

namespace petstore::core {

namespace {

// Removes what a field value cannot carry: line breaks always, NUL too for an id (a parser
// ignores an id containing NUL, §9.2.6).
std::string singleLine(std::string_view text, bool dropNul)
{
    std::string out;
    for (const char c : text) {
        if (c != '\r' && c != '\n' && (c != '\0' || !dropNul))
            out += c;
    }
    return out;
}

// Appends "<prefix><line>\n" for every line of `text`; an empty text still gives one line.
void appendLines(std::string &out, std::string_view prefix, std::string_view text)
{
    std::size_t start = 0;
    while (true) {
        const auto end = text.find_first_of("\r\n", start);
        out.append(prefix).append(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        out += '\n';
        if (end == std::string_view::npos)
            return;
        start = end + (text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n' ? 2 : 1);
    }
}

} // namespace

std::string SseEventWriter::event(std::string_view data, std::string_view type, std::string_view id,
                                  std::optional<long long> retryMs)
{
    std::string out;
    if (!id.empty())
        out += "id: " + singleLine(id, true) + '\n';
    if (!type.empty())
        out += "event: " + singleLine(type, false) + '\n';
    if (retryMs && *retryMs >= 0)
        out += "retry: " + std::to_string(*retryMs) + '\n';
    appendLines(out, "data: ", data);
    out += '\n';
    return out;
}

std::string SseEventWriter::comment(std::string_view text)
{
    std::string out;
    appendLines(out, ": ", text);
    return out;
}

} // namespace petstore::core
