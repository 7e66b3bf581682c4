// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>

namespace petstore::core {

// Where something is in a GraphQL document: 1-based line and column as graphql-js reports them
// (columns count UTF-16 code units, so error locations agree with graphql-js), and the byte
// offset into the UTF-8 source.
struct GraphQLLocation
{
    int line = 1;
    int column = 1;
    std::size_t offset = 0;
    bool operator==(const GraphQLLocation &o) const { return line == o.line && column == o.column; }
};

// One lexical token (GraphQL spec §2.1.6). Punctuators, names and numbers keep their source
// text in `value`; strings keep their decoded value (escapes resolved, block strings dedented).
struct GraphQLToken
{
    enum class Kind : std::uint8_t {
        End, Bang, Dollar, Amp, ParenL, ParenR, Spread, Colon, Equals, At, BracketL, BracketR,
        BraceL, Pipe, BraceR, Name, Int, Float, String, BlockString,
    };
    Kind kind = Kind::End;
    std::string value;
    std::size_t offset = 0;   // GraphQLLexer::locate() turns it into a line and column
    // "Name \"pet\"", "\"{\"", "<EOF>" — how graphql-js names a token in "Expected …, found …".
    std::string describe() const;
    static const char *kindName(Kind kind);
};

} // namespace petstore::core
