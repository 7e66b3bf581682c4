// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocols/graphql/graphqltoken.h"
#include "core/result.h"

#include <string_view>
#include <vector>

namespace petstore::core {

// The GraphQL lexer (spec §2.1, October 2021 with the draft's \u{…} escapes): ignores the BOM,
// white space, line terminators, commas and comments; reads punctuators, names, Int and Float
// values (a number may not be followed by `.` or a name start), strings with escapes and block
// strings (§2.9.4 BlockStringValue). Errors are ErrorKind::BadRequest "Syntax Error: …" with
// the location; the source must be valid UTF-8. `maxTokens` bounds the work a document costs.
class GraphQLLexer
{
public:
    explicit GraphQLLexer(std::string_view source, std::size_t maxTokens = 100000);

    // The next token; Kind::End at the end, then End again.
    Result<GraphQLToken> next();
    // The line and column of byte `offset`: a binary search over the line starts, found once.
    GraphQLLocation locate(std::size_t offset) const;

private:
    Error syntaxError(std::size_t offset, const std::string &message) const;
    void skipIgnored();
    Result<GraphQLToken> readNumber(std::size_t start);
    Result<GraphQLToken> readString(std::size_t start);
    Result<GraphQLToken> readBlockString(std::size_t start);
    GraphQLToken make(GraphQLToken::Kind kind, std::size_t start, std::string value) const;
    // Copies the source character at the cursor into `into` (strings keep raw UTF-8).
    Status appendSourceCharacter(std::string &into);

    std::string_view m_source;
    std::size_t m_at = 0;
    std::size_t m_maxTokens;
    std::size_t m_tokens = 0;
    mutable std::vector<std::size_t> m_lineStarts;   // built on the first locate()
};

} // namespace petstore::core
