// SPDX-License-Identifier: GPL-3.0-or-later
// Hostile GraphQL documents against the Petstore schema: each is refused with a clear GraphQL
// error before anything runs (or, for the harmless large ones, accepted), never followed into
// deep recursion, exponential work or unbounded memory.
#include "core/protocols/graphql/graphqlengine.h"
#include "core/protocols/graphql/graphqlschemabuilder.h"

#include <QFile>
#include <QTest>

using namespace petstore::core;
using json = nlohmann::json;

class TestGraphQLHostile : public QObject
{
    Q_OBJECT

    std::unique_ptr<GraphQLEngine> m_engine;

    std::string firstError(const std::string &query, const json &variables = json::object())
    {
        const GraphQLPrepared prepared = m_engine->prepare(query, {}, variables);
        return prepared.errors.empty() ? std::string() : prepared.errors.front().message;
    }

    static std::string repeated(const std::string &part, int times)
    {
        std::string out;
        for (int i = 0; i < times; ++i)
            out += part;
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QFile file(qEnvironmentVariable("PETSTORE_SOURCE_DIR") + QStringLiteral("/specs/graphql/petstore.graphql"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        auto schema = GraphQLSchemaBuilder::build(file.readAll().toStdString());
        QVERIFY2(schema.ok(), schema.ok() ? "" : schema.error().message.c_str());
        m_engine = std::make_unique<GraphQLEngine>(std::move(schema).value(), GraphQLResolvers());
    }

    void deepNestingStopsTheParser()
    {
        const std::string query = repeated("{ me ", 5000) + repeated("}", 5000);
        QCOMPARE(QString::fromStdString(firstError(query)),
                 QStringLiteral("Syntax Error: Document nests deeper than 128 levels. Parsing aborted."));
    }

    void deepButParsableNestingHitsTheDepthLimit()
    {
        const std::string query = "{ me " + repeated("{ orders { pet ", 7) + "{ name }" + repeated("} } ", 7) + "}";
        QCOMPARE(QString::fromStdString(firstError(query)), QStringLiteral("The operation nests fields 16 levels deep; the limit is 12."));
    }

    void aliasBombsHitTheAliasLimit()
    {
        std::string query = "{";
        for (int i = 0; i < 60; ++i)
            query += " a" + std::to_string(i) + ": __typename";
        QCOMPARE(QString::fromStdString(firstError(query + " }")), QStringLiteral("The operation uses 60 aliases; the limit is 50."));
    }

    void tokenFloodsStopTheLexer()
    {
        const std::string photos = "mutation { createPet(input: {name: \"x\", species: CAT, photos: [" + repeated("\"a\" ", 20000) + "]}) { id } }";
        QVERIFY(firstError(photos).find("Syntax Error: Document contains more than 10000 tokens") == 0);
    }

    void fragmentCyclesAreRefused()
    {
        QCOMPARE(QString::fromStdString(firstError("{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }")),
                 QStringLiteral("Cannot spread fragment \"A\" within itself via \"B\"."));
    }

    void exponentialFragmentFanOutIsMeasuredOnceAndRefused()
    {
        // Each fragment spreads the next twice under a new field: 2^20 leaves if expanded.
        std::string query = "{ pets { nodes { ...F0 } } }\n";
        for (int i = 0; i < 20; ++i)
            query += "fragment F" + std::to_string(i) + " on Pet { orders { pet { ...F" + std::to_string(i + 1) + " } } a" +
                     std::to_string(i) + ": orders { pet { ...F" + std::to_string(i + 1) + " } } }\n";
        query += "fragment F20 on Pet { name }";
        const std::string error = firstError(query);
        QVERIFY2(error.find("nests fields") != std::string::npos || error.find("complexity") != std::string::npos, error.c_str());
    }

    void quadraticFieldMergingRunsOutOfBudget()
    {
        // 1,200 identical fields: 720,000 pairs, over graphql-js's work budget, so both stop.
        QCOMPARE(QString::fromStdString(firstError("{" + repeated(" __typename", 1200) + " }")), QStringLiteral("Validation aborted."));
    }

    void introspectionCannotFanOutThroughTheSchema()
    {
        QCOMPARE(QString::fromStdString(firstError("{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }")),
                 QStringLiteral("Maximum introspection depth exceeded"));
    }

    void invalidUtf8IsASyntaxError()
    {
        const std::string query = std::string("{ search(text: \"") + char(0xC3) + char(0x28) + "\") { __typename } }";
        QVERIFY(firstError(query).find("Syntax Error: Invalid UTF-8") == 0);
    }

    void largeStringsAreAcceptedAsTheyAre()
    {
        const std::string text(1 << 20, 'x');
        QCOMPARE(QString::fromStdString(firstError("{ search(text: \"" + text + "\") { __typename } }")), QString());
    }

    void hugeVariablesAreCoercedOrRefusedItemByItem()
    {
        json photos = json::array();
        for (int i = 0; i < 100000; ++i)
            photos.push_back(i == 99999 ? json(7) : json("https://example.com/p.jpg"));
        const std::string error = firstError("mutation ($p: [String!]) { createPet(input: {name: \"A\", species: CAT, photos: $p}) { id } }",
                                             {{"p", photos}});
        QCOMPARE(QString::fromStdString(error),
                 QStringLiteral("Variable \"$p\" got invalid value 7 at \"p[99999]\"; String cannot represent a non string value: 7"));
    }
};

QTEST_GUILESS_MAIN(TestGraphQLHostile)
#include "tst_graphqlhostile.moc"
