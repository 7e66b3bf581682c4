// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/graphql/graphqlsuggestions.h"

#include <algorithm>
#include <cctype>
#include <utility>

namespace petstore::core {

namespace {

std::string lowerCase(std::string text)
{
    for (char &c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

} // namespace

bool GraphQLSuggestions::naturalLess(const std::string &a, const std::string &b)
{
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        const bool digitA = std::isdigit(static_cast<unsigned char>(a[i])) != 0;
        const bool digitB = std::isdigit(static_cast<unsigned char>(b[j])) != 0;
        if (digitA && digitB) {
            unsigned long long x = 0, y = 0;
            do { x = x * 10 + static_cast<unsigned>(a[i++] - '0'); } while (i < a.size() && std::isdigit(static_cast<unsigned char>(a[i])) && x > 0);
            do { y = y * 10 + static_cast<unsigned>(b[j++] - '0'); } while (j < b.size() && std::isdigit(static_cast<unsigned char>(b[j])) && y > 0);
            if (x != y)
                return x < y;
            continue;
        }
        if (a[i] != b[j])
            return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]);
        ++i;
        ++j;
    }
    return a.size() - i < b.size() - j;
}

int GraphQLSuggestions::distance(const std::string &input, const std::string &option, int threshold)
{
    if (input == option)
        return 0;
    std::string a = lowerCase(option);
    std::string b = lowerCase(input);
    if (a == b)
        return 1;
    if (a.size() < b.size())
        std::swap(a, b);
    const int aLength = static_cast<int>(a.size());
    const int bLength = static_cast<int>(b.size());
    if (aLength - bLength > threshold)
        return -1;
    // Optimal string alignment distance over three rolling rows, stopping once a whole row
    // exceeds the threshold.
    std::vector<std::vector<int>> rows(3, std::vector<int>(static_cast<std::size_t>(bLength) + 1, 0));
    for (int j = 0; j <= bLength; ++j)
        rows[0][static_cast<std::size_t>(j)] = j;
    for (int i = 1; i <= aLength; ++i) {
        auto &up = rows[static_cast<std::size_t>((i - 1) % 3)];
        auto &current = rows[static_cast<std::size_t>(i % 3)];
        int smallest = current[0] = i;
        for (int j = 1; j <= bLength; ++j) {
            const auto uj = static_cast<std::size_t>(j);
            const int cost = a[static_cast<std::size_t>(i - 1)] == b[uj - 1] ? 0 : 1;
            int cell = std::min({up[uj] + 1, current[uj - 1] + 1, up[uj - 1] + cost});
            if (i > 1 && j > 1 && a[static_cast<std::size_t>(i - 1)] == b[uj - 2] && a[static_cast<std::size_t>(i - 2)] == b[uj - 1])
                cell = std::min(cell, rows[static_cast<std::size_t>((i - 2) % 3)][uj - 2] + 1);
            smallest = std::min(smallest, cell);
            current[uj] = cell;
        }
        if (smallest > threshold)
            return -1;
    }
    const int result = rows[static_cast<std::size_t>(aLength % 3)][static_cast<std::size_t>(bLength)];
    return result <= threshold ? result : -1;
}

std::vector<std::string> GraphQLSuggestions::rank(const std::string &input, const std::vector<std::string> &options)
{
    const int threshold = static_cast<int>(input.size() * 4 / 10) + 1;
    std::vector<std::pair<int, std::string>> found;
    for (const std::string &option : options) {
        const bool seen = std::any_of(found.begin(), found.end(), [&](const auto &f) { return f.second == option; });
        if (seen)
            continue;
        if (const int d = distance(input, option, threshold); d >= 0)
            found.emplace_back(d, option);
    }
    std::stable_sort(found.begin(), found.end(), [](const auto &x, const auto &y) {
        return x.first != y.first ? x.first < y.first : naturalLess(x.second, y.second);
    });
    std::vector<std::string> names;
    for (auto &f : found)
        names.push_back(std::move(f.second));
    return names;
}

std::string GraphQLSuggestions::didYouMean(const std::vector<std::string> &suggestions, const std::string &subject)
{
    if (suggestions.empty())
        return {};
    std::string message = " Did you mean ";
    if (!subject.empty())
        message += subject + ' ';
    auto quoted = [](const std::string &s) { return '"' + s + '"'; };
    if (suggestions.size() == 1)
        return message + quoted(suggestions[0]) + '?';
    if (suggestions.size() == 2)
        return message + quoted(suggestions[0]) + " or " + quoted(suggestions[1]) + '?';
    const std::size_t count = std::min<std::size_t>(suggestions.size(), 5);
    for (std::size_t i = 0; i + 1 < count; ++i)
        message += quoted(suggestions[i]) + ", ";
    return message + "or " + quoted(suggestions[count - 1]) + '?';
}

} // namespace petstore::core
