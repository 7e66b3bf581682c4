// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

namespace petstore::core {

// "Did you mean …?" hints for unknown names, ranked as graphql-js ranks them so our messages
// read the same: options within an edit distance of 40 % of the input's length (a change of
// case alone costs 1, a swap of neighbours 1), nearest first, ties in natural order.
class GraphQLSuggestions
{
public:
    static std::vector<std::string> rank(const std::string &input, const std::vector<std::string> &options);
    // " Did you mean \"a\", \"b\", or \"c\"?" (at most five), or "" without suggestions.
    // `subject` is put before the names: " Did you mean the enum value \"DOG\"?".
    static std::string didYouMean(const std::vector<std::string> &suggestions, const std::string &subject = {});

    // Digit runs compare by value ("field2" < "field10"), everything else by character.
    static bool naturalLess(const std::string &a, const std::string &b);

private:
    static int distance(const std::string &input, const std::string &option, int threshold);
};

} // namespace petstore::core
