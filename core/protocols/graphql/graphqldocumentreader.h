// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocols/graphql/graphqlast.h"
#include "core/protocols/graphql/graphqllexer.h"
#include "core/protocols/graphql/graphqlparser.h"
#include "core/result.h"

#include <string>
#include <string_view>

namespace petstore::core {

// One parse (GraphQLParser's engine, not a public API): the lexer, one token of lookahead and
// the nesting depth. Executable definitions are in graphqldocumentreader.cpp, type system
// definitions in graphqltypesystemreader.cpp.
class GraphQLDocumentReader
{
public:
    using Kind = GraphQLToken::Kind;

    GraphQLDocumentReader(std::string_view source, GraphQLParser::Limits limits) : m_lexer(source, limits.maxTokens), m_limits(limits) {}

    Result<GraphQLDocument> document();

private:
    // Every step returns a Status; the first error is kept and unwinds the parse.
    Status advance();
    bool peek(Kind kind) const { return m_token.kind == kind; }
    bool peekKeyword(const char *word) const { return m_token.kind == Kind::Name && m_token.value == word; }
    Status expect(Kind kind);
    Status expectKeyword(const char *word);
    Error unexpected() const { return error(m_token.offset, "Unexpected " + m_token.describe() + '.'); }
    Error error(std::size_t offset, const std::string &message) const;
    Result<std::string> name();
    Status enter(std::size_t offset);
    void leave() { --m_depth; }

    Result<GraphQLOperation> operation();
    Result<GraphQLFragment> fragment();
    Status selectionSet(std::vector<GraphQLSelection> &into);
    Result<GraphQLSelection> selection();
    Status arguments(std::vector<GraphQLArgument> &into, bool isConst);
    Status directives(std::vector<GraphQLDirective> &into, bool isConst);
    Status variableDefinitions(std::vector<GraphQLVariableDefinition> &into);
    // `: Type = DefaultValue @directives`, shared by variables and input values (§2.10, §3.6.1).
    Status typedValue(GraphQLTypeRef &type, std::optional<GraphQLValue> &defaultValue,
                      std::vector<GraphQLDirective> &directiveList);
    Result<GraphQLTypeRef> typeReference();
    Result<GraphQLValue> value(bool isConst);

    // Type system (§3).
    Status typeSystemDefinition(GraphQLDocument &doc, std::string description, std::size_t offset, bool described);
    Result<std::string> description();
    Status implementsInterfaces(std::vector<std::string> &into);
    Status fieldsDefinition(std::vector<GraphQLFieldDefinition> &into);
    Status argumentsDefinition(std::vector<GraphQLInputValueDefinition> &into, Kind open, Kind close);
    Result<GraphQLInputValueDefinition> inputValueDefinition();
    Status unionMembers(std::vector<std::string> &into);
    Status enumValues(std::vector<GraphQLEnumValueDefinition> &into);
    Result<GraphQLDirectiveDefinition> directiveDefinition(std::string description, std::size_t offset);
    Result<GraphQLSchemaDefinition> schemaDefinition(bool extension, std::string description, std::size_t offset);
    bool atTypeSystemKeyword() const;

    GraphQLLexer m_lexer;
    GraphQLParser::Limits m_limits;
    GraphQLToken m_token;
    int m_depth = 0;
};

} // namespace petstore::core

// Unwind on the first error: `GRAPHQL_TRY(status)`, `GRAPHQL_ASSIGN(name, result)`.
#define GRAPHQL_TRY(expression)                      \
    do {                                             \
        if (auto status_ = (expression); !status_)   \
            return status_.error();                  \
    } while (false)

#define GRAPHQL_ASSIGN(variable, expression)         \
    auto variable##Result = (expression);            \
    if (!variable##Result.ok())                      \
        return variable##Result.error();             \
    auto variable = std::move(variable##Result).value()
