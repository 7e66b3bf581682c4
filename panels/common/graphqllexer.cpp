// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/common/graphqllexer.h"

#include <Qsci/qsciscintilla.h>

#include <QSet>

namespace petstore::panels {

namespace {

bool isNameStart(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}

bool isNameChar(char c)
{
    return isNameStart(c) || (c >= '0' && c <= '9');
}

const QSet<QByteArray> &graphqlKeywords()
{
    static const QSet<QByteArray> words = {
        "query", "mutation", "subscription", "fragment", "on", "true", "false", "null", "schema",
        "type", "interface", "union", "enum", "input", "scalar", "directive", "extend", "implements", "repeatable"};
    return words;
}

} // namespace

GraphQLLexer::GraphQLLexer(QObject *parent) : QsciLexerCustom(parent) {}

QString GraphQLLexer::description(int style) const
{
    switch (style) {
    case Default: return tr("Default");
    case Keyword: return tr("Keyword");
    case String: return tr("String");
    case Number: return tr("Number");
    case Comment: return tr("Comment");
    case Punctuation: return tr("Punctuation");
    case Variable: return tr("Variable");
    case Directive: return tr("Directive");
    default: return QString();
    }
}

void GraphQLLexer::styleText(int, int)
{
    QsciScintilla *editor = this->editor();
    if (!editor)
        return;
    const QByteArray text = editor->text().toUtf8();
    const int length = text.size();
    startStyling(0);
    int depth = 0;
    int line = 0;
    int lineDepth = 0;
    int maxDepthOnLine = 0;
    const auto endLine = [&] {
        // §SCI_SETFOLDLEVEL: level = base + depth at the line's start; header when it opens.
        int level = QsciScintilla::SC_FOLDLEVELBASE + lineDepth;
        if (maxDepthOnLine > lineDepth)
            level |= QsciScintilla::SC_FOLDLEVELHEADERFLAG;
        editor->SendScintilla(QsciScintilla::SCI_SETFOLDLEVEL, line, level);
        ++line;
        lineDepth = depth;
        maxDepthOnLine = depth;
    };
    int i = 0;
    while (i < length) {
        const char c = text[i];
        int end = i + 1;
        int style = Default;
        if (c == '#') {
            while (end < length && text[end] != '\n')
                ++end;
            style = Comment;
        } else if (text.mid(i, 3) == "\"\"\"") {
            const int close = text.indexOf("\"\"\"", i + 3);
            end = close < 0 ? length : close + 3;
            style = String;
        } else if (c == '"') {
            while (end < length && text[end] != '"' && text[end] != '\n')
                end += text[end] == '\\' ? 2 : 1;
            end = std::min(length, end + 1);
            style = String;
        } else if (c == '$' || c == '@') {
            while (end < length && isNameChar(text[end]))
                ++end;
            style = c == '$' ? Variable : Directive;
        } else if (isNameStart(c)) {
            while (end < length && isNameChar(text[end]))
                ++end;
            style = graphqlKeywords().contains(text.mid(i, end - i)) ? Keyword : Default;
        } else if ((c >= '0' && c <= '9') || c == '-') {
            while (end < length && (isNameChar(text[end]) || text[end] == '.' || text[end] == '+' || text[end] == '-'))
                ++end;
            style = Number;
        } else if (QByteArrayLiteral("!$&()...:=@[]{}|").contains(c)) {
            style = Punctuation;
            if (c == '{' || c == '(' || c == '[')
                maxDepthOnLine = std::max(maxDepthOnLine, ++depth);
            else if ((c == '}' || c == ')' || c == ']') && depth > 0)
                --depth;
        }
        for (int k = i; k < end; ++k) {
            if (text[k] == '\n')
                endLine();
        }
        setStyling(end - i, style);
        i = end;
    }
    endLine();
}

} // namespace petstore::panels
