// SPDX-License-Identifier: GPL-3.0-or-later
// The GraphQL lexer against the spec's lexical grammar (§2.1, §2.9): what is ignored, every
// token kind, string escapes and block strings, and a table of malformed input with the
// message and location graphql-js 16.15 gives for the same text (checked with its Lexer).
#include "core/protocols/graphql/graphqllexer.h"

#include <QTest>

using namespace petstore::core;
using Kind = GraphQLToken::Kind;

namespace {

// "Name:query BraceL:{ ..." for every token up to the end, or "error 1:5 Syntax Error: …".
QString lex(const std::string &source)
{
    GraphQLLexer lexer(source);
    QStringList parts;
    for (;;) {
        auto token = lexer.next();
        if (!token.ok())
            return QStringLiteral("error %1 %2").arg(QString::fromStdString(token.error().fields.front().field),
                                                      QString::fromStdString(token.error().message));
        if (token->kind == Kind::End)
            break;
        parts << QString::fromLatin1(GraphQLToken::kindName(token->kind)) + QLatin1Char(':') + QString::fromStdString(token->value);
    }
    return parts.join(QLatin1Char(' '));
}

} // namespace

class TestGraphQLLexer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsTokens_data()
    {
        QTest::addColumn<QByteArray>("source");
        QTest::addColumn<QString>("tokens");
        auto row = [](const char *name, const char *source, const char *tokens) {
            QTest::newRow(name) << QByteArray(source) << QString::fromUtf8(tokens);
        };
        row("ignored: BOM, commas, comments", "\xEF\xBB\xBF query ,, # comment\n { pet }", "Name:query {:{ Name:pet }:}");
        row("every punctuator", "! $ & ( ) ... : = @ [ ] { | }", "!:! $:$ &:& (:( ):) ...:... ::: =:= @:@ [:[ ]:] {:{ |:| }:}");
        row("names", "_a B9 __typename", "Name:_a Name:B9 Name:__typename");
        row("integers", "0 -0 42 -17", "Int:0 Int:-0 Int:42 Int:-17");
        row("floats", "1.5 -0.25 1e10 6.02E+23 1.0e-3", "Float:1.5 Float:-0.25 Float:1e10 Float:6.02E+23 Float:1.0e-3");
        row("string escapes", "\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\te\"", "String:a\"b\\c/d\b\f\n\r\te");
        row("unicode escapes", "\"\\u00e9\\u{1F436}\\uD83D\\uDC31\"", "String:\xC3\xA9\xF0\x9F\x90\xB6\xF0\x9F\x90\xB1");
        row("control characters are string characters", "\"a\x01\"", "String:a\x01");
        row("raw UTF-8 in a string", "\"Caf\xC3\xA9 \xF0\x9F\x90\xBE\"", "String:Caf\xC3\xA9 \xF0\x9F\x90\xBE");
        row("block string dedented", "\"\"\"\n    Hello,\n      World!\n\n    Yours\n  \"\"\"", "BlockString:Hello,\n  World!\n\nYours");
        row("block string escaped quotes", "\"\"\"a \\\"\"\" b\"\"\"", "BlockString:a \"\"\" b");
        row("CRLF line ends", "{\r\n a\r b\n}", "{:{ Name:a Name:b }:}");
    }

    void readsTokens()
    {
        QFETCH(QByteArray, source);
        QFETCH(QString, tokens);
        QCOMPARE(lex(source.toStdString()), tokens);
    }

    void refusesMalformedInputWithTheLocation_data()
    {
        QTest::addColumn<QByteArray>("source");
        QTest::addColumn<QString>("error");
        auto row = [](const char *name, const char *source, const char *error) {
            QTest::newRow(name) << QByteArray(source) << QString::fromUtf8(error);
        };
        row("unexpected character", "{ pet ? }", "error 1:7 Syntax Error: Unexpected character: \"?\".");
        row("control character", "{\x01}", "error 1:2 Syntax Error: Unexpected character: U+0001.");
        row("lone dot", "{ . }", "error 1:3 Syntax Error: Unexpected character: \".\".");
        row("two dots", "..", "error 1:1 Syntax Error: Unexpected character: \".\".");
        row("unterminated string", "{ a(s: \"open", "error 1:13 Syntax Error: Unterminated string.");
        row("line break in a string", "\"a\nb\"", "error 1:3 Syntax Error: Unterminated string.");
        row("bad escape", "\"\\x\"", "error 1:2 Syntax Error: Invalid character escape sequence: \"\\x\".");
        row("bad unicode escape", "\"\\u12G4\"", "error 1:2 Syntax Error: Invalid Unicode escape sequence: \"\\u12G4\".");
        row("lone surrogate", "\"\\uD800\"", "error 1:2 Syntax Error: Invalid Unicode escape sequence: \"\\uD800\".");
        row("leading zero", "01", "error 1:2 Syntax Error: Invalid number, unexpected digit after 0: \"1\".");
        row("minus alone", "- 1", "error 1:2 Syntax Error: Invalid number, expected digit but got: \" \".");
        row("dot without digits", "1.", "error 1:3 Syntax Error: Invalid number, expected digit but got: <EOF>.");
        row("number into a name", "123abc", "error 1:4 Syntax Error: Invalid number, expected digit but got: \"a\".");
        row("two dots in a number", "1.2.3", "error 1:4 Syntax Error: Invalid number, expected digit but got: \".\".");
        row("empty exponent", "1e", "error 1:3 Syntax Error: Invalid number, expected digit but got: <EOF>.");
        row("invalid UTF-8", "{ \xC3\x28 }", "error 1:3 Syntax Error: Invalid UTF-8.");
        row("unterminated block string", "\"\"\"abc", "error 1:7 Syntax Error: Unterminated string.");
        row("columns count UTF-16 units", "\"\xF0\x9F\x90\xB6\" ?", "error 1:6 Syntax Error: Unexpected character: \"?\".");
        row("error on a later line", "{\n  pet\n  ^\n}", "error 3:3 Syntax Error: Unexpected character: \"^\".");
    }

    void refusesMalformedInputWithTheLocation()
    {
        QFETCH(QByteArray, source);
        QFETCH(QString, error);
        QCOMPARE(lex(source.toStdString()), error);
    }

    void boundsTheNumberOfTokens()
    {
        GraphQLLexer lexer("{ a b c d }", 3);
        for (int i = 0; i < 3; ++i)
            QVERIFY(lexer.next().ok());
        auto fourth = lexer.next();
        QVERIFY(!fourth.ok());
        QCOMPARE(QString::fromStdString(fourth.error().message),
                 QStringLiteral("Syntax Error: Document contains more than 3 tokens. Parsing aborted."));
    }

    void locatesOffsets()
    {
        const std::string source = "query {\r\n  pet\r\n}";
        GraphQLLexer lexer(source);
        QCOMPARE(lexer.locate(0).line, 1);
        QCOMPARE(lexer.locate(source.find("pet")).line, 2);
        QCOMPARE(lexer.locate(source.find("pet")).column, 3);
        QCOMPARE(lexer.locate(source.find('}')).line, 3);
    }
};

QTEST_GUILESS_MAIN(TestGraphQLLexer)
#include "tst_graphqllexer.moc"
