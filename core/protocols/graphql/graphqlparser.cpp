// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/graphql/graphqlparser.h"

namespace petstore::core {

namespace {

using Kind = GraphQLToken::Kind;

// One parse: the lexer, one token of lookahead, and the current nesting depth.
class Parser
{
public:
    Parser(std::string_view source, GraphQLParser::Limits limits) : m_lexer(source, limits.maxTokens), m_limits(limits) {}

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
    Result<GraphQLTypeRef> typeReference();
    Result<GraphQLValue> value(bool isConst);

    GraphQLLexer m_lexer;
    GraphQLParser::Limits m_limits;
    GraphQLToken m_token;
    int m_depth = 0;
};

Error Parser::error(std::size_t offset, const std::string &message) const
{
    const GraphQLLocation at = m_lexer.locate(offset);
    return Error::make(ErrorKind::BadRequest, "Syntax Error: " + message,
                       {{std::to_string(at.line) + ':' + std::to_string(at.column), message, "syntax"}});
}

Status Parser::advance()
{
    auto token = m_lexer.next();
    if (!token.ok())
        return token.error();
    m_token = std::move(token).value();
    return Done{};
}

Status Parser::expect(Kind kind)
{
    if (m_token.kind != kind)
        return error(m_token.offset, std::string("Expected ") + (kind >= Kind::Name ? "" : "\"")
                                         + GraphQLToken::kindName(kind) + (kind >= Kind::Name ? "" : "\"")
                                         + ", found " + m_token.describe() + '.');
    return advance();
}

Status Parser::expectKeyword(const char *word)
{
    if (!peekKeyword(word))
        return error(m_token.offset, std::string("Expected \"") + word + "\", found " + m_token.describe() + '.');
    return advance();
}

Result<std::string> Parser::name()
{
    if (!peek(Kind::Name))
        return error(m_token.offset, "Expected Name, found " + m_token.describe() + '.');
    std::string value = m_token.value;
    if (auto next = advance(); !next)
        return next.error();
    return value;
}

Status Parser::enter(std::size_t offset)
{
    if (++m_depth > m_limits.maxDepth)
        return error(offset, "Document nests deeper than " + std::to_string(m_limits.maxDepth) + " levels. Parsing aborted.");
    return Done{};
}

#define GQL_TRY(expression)                 \
    do {                                    \
        if (auto status_ = (expression); !status_) \
            return status_.error();         \
    } while (false)

#define GQL_ASSIGN(variable, expression)    \
    auto variable##Result = (expression);   \
    if (!variable##Result.ok())             \
        return variable##Result.error();    \
    auto variable = std::move(variable##Result).value()

Result<GraphQLDocument> Parser::document()
{
    GQL_TRY(advance());
    GraphQLDocument doc;
    // §2.2: a document holds at least one definition.
    do {
        if (peek(Kind::BraceL) || peekKeyword("query") || peekKeyword("mutation") || peekKeyword("subscription")) {
            GQL_ASSIGN(op, operation());
            doc.definitions.push_back({true, doc.operations.size()});
            doc.operations.push_back(std::move(op));
        } else if (peekKeyword("fragment")) {
            GQL_ASSIGN(frag, fragment());
            doc.definitions.push_back({false, doc.fragments.size()});
            doc.fragments.push_back(std::move(frag));
        } else {
            return unexpected();
        }
    } while (!peek(Kind::End));
    return doc;
}

Result<GraphQLOperation> Parser::operation()
{
    GraphQLOperation op;
    op.offset = m_token.offset;
    if (peek(Kind::BraceL)) {   // the query shorthand
        GQL_TRY(selectionSet(op.selections));
        return op;
    }
    op.kind = m_token.value == "query" ? GraphQLOperation::Kind::Query
              : m_token.value == "mutation" ? GraphQLOperation::Kind::Mutation
                                            : GraphQLOperation::Kind::Subscription;
    GQL_TRY(advance());
    if (peek(Kind::Name)) {
        GQL_ASSIGN(operationName, name());
        op.name = std::move(operationName);
    }
    if (peek(Kind::ParenL))
        GQL_TRY(variableDefinitions(op.variables));
    GQL_TRY(directives(op.directives, false));
    GQL_TRY(selectionSet(op.selections));
    return op;
}

Result<GraphQLFragment> Parser::fragment()
{
    GraphQLFragment frag;
    frag.offset = m_token.offset;
    GQL_TRY(expectKeyword("fragment"));
    if (peekKeyword("on"))
        return unexpected();   // §2.8: a fragment cannot be named "on"
    GQL_ASSIGN(fragmentName, name());
    frag.name = std::move(fragmentName);
    GQL_TRY(expectKeyword("on"));
    frag.typeConditionOffset = m_token.offset;
    GQL_ASSIGN(typeName, name());
    frag.typeCondition = std::move(typeName);
    GQL_TRY(directives(frag.directives, false));
    GQL_TRY(selectionSet(frag.selections));
    return frag;
}

Status Parser::selectionSet(std::vector<GraphQLSelection> &into)
{
    GQL_TRY(enter(m_token.offset));
    GQL_TRY(expect(Kind::BraceL));
    do {
        GQL_ASSIGN(one, selection());
        into.push_back(std::move(one));
    } while (!peek(Kind::BraceR));
    GQL_TRY(advance());
    leave();
    return Done{};
}

Result<GraphQLSelection> Parser::selection()
{
    GraphQLSelection s;
    s.offset = m_token.offset;
    if (peek(Kind::Spread)) {
        GQL_TRY(advance());
        if (peek(Kind::Name) && m_token.value != "on") {
            s.kind = GraphQLSelection::Kind::FragmentSpread;
            GQL_ASSIGN(spreadName, name());
            s.name = std::move(spreadName);
            GQL_TRY(directives(s.directives, false));
            return s;
        }
        s.kind = GraphQLSelection::Kind::InlineFragment;
        if (peekKeyword("on")) {
            GQL_TRY(advance());
            GQL_ASSIGN(typeName, name());
            s.typeCondition = std::move(typeName);
        }
        GQL_TRY(directives(s.directives, false));
        s.hasSelectionSet = true;
        GQL_TRY(selectionSet(s.selections));
        return s;
    }
    GQL_ASSIGN(first, name());
    if (peek(Kind::Colon)) {
        GQL_TRY(advance());
        s.alias = std::move(first);
        GQL_ASSIGN(fieldName, name());
        s.name = std::move(fieldName);
    } else {
        s.name = std::move(first);
    }
    if (peek(Kind::ParenL))
        GQL_TRY(arguments(s.arguments, false));
    GQL_TRY(directives(s.directives, false));
    if (peek(Kind::BraceL)) {
        s.hasSelectionSet = true;
        GQL_TRY(selectionSet(s.selections));
    }
    return s;
}

Status Parser::arguments(std::vector<GraphQLArgument> &into, bool isConst)
{
    GQL_TRY(expect(Kind::ParenL));
    do {
        GraphQLArgument argument;
        argument.offset = m_token.offset;
        GQL_ASSIGN(argumentName, name());
        argument.name = std::move(argumentName);
        GQL_TRY(expect(Kind::Colon));
        GQL_ASSIGN(argumentValue, value(isConst));
        argument.value = std::move(argumentValue);
        into.push_back(std::move(argument));
    } while (!peek(Kind::ParenR));
    return advance();
}

Status Parser::directives(std::vector<GraphQLDirective> &into, bool isConst)
{
    while (peek(Kind::At)) {
        GraphQLDirective directive;
        directive.offset = m_token.offset;
        GQL_TRY(advance());
        GQL_ASSIGN(directiveName, name());
        directive.name = std::move(directiveName);
        if (peek(Kind::ParenL))
            GQL_TRY(arguments(directive.arguments, isConst));
        into.push_back(std::move(directive));
    }
    return Done{};
}

Status Parser::variableDefinitions(std::vector<GraphQLVariableDefinition> &into)
{
    GQL_TRY(expect(Kind::ParenL));
    do {
        GraphQLVariableDefinition definition;
        definition.offset = m_token.offset;
        GQL_TRY(expect(Kind::Dollar));
        GQL_ASSIGN(variableName, name());
        definition.name = std::move(variableName);
        GQL_TRY(expect(Kind::Colon));
        GQL_ASSIGN(type, typeReference());
        definition.type = std::move(type);
        if (peek(Kind::Equals)) {
            GQL_TRY(advance());
            GQL_ASSIGN(defaultValue, value(true));
            definition.defaultValue = std::move(defaultValue);
        }
        GQL_TRY(directives(definition.directives, true));
        into.push_back(std::move(definition));
    } while (!peek(Kind::ParenR));
    return advance();
}

Result<GraphQLTypeRef> Parser::typeReference()
{
    GraphQLTypeRef type;
    type.offset = m_token.offset;
    if (peek(Kind::BracketL)) {
        GQL_TRY(enter(m_token.offset));
        GQL_TRY(advance());
        GQL_ASSIGN(inner, typeReference());
        GQL_TRY(expect(Kind::BracketR));
        leave();
        type.kind = GraphQLTypeRef::Kind::List;
        type.of = std::make_shared<const GraphQLTypeRef>(std::move(inner));
    } else {
        GQL_ASSIGN(typeName, name());
        type.name = std::move(typeName);
    }
    if (peek(Kind::Bang)) {
        GQL_TRY(advance());
        GraphQLTypeRef nonNull;
        nonNull.kind = GraphQLTypeRef::Kind::NonNull;
        nonNull.offset = type.offset;
        nonNull.of = std::make_shared<const GraphQLTypeRef>(std::move(type));
        return nonNull;
    }
    return type;
}

Result<GraphQLValue> Parser::value(bool isConst)
{
    GraphQLValue v;
    v.offset = m_token.offset;
    switch (m_token.kind) {
    case Kind::Dollar:
        if (isConst) {
            GQL_TRY(advance());
            const std::string variable = peek(Kind::Name) ? m_token.value : std::string();
            return error(v.offset, "Unexpected variable \"$" + variable + "\" in constant value.");
        }
        GQL_TRY(advance());
        {
            GQL_ASSIGN(variableName, name());
            v.kind = GraphQLValue::Kind::Variable;
            v.text = std::move(variableName);
        }
        return v;
    case Kind::Int:
    case Kind::Float:
    case Kind::String:
    case Kind::BlockString:
        v.kind = m_token.kind == Kind::Int ? GraphQLValue::Kind::Int
                 : m_token.kind == Kind::Float ? GraphQLValue::Kind::Float
                                               : GraphQLValue::Kind::String;
        v.block = m_token.kind == Kind::BlockString;
        v.text = m_token.value;
        GQL_TRY(advance());
        return v;
    case Kind::Name:
        v.kind = m_token.value == "true" || m_token.value == "false" ? GraphQLValue::Kind::Boolean
                 : m_token.value == "null" ? GraphQLValue::Kind::Null
                                           : GraphQLValue::Kind::Enum;
        v.text = m_token.value;
        GQL_TRY(advance());
        return v;
    case Kind::BracketL:
        v.kind = GraphQLValue::Kind::List;
        GQL_TRY(enter(v.offset));
        GQL_TRY(advance());
        while (!peek(Kind::BracketR)) {
            GQL_ASSIGN(item, value(isConst));
            v.items.push_back(std::move(item));
        }
        GQL_TRY(advance());
        leave();
        return v;
    case Kind::BraceL:
        v.kind = GraphQLValue::Kind::Object;
        GQL_TRY(enter(v.offset));
        GQL_TRY(advance());
        while (!peek(Kind::BraceR)) {
            const std::size_t fieldOffset = m_token.offset;
            GQL_ASSIGN(fieldName, name());
            GQL_TRY(expect(Kind::Colon));
            GQL_ASSIGN(fieldValue, value(isConst));
            v.fields.emplace_back(std::move(fieldName), std::move(fieldValue));
            v.fieldOffsets.push_back(fieldOffset);
        }
        GQL_TRY(advance());
        leave();
        return v;
    default:
        return unexpected();
    }
}

#undef GQL_TRY
#undef GQL_ASSIGN

} // namespace

std::string GraphQLTypeRef::print() const
{
    switch (kind) {
    case Kind::Named: return name;
    case Kind::List: return '[' + of->print() + ']';
    case Kind::NonNull: return of->print() + '!';
    }
    return name;
}

Result<GraphQLDocument> GraphQLParser::parse(std::string_view source, Limits limits)
{
    return Parser(source, limits).document();
}

} // namespace petstore::core
