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
        QVERIFY(!doc.definitions[1].executable() || doc.definitions[1].kind == GraphQLDocument::Definition::Kind::Fragment);

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
        // Type system definitions (§3).
        row("\"desc\" extend type A @d", "1:1", "Syntax Error: Unexpected description, only GraphQL definitions support descriptions.");
        row("extend type A", "1:14", "Syntax Error: Unexpected <EOF>.");
        row("type A {}", "1:9", "Syntax Error: Expected Name, found \"}\".");
        row("enum E { true }", "1:10", "Syntax Error: Name \"true\" is reserved and cannot be used for an enum value.");
        row("directive @d on FOO", "1:17", "Syntax Error: Unexpected Name \"FOO\".");
        row("schema { nope: Q }", "1:10", "Syntax Error: Unexpected Name \"nope\".");
        row("extend schema", "1:14", "Syntax Error: Unexpected <EOF>.");
        row("union U =", "1:10", "Syntax Error: Expected Name, found <EOF>.");
        row("type A { f($a: Int): Int }", "1:12", "Syntax Error: Expected Name, found \"$\".");
        row("scalar", "1:7", "Syntax Error: Expected Name, found <EOF>.");
        row("extend directive @x on FIELD", "1:8", "Syntax Error: Unexpected Name \"directive\".");
    }

    void parsesTypeSystemDefinitions()
    {
        const std::string sdl =
            "\"\"\"The root\"\"\" schema { query: Query mutation: Mutation }\n"
            "extend schema @live\n"
            "\"\"\"\n  An instant.\n  \"\"\" scalar DateTime @specifiedBy(url: \"https://example.com\")\n"
            "type Pet implements Node & Named @key(fields: \"id\") {\n"
            "  \"Its id\" id: ID!\n"
            "  orders(first: Int = 10 @deprecated, \"cursor\" after: String): [Order!]! @deprecated(reason: \"x\")\n"
            "}\n"
            "interface Node implements Named { id: ID! }\n"
            "union SearchResult = | Pet | Order\n"
            "enum Status { AVAILABLE @deprecated PENDING }\n"
            "input PetFilter { status: Status = AVAILABLE, tags: [String!] }\n"
            "directive @key(fields: String!) repeatable on | OBJECT | INTERFACE\n"
            "extend type Pet { age: Int }\n"
            "\"described\" query Q { a }\n";
        auto parsed = GraphQLParser::parse(sdl);
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().message.c_str());
        const GraphQLDocument &doc = parsed.value();
        QCOMPARE(doc.schemas.size(), std::size_t(2));
        QCOMPARE(doc.schemas[0].description, std::string("The root"));
        QCOMPARE(doc.schemas[0].rootTypes.size(), std::size_t(2));
        QVERIFY(doc.schemas[1].extension);
        QCOMPARE(doc.types.size(), std::size_t(7));
        QCOMPARE(doc.types[0].description, std::string("An instant."));
        const GraphQLTypeDefinition &pet = doc.types[1];
        QCOMPARE(pet.interfaces, (std::vector<std::string>{"Node", "Named"}));
        QCOMPARE(pet.fields.size(), std::size_t(2));
        QCOMPARE(pet.fields[0].description, std::string("Its id"));
        QCOMPARE(pet.fields[1].arguments.size(), std::size_t(2));
        QCOMPARE(pet.fields[1].arguments[0].defaultValue->text, std::string("10"));
        QCOMPARE(pet.fields[1].type.print(), std::string("[Order!]!"));
        QCOMPARE(doc.types[3].members, (std::vector<std::string>{"Pet", "Order"}));
        QCOMPARE(doc.types[4].values.size(), std::size_t(2));
        QCOMPARE(doc.types[5].inputFields[0].defaultValue->text, std::string("AVAILABLE"));
        QVERIFY(doc.types[6].extension);
        QCOMPARE(doc.directives.front().locations, (std::vector<std::string>{"OBJECT", "INTERFACE"}));
        QVERIFY(doc.directives.front().repeatable);
        QCOMPARE(doc.operations.front().description, std::string("described"));
        QVERIFY(!doc.definitions.front().executable());
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
