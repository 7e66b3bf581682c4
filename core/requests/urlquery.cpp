// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/requests/urlquery.h"

#include "core/http/percentencoding.h"

namespace petstore::core {

namespace {

struct UrlParts
{
    std::string_view base;
    std::string_view query;
    std::string_view fragment;   // with its '#'
};

UrlParts split(std::string_view url)
{
    UrlParts parts;
    const auto hash = url.find('#');
    parts.fragment = hash == std::string_view::npos ? std::string_view() : url.substr(hash);
    const std::string_view beforeFragment = url.substr(0, hash);
    const auto question = beforeFragment.find('?');
    parts.base = beforeFragment.substr(0, question);
    if (question != std::string_view::npos)
        parts.query = beforeFragment.substr(question + 1);
    return parts;
}

// Encodes everything outside `{{...}}`; a placeholder is copied as typed.
void appendKeepingVariables(std::string &out, std::string_view text)
{
    std::size_t position = 0;
    while (position < text.size()) {
        const auto open = text.find("{{", position);
        const auto close = open == std::string_view::npos ? open : text.find("}}", open + 2);
        if (close == std::string_view::npos) {
            PercentEncoding::appendEncoded(out, text.substr(position));
            return;
        }
        PercentEncoding::appendEncoded(out, text.substr(position, open - position));
        out += text.substr(open, close + 2 - open);
        position = close + 2;
    }
}

} // namespace

std::vector<KeyValueRow> UrlQuery::rows(std::string_view url)
{
    std::vector<KeyValueRow> rows;
    for (auto &[name, value] : PercentEncoding::parseQuery(split(url).query))
        rows.push_back(KeyValueRow{true, std::move(name), std::move(value)});
    return rows;
}

std::string UrlQuery::withRows(std::string_view url, const std::vector<KeyValueRow> &rows)
{
    const UrlParts parts = split(url);
    std::string out(parts.base);
    char separator = '?';
    for (const auto &row : rows) {
        if (!row.enabled || (row.name.empty() && row.value.empty()))
            continue;
        out += separator;
        separator = '&';
        appendKeepingVariables(out, row.name);
        out += '=';
        appendKeepingVariables(out, row.value);
    }
    out += parts.fragment;
    return out;
}

} // namespace petstore::core
