// SPDX-License-Identifier: GPL-3.0-or-later
// The GraphQL parser: a document using every executable construct comes out as the expected
// tree; malformed documents get the message and location graphql-js 16.15's parse() gives for
// the same text; hostile nesting and token floods are refused, not followed.
#include "core/protocols/graphql/graphqlparser.h"

#include <QTest>

using namespace petstore::core;

class TestGraphQLParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesEveryExecutableConstruct()
    {
        const std::string source =
            "query Pets($first: Int = 10, $status: [Status!]!) @live {\n"
            "  top: pets(first: $first, filter: {status: $status, tags: [\"a\", 2.5, true, null, ENUM]}) {\n"
            "    ...PetBits @include(if: true)\n"
            "    ... on Dog { barks }\n"
            "    ... @skip(if: false) { name }\n"
            "  }\n"
            "}\n"
            "fragment PetBits on Pet { id }\n"
            "mutation { adopt(id: \"p1\") { status } }\n";
        auto parsed = GraphQLParser::parse(source);
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().message.c_str());
        const GraphQLDocument &doc = parsed.value();
        QCOMPARE(doc.operations.size(), std::size_t(2));
        QCOMPARE(doc.fragments.size(), std::size_t(1));
        QCOMPARE(doc.definitions.size(), std::size_t(3));
        QVERIFY(!doc.definitions[1].isOperation);

        const GraphQLOperation &query = doc.operations[0];
        QCOMPARE(query.name, std::string("Pets"));
        QCOMPARE(query.variables.size(), std::size_t(2));
        QCOMPARE(query.variables[0].defaultValue->text, std::string("10"));
        QCOMPARE(query.variables[1].type.print(), std::string("[Status!]!"));
        QCOMPARE(query.directives.front().name, std::string("live"));
        const GraphQLSelection &pets = query.selections.front();
        QCOMPARE(pets.responseKey(), std::string("top"));
        QCOMPARE(pets.name, std::string("pets"));
        QCOMPARE(pets.arguments.size(), std::size_t(2));
        QCOMPARE(int(pets.arguments[0].value.kind), int(GraphQLValue::Kind::Variable));
        const GraphQLValue &filter = pets.arguments[1].value;
        QCOMPARE(filter.fields.size(), std::size_t(2));
        QCOMPARE(filter.fields[1].second.items.size(), std::size_t(5));
        QCOMPARE(int(filter.fields[1].second.items[4].kind), int(GraphQLValue::Kind::Enum));
        QCOMPARE(pets.selections.size(), std::size_t(3));
        QCOMPARE(int(pets.selections[0].kind), int(GraphQLSelection::Kind::FragmentSpread));
        QCOMPARE(pets.selections[1].typeCondition, std::string("Dog"));
        QVERIFY(pets.selections[2].typeCondition.empty());
        QCOMPARE(doc.fragments[0].typeCondition, std::string("Pet"));
        QCOMPARE(int(doc.operations[1].kind), int(GraphQLOperation::Kind::Mutation));

        GraphQLLexer lexer(source);
        const GraphQLLocation at = lexer.locate(pets.selections[1].offset);
        QCOMPARE(at.line, 4);
        QCOMPARE(at.column, 5);
    }

    void refusesWhatGraphQLJsRefuses_data()
    {
        QTest::addColumn<QByteArray>("source");
        QTest::addColumn<QString>("location");
        QTest::addColumn<QString>("message");
        auto row = [](const char *source, const char *location, const char *message) {
            QTest::newRow(source) << QByteArray(source) << QString::fromLatin1(location) << QString::fromUtf8(message);
        };
        row("{}", "1:2", "Syntax Error: Expected Name, found \"}\".");
        row("{ pet(id: ) }", "1:11", "Syntax Error: Unexpected \")\".");
        row("query Q($id: ID = $x) { a }", "1:19", "Syntax Error: Unexpected variable \"$x\" in constant value.");
        row("fragment on on Pet { a }", "1:10", "Syntax Error: Unexpected Name \"on\".");
        row("{ ...on }", "1:9", "Syntax Error: Expected Name, found \"}\".");
        row("query { a", "1:10", "Syntax Error: Expected Name, found <EOF>.");
        row("{ a(x: [1, 2) }", "1:13", "Syntax Error: Unexpected \")\".");
        row("{ a(x: {b 1}) }", "1:11", "Syntax Error: Expected \":\", found Int \"1\".");
        row("quer { a }", "1:1", "Syntax Error: Unexpected Name \"quer\".");
        row("{ a }}", "1:6", "Syntax Error: Unexpected \"}\".");
        row("", "1:1", "Syntax Error: Unexpected <EOF>.");
        row("query ($a Int) { a }", "1:11", "Syntax Error: Expected \":\", found Name \"Int\".");
        row("{ a @ }", "1:7", "Syntax Error: Expected Name, found \"}\".");
        row("{ alias: }", "1:10", "Syntax Error: Expected Name, found \"}\".");
    }

    void refusesWhatGraphQLJsRefuses()
    {
        QFETCH(QByteArray, source);
        QFETCH(QString, location);
        QFETCH(QString, message);
        auto parsed = GraphQLParser::parse(source.toStdString());
        QVERIFY(!parsed.ok());
        QCOMPARE(QString::fromStdString(parsed.error().message), message);
        QCOMPARE(QString::fromStdString(parsed.error().fields.front().field), location);
    }

    void refusesHostileNestingAndFloods()
    {
        std::string deep;
        for (int i = 0; i < 100000; ++i)
            deep += "{ a ";
        auto nested = GraphQLParser::parse(deep);
        QVERIFY(!nested.ok());
        QVERIFY(nested.error().message.find("nests deeper than 128 levels") != std::string::npos);

        auto lists = GraphQLParser::parse("{ a(x: " + std::string(50000, '[') + ") }");
        QVERIFY(!lists.ok());
        QVERIFY(lists.error().message.find("nests deeper") != std::string::npos);

        std::string wide = "{ ";
        for (int i = 0; i < 2000; ++i)
            wide += "a" + std::to_string(i) + ' ';
        auto flood = GraphQLParser::parse(wide + "}", {1000, 128});
        QVERIFY(!flood.ok());
        QVERIFY(flood.error().message.find("more than 1000 tokens") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestGraphQLParser)
#include "tst_graphqlparser.moc"
