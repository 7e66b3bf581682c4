// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/rest/petadvisorcriteria.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>
#include <utility>

namespace petstore::mock {

namespace {

constexpr std::array<std::pair<std::string_view, core::Species>, 20> SpeciesWords{{
    {"dog", core::Species::Dog},         {"dogs", core::Species::Dog},
    {"puppy", core::Species::Dog},       {"puppies", core::Species::Dog},
    {"cat", core::Species::Cat},         {"cats", core::Species::Cat},
    {"kitten", core::Species::Cat},      {"kittens", core::Species::Cat},
    {"rabbit", core::Species::Rabbit},   {"rabbits", core::Species::Rabbit},
    {"bunny", core::Species::Rabbit},    {"bunnies", core::Species::Rabbit},
    {"bird", core::Species::Bird},       {"birds", core::Species::Bird},
    {"reptile", core::Species::Reptile}, {"reptiles", core::Species::Reptile},
    {"lizard", core::Species::Reptile},  {"lizards", core::Species::Reptile},
    {"snake", core::Species::Reptile},   {"snakes", core::Species::Reptile},
}};
constexpr std::array<std::pair<std::string_view, core::PetSize>, 3> SizeWords{{
    {"small", core::PetSize::Small}, {"medium", core::PetSize::Medium}, {"large", core::PetSize::Large},
}};
constexpr std::array<std::string_view, 4> KidsWords{"kid", "kids", "child", "children"};
// Phrases that put an exclusive upper bound on the price.
constexpr std::array<std::string_view, 5> BudgetMarkers{"under", "below", "less than", "cheaper than", "<"};
// A number followed by one of these is an age or a weight, not money.
constexpr std::array<std::string_view, 8> NonMoneyUnits{"year", "yr", "month", "mo", "week", "wk", "kg", "lb"};

bool isWordChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

// Whether `word` (or its plural with "s") starts at `pos` and ends there as a whole word.
bool startsWord(const std::string &lower, std::size_t pos, std::string_view word)
{
    if (lower.compare(pos, word.size(), word) != 0)
        return false;
    std::size_t end = pos + word.size();
    if (end < lower.size() && lower[end] == 's')
        ++end;
    return end >= lower.size() || !isWordChar(lower[end]);
}

std::string lowerAscii(const std::string &text)
{
    std::string lower = text;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return lower;
}

std::vector<std::string> wordsOf(const std::string &lower)
{
    std::vector<std::string> words;
    std::string word;
    for (char c : lower + ' ') {
        if (isWordChar(c)) {
            word += c;
        } else if (!word.empty()) {
            words.push_back(std::move(word));
            word.clear();
        }
    }
    return words;
}

template<typename T>
void addOnce(std::vector<T> &values, T value)
{
    if (std::find(values.begin(), values.end(), value) == values.end())
        values.push_back(value);
}

template<typename Table, typename T>
void collect(const Table &table, const std::string &word, std::vector<T> &out)
{
    for (const auto &[name, value] : table)
        if (word == name)
            addOnce(out, value);
}

// Reads "$1,250.5" at `pos` (a dollar sign, spaces and thousands separators allowed) as cents;
// nullopt when there is no amount or it is too large to be a Petstore price (9 digits).
std::optional<std::int64_t> amountAt(const std::string &lower, std::size_t pos)
{
    auto skipSpaces = [&lower, &pos] {
        while (pos < lower.size() && lower[pos] == ' ')
            ++pos;
    };
    skipSpaces();
    if (pos < lower.size() && lower[pos] == '$')
        ++pos;
    skipSpaces();
    std::int64_t units = 0;
    int digits = 0;
    for (; pos < lower.size(); ++pos) {
        const char c = lower[pos];
        if (c == ',' && digits > 0 && pos + 1 < lower.size() && std::isdigit(static_cast<unsigned char>(lower[pos + 1])))
            continue;
        if (!std::isdigit(static_cast<unsigned char>(c)))
            break;
        if (++digits > 9)
            return std::nullopt;
        units = units * 10 + (c - '0');
    }
    if (digits == 0)
        return std::nullopt;
    std::int64_t cents = units * 100;
    if (pos + 1 < lower.size() && lower[pos] == '.' && std::isdigit(static_cast<unsigned char>(lower[pos + 1]))) {
        cents += (lower[pos + 1] - '0') * 10;
        if (pos + 2 < lower.size() && std::isdigit(static_cast<unsigned char>(lower[pos + 2])))
            cents += lower[pos + 2] - '0';
        for (++pos; pos < lower.size() && std::isdigit(static_cast<unsigned char>(lower[pos]));)
            ++pos;
    }
    skipSpaces();
    for (std::string_view unit : NonMoneyUnits)
        if (startsWord(lower, pos, unit))
            return std::nullopt;
    return cents;
}

// The first budget phrase in the question.
std::optional<std::int64_t> budgetOf(const std::string &lower)
{
    for (std::size_t pos = 0; pos < lower.size(); ++pos) {
        for (std::string_view marker : BudgetMarkers) {
            if (lower.compare(pos, marker.size(), marker) != 0)
                continue;
            const bool word = isWordChar(marker.front());
            const std::size_t end = pos + marker.size();
            if (word && ((pos > 0 && isWordChar(lower[pos - 1])) || (end < lower.size() && isWordChar(lower[end]))))
                continue;
            if (auto cents = amountAt(lower, end))
                return cents;
        }
    }
    return std::nullopt;
}

} // namespace

PetAdvisorCriteria PetAdvisorCriteria::fromQuestion(const std::string &question)
{
    const std::string lower = lowerAscii(question);
    PetAdvisorCriteria criteria;
    for (const std::string &word : wordsOf(lower)) {
        collect(SpeciesWords, word, criteria.species);
        collect(SizeWords, word, criteria.sizes);
        if (std::find(KidsWords.begin(), KidsWords.end(), word) != KidsWords.end())
            criteria.goodWithKids = true;
    }
    criteria.budgetCents = budgetOf(lower);
    return criteria;
}

} // namespace petstore::mock
