// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/graphql/graphqldocumentreader.h"

namespace petstore::core {

Error GraphQLDocumentReader::error(std::size_t offset, const std::string &message) const
{
    const GraphQLLocation at = m_lexer.locate(offset);
    return Error::make(ErrorKind::BadRequest, "Syntax Error: " + message,
                       {{std::to_string(at.line) + ':' + std::to_string(at.column), message, "syntax"}});
}

Status GraphQLDocumentReader::advance()
{
    auto token = m_lexer.next();
    if (!token.ok())
        return token.error();
    m_token = std::move(token).value();
    return Done{};
}

Status GraphQLDocumentReader::expect(Kind kind)
{
    if (m_token.kind != kind)
        return error(m_token.offset, std::string("Expected ") + (kind >= Kind::Name ? "" : "\"")
                                         + GraphQLToken::kindName(kind) + (kind >= Kind::Name ? "" : "\"")
                                         + ", found " + m_token.describe() + '.');
    return advance();
}

Status GraphQLDocumentReader::expectKeyword(const char *word)
{
    if (!peekKeyword(word))
        return error(m_token.offset, std::string("Expected \"") + word + "\", found " + m_token.describe() + '.');
    return advance();
}

Result<std::string> GraphQLDocumentReader::name()
{
    if (!peek(Kind::Name))
        return error(m_token.offset, "Expected Name, found " + m_token.describe() + '.');
    std::string value = m_token.value;
    if (auto next = advance(); !next)
        return next.error();
    return value;
}

Status GraphQLDocumentReader::enter(std::size_t offset)
{
    if (++m_depth > m_limits.maxDepth)
        return error(offset, "Document nests deeper than " + std::to_string(m_limits.maxDepth) + " levels. Parsing aborted.");
    return Done{};
}

Result<GraphQLDocument> GraphQLDocumentReader::document()
{
    GRAPHQL_TRY(advance());
    GraphQLDocument doc;
    // §2.2: a document holds at least one definition.
    do {
        // A description may open any definition but the query shorthand (graphql-js 16.15
        // accepts them on operations and fragments too).
        const std::size_t offset = m_token.offset;
        const bool described = peek(Kind::String) || peek(Kind::BlockString);
        GRAPHQL_ASSIGN(text, description());
        if ((peek(Kind::BraceL) && !described) || peekKeyword("query") || peekKeyword("mutation") || peekKeyword("subscription")) {
            GRAPHQL_ASSIGN(op, operation());
            op.description = std::move(text);
            op.offset = offset;
            doc.definitions.push_back({GraphQLDocument::Definition::Kind::Operation, doc.operations.size()});
            doc.operations.push_back(std::move(op));
        } else if (peekKeyword("fragment")) {
            GRAPHQL_ASSIGN(frag, fragment());
            frag.description = std::move(text);
            frag.offset = offset;
            doc.definitions.push_back({GraphQLDocument::Definition::Kind::Fragment, doc.fragments.size()});
            doc.fragments.push_back(std::move(frag));
        } else if (atTypeSystemKeyword()) {
            GRAPHQL_TRY(typeSystemDefinition(doc, std::move(text), offset, described));
        } else {
            return unexpected();
        }
    } while (!peek(Kind::End));
    return doc;
}

Result<GraphQLOperation> GraphQLDocumentReader::operation()
{
    GraphQLOperation op;
    op.offset = m_token.offset;
    if (peek(Kind::BraceL)) {   // the query shorthand
        GRAPHQL_TRY(selectionSet(op.selections));
        return op;
    }
    op.kind = m_token.value == "query" ? GraphQLOperation::Kind::Query
              : m_token.value == "mutation" ? GraphQLOperation::Kind::Mutation
                                            : GraphQLOperation::Kind::Subscription;
    GRAPHQL_TRY(advance());
    if (peek(Kind::Name)) {
        op.nameOffset = m_token.offset;
        GRAPHQL_ASSIGN(operationName, name());
        op.name = std::move(operationName);
    }
    if (peek(Kind::ParenL))
        GRAPHQL_TRY(variableDefinitions(op.variables));
    GRAPHQL_TRY(directives(op.directives, false));
    GRAPHQL_TRY(selectionSet(op.selections));
    return op;
}

Result<GraphQLFragment> GraphQLDocumentReader::fragment()
{
    GraphQLFragment frag;
    frag.offset = m_token.offset;
    GRAPHQL_TRY(expectKeyword("fragment"));
    if (peekKeyword("on"))
        return unexpected();   // §2.8: a fragment cannot be named "on"
    frag.nameOffset = m_token.offset;
    GRAPHQL_ASSIGN(fragmentName, name());
    frag.name = std::move(fragmentName);
    GRAPHQL_TRY(expectKeyword("on"));
    frag.typeConditionOffset = m_token.offset;
    GRAPHQL_ASSIGN(typeName, name());
    frag.typeCondition = std::move(typeName);
    GRAPHQL_TRY(directives(frag.directives, false));
    GRAPHQL_TRY(selectionSet(frag.selections));
    return frag;
}

Status GraphQLDocumentReader::selectionSet(std::vector<GraphQLSelection> &into)
{
    GRAPHQL_TRY(enter(m_token.offset));
    GRAPHQL_TRY(expect(Kind::BraceL));
    do {
        GRAPHQL_ASSIGN(one, selection());
        into.push_back(std::move(one));
    } while (!peek(Kind::BraceR));
    GRAPHQL_TRY(advance());
    leave();
    return Done{};
}

Result<GraphQLSelection> GraphQLDocumentReader::selection()
{
    GraphQLSelection s;
    s.offset = m_token.offset;
    if (peek(Kind::Spread)) {
        GRAPHQL_TRY(advance());
        if (peek(Kind::Name) && m_token.value != "on") {
            s.kind = GraphQLSelection::Kind::FragmentSpread;
            s.nameOffset = m_token.offset;
            GRAPHQL_ASSIGN(spreadName, name());
            s.name = std::move(spreadName);
            GRAPHQL_TRY(directives(s.directives, false));
            return s;
        }
        s.kind = GraphQLSelection::Kind::InlineFragment;
        if (peekKeyword("on")) {
            GRAPHQL_TRY(advance());
            s.typeConditionOffset = m_token.offset;
            GRAPHQL_ASSIGN(typeName, name());
            s.typeCondition = std::move(typeName);
        }
        GRAPHQL_TRY(directives(s.directives, false));
        s.hasSelectionSet = true;
        s.selectionSetOffset = m_token.offset;
        GRAPHQL_TRY(selectionSet(s.selections));
        return s;
    }
    GRAPHQL_ASSIGN(first, name());
    if (peek(Kind::Colon)) {
        GRAPHQL_TRY(advance());
        s.alias = std::move(first);
        GRAPHQL_ASSIGN(fieldName, name());
        s.name = std::move(fieldName);
    } else {
        s.name = std::move(first);
    }
    if (peek(Kind::ParenL))
        GRAPHQL_TRY(arguments(s.arguments, false));
    GRAPHQL_TRY(directives(s.directives, false));
    if (peek(Kind::BraceL)) {
        s.hasSelectionSet = true;
        s.selectionSetOffset = m_token.offset;
        GRAPHQL_TRY(selectionSet(s.selections));
    }
    return s;
}

Status GraphQLDocumentReader::arguments(std::vector<GraphQLArgument> &into, bool isConst)
{
    GRAPHQL_TRY(expect(Kind::ParenL));
    do {
        GraphQLArgument argument;
        argument.offset = m_token.offset;
        GRAPHQL_ASSIGN(argumentName, name());
        argument.name = std::move(argumentName);
        GRAPHQL_TRY(expect(Kind::Colon));
        GRAPHQL_ASSIGN(argumentValue, value(isConst));
        argument.value = std::move(argumentValue);
        into.push_back(std::move(argument));
    } while (!peek(Kind::ParenR));
    return advance();
}

Status GraphQLDocumentReader::directives(std::vector<GraphQLDirective> &into, bool isConst)
{
    while (peek(Kind::At)) {
        GraphQLDirective directive;
        directive.offset = m_token.offset;
        GRAPHQL_TRY(advance());
        GRAPHQL_ASSIGN(directiveName, name());
        directive.name = std::move(directiveName);
        if (peek(Kind::ParenL))
            GRAPHQL_TRY(arguments(directive.arguments, isConst));
        into.push_back(std::move(directive));
    }
    return Done{};
}

Status GraphQLDocumentReader::variableDefinitions(std::vector<GraphQLVariableDefinition> &into)
{
    GRAPHQL_TRY(expect(Kind::ParenL));
    do {
        GraphQLVariableDefinition definition;
        definition.offset = m_token.offset;
        GRAPHQL_TRY(expect(Kind::Dollar));
        definition.nameOffset = m_token.offset;
        GRAPHQL_ASSIGN(variableName, name());
        definition.name = std::move(variableName);
        GRAPHQL_TRY(typedValue(definition.type, definition.defaultValue, definition.directives));
        into.push_back(std::move(definition));
    } while (!peek(Kind::ParenR));
    return advance();
}

Status GraphQLDocumentReader::typedValue(GraphQLTypeRef &type, std::optional<GraphQLValue> &defaultValue,
                                        std::vector<GraphQLDirective> &directiveList)
{
    GRAPHQL_TRY(expect(Kind::Colon));
    GRAPHQL_ASSIGN(parsedType, typeReference());
    type = std::move(parsedType);
    if (peek(Kind::Equals)) {
        GRAPHQL_TRY(advance());
        GRAPHQL_ASSIGN(parsedDefault, value(true));
        defaultValue = std::move(parsedDefault);
    }
    return directives(directiveList, true);
}

Result<GraphQLTypeRef> GraphQLDocumentReader::typeReference()
{
    GraphQLTypeRef type;
    type.offset = m_token.offset;
    if (peek(Kind::BracketL)) {
        GRAPHQL_TRY(enter(m_token.offset));
        GRAPHQL_TRY(advance());
        GRAPHQL_ASSIGN(inner, typeReference());
        GRAPHQL_TRY(expect(Kind::BracketR));
        leave();
        type.kind = GraphQLTypeRef::Kind::List;
        type.of = std::make_shared<const GraphQLTypeRef>(std::move(inner));
    } else {
        GRAPHQL_ASSIGN(typeName, name());
        type.name = std::move(typeName);
    }
    if (peek(Kind::Bang)) {
        GRAPHQL_TRY(advance());
        GraphQLTypeRef nonNull;
        nonNull.kind = GraphQLTypeRef::Kind::NonNull;
        nonNull.offset = type.offset;
        nonNull.of = std::make_shared<const GraphQLTypeRef>(std::move(type));
        return nonNull;
    }
    return type;
}

Result<GraphQLValue> GraphQLDocumentReader::value(bool isConst)
{
    GraphQLValue v;
    v.offset = m_token.offset;
    switch (m_token.kind) {
    case Kind::Dollar:
        if (isConst) {
            GRAPHQL_TRY(advance());
            const std::string variable = peek(Kind::Name) ? m_token.value : std::string();
            return error(v.offset, "Unexpected variable \"$" + variable + "\" in constant value.");
        }
        GRAPHQL_TRY(advance());
        {
            GRAPHQL_ASSIGN(variableName, name());
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
        GRAPHQL_TRY(advance());
        return v;
    case Kind::Name:
        v.kind = m_token.value == "true" || m_token.value == "false" ? GraphQLValue::Kind::Boolean
                 : m_token.value == "null" ? GraphQLValue::Kind::Null
                                           : GraphQLValue::Kind::Enum;
        v.text = m_token.value;
        GRAPHQL_TRY(advance());
        return v;
    case Kind::BracketL:
        v.kind = GraphQLValue::Kind::List;
        GRAPHQL_TRY(enter(v.offset));
        GRAPHQL_TRY(advance());
        while (!peek(Kind::BracketR)) {
            GRAPHQL_ASSIGN(item, value(isConst));
            v.items.push_back(std::move(item));
        }
        GRAPHQL_TRY(advance());
        leave();
        return v;
    case Kind::BraceL:
        v.kind = GraphQLValue::Kind::Object;
        GRAPHQL_TRY(enter(v.offset));
        GRAPHQL_TRY(advance());
        while (!peek(Kind::BraceR)) {
            const std::size_t fieldOffset = m_token.offset;
            GRAPHQL_ASSIGN(fieldName, name());
            GRAPHQL_TRY(expect(Kind::Colon));
            GRAPHQL_ASSIGN(fieldValue, value(isConst));
            v.fields.emplace_back(std::move(fieldName), std::move(fieldValue));
            v.fieldOffsets.push_back(fieldOffset);
        }
        GRAPHQL_TRY(advance());
        leave();
        return v;
    default:
        return unexpected();
    }
}

} // namespace petstore::core
