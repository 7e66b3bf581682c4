// SPDX-License-Identifier: GPL-3.0-or-later
// The GraphQL engine end to end on a small library schema: fields, aliases, fragments,
// interfaces and unions come out as the spec says; one resolver call per field per list
// (the batching the Petstore resolvers rely on); null propagation and field errors with path
// and locations; request errors without data; serial mutations; subscription events; limits.
#include "core/protocols/graphql/graphqlengine.h"
#include "core/protocols/graphql/graphqlschemabuilder.h"

#include <QTest>

using namespace petstore::core;
using json = nlohmann::json;
using ordered_json = nlohmann::ordered_json;

namespace {

const char *Sdl = "\n"
"interface Named { name: String! }\n"
"type Author implements Named { name: String! books: [Book!]! }\n"
"type Book implements Named { name: String! year: Int author: Author! rating: Float broken: String! secret: String genre: Genre }\n"
"union Item = Author | Book\n"
"enum Genre { FICTION HISTORY }\n"
"input BookFilter { minYear: Int = 1900, genre: Genre }\n"
"type Query {\n"
"  books(filter: BookFilter, first: Int = 10): [Book!]!\n"
"  book(name: String!): Book\n"
"  item(name: String!): Item\n"
"  named: [Named!]!\n"
"  hello(name: String = \"world\"): String!\n"
"  filterEcho(filter: BookFilter): String!\n"
"  when: String\n"
"}\n"
"type Mutation { add(name: String!): Int! }\n"
"type Subscription { bookAdded: Book! }\n"
"";

struct Book
{
    std::string name;
    int year;
    std::string author;
};

struct Author
{
    std::string name;
};

const std::vector<Book> Books = {{"Dune", 1965, "Herbert"}, {"Emma", 1815, "Austen"}, {"Persuasion", 1817, "Austen"}};

struct Fixture
{
    std::vector<std::string> log;            // resolver calls, "Type.field×parents"
    std::vector<std::string> added;
    std::unique_ptr<GraphQLEngine> engine;

    Fixture()
    {
        auto schema = GraphQLSchemaBuilder::build(Sdl);
        if (!schema)
            qFatal("%s", schema.error().message.c_str());
        GraphQLResolvers r;
        auto logged = [this](std::string name, GraphQLResolvers::Batch inner) {
            return [this, name, inner](const GraphQLFieldBatch &b) {
                log.push_back(name + "x" + std::to_string(b.parents.size()));
                return inner(b);
            };
        };
        r.batch("Query", "books", logged("Query.books", [](const GraphQLFieldBatch &b) {
            std::vector<GraphQLResolved> list;
            const json filter = b.arguments.value("filter", json());
            const int minYear = filter.is_object() ? filter.value("minYear", 0) : 0;
            for (const Book &book : Books)
                if (book.year >= minYear)
                    list.push_back(GraphQLResolved::object(book));
            return std::vector<GraphQLResolved>{GraphQLResolved::list(std::move(list))};
        }));
        r.each("Query", "book", [](const std::any &, const GraphQLFieldBatch &b) {
            for (const Book &book : Books)
                if (book.name == b.arguments["name"])
                    return GraphQLResolved::object(book);
            return GraphQLResolved::error("No book named " + b.arguments["name"].get<std::string>() + '.',
                                          {{"code", "NOT_FOUND"}});
        });
        r.each("Query", "item", [](const std::any &, const GraphQLFieldBatch &b) {
            const std::string name = b.arguments["name"];
            if (name == "Austen")
                return GraphQLResolved::object(Author{name}, "Author");
            if (name == "nameless")
                return GraphQLResolved::object(Author{name});
            return GraphQLResolved::object(Books[0], "Book");
        });
        r.each("Query", "named", [](const std::any &, const GraphQLFieldBatch &) {
            return GraphQLResolved::list({GraphQLResolved::object(Books[1], "Book"), GraphQLResolved::object(Author{"Austen"}, "Author")});
        });
        r.each("Query", "hello", [](const std::any &, const GraphQLFieldBatch &b) {
            return GraphQLResolved::leaf("hello " + b.arguments["name"].get<std::string>());
        });
        r.each("Query", "filterEcho", [](const std::any &, const GraphQLFieldBatch &b) {
            return GraphQLResolved::leaf(b.arguments.dump());
        });
        r.each("Query", "when", [](const std::any &, const GraphQLFieldBatch &) { return GraphQLResolved::leaf(ordered_json::array({1.5})); });
        r.batch("Book", "name", logged("Book.name", [](const GraphQLFieldBatch &b) {
            std::vector<GraphQLResolved> out;
            for (const std::any *p : b.parents)
                out.push_back(GraphQLResolved::leaf(std::any_cast<const Book &>(*p).name));
            return out;
        }));
        r.member<Book>("Book", "year", [](const Book &book) { return GraphQLResolved::leaf(book.year); });
        r.member<Book>("Book", "rating", [](const Book &book) { return GraphQLResolved::leaf(book.year == 1965 ? 4.5 : 4.0); });
        r.member<Book>("Book", "genre", [](const Book &book) { return GraphQLResolved::leaf(book.year == 1965 ? "SCIFI" : "FICTION"); });
        r.member<Book>("Book", "broken", [](const Book &book) {
            return book.name == "Emma" ? GraphQLResolved() : GraphQLResolved::leaf("ok");
        });
        r.member<Book>("Book", "secret", [](const Book &) { return GraphQLResolved::error("Classified."); });
        r.batch("Book", "author", logged("Book.author", [](const GraphQLFieldBatch &b) {
            std::vector<GraphQLResolved> out;
            for (const std::any *p : b.parents)
                out.push_back(GraphQLResolved::object(Author{std::any_cast<const Book &>(*p).author}));
            return out;
        }));
        r.batch("Author", "name", logged("Author.name", [](const GraphQLFieldBatch &b) {
            std::vector<GraphQLResolved> out;
            for (const std::any *p : b.parents)
                out.push_back(GraphQLResolved::leaf(std::any_cast<const Author &>(*p).name));
            return out;
        }));
        r.member<Author>("Author", "books", [](const Author &author) {
            std::vector<GraphQLResolved> list;
            for (const Book &book : Books)
                if (book.author == author.name)
                    list.push_back(GraphQLResolved::object(book));
            return GraphQLResolved::list(std::move(list));
        });
        r.each("Mutation", "add", [this](const std::any &, const GraphQLFieldBatch &b) {
            added.push_back(b.arguments["name"]);
            return GraphQLResolved::leaf(static_cast<int>(added.size()));
        });
        if (!r.missing(**schema).empty())
            qFatal("resolvers missing: %s", r.missing(**schema).front().c_str());
        GraphQLEngine::Limits limits;
        limits.cost.maxDepth = 4;
        limits.cost.maxComplexity = 60;
        limits.cost.maxAliases = 3;
        limits.maxTokens = 200;
        engine = std::make_unique<GraphQLEngine>(*schema, std::move(r), limits);
    }

    ordered_json run(const std::string &query, const json &variables = json::object(), const std::string &operation = {})
    {
        return engine->execute(engine->prepare(query, operation, variables), nullptr).toJson();
    }
};

} // namespace

class TestGraphQLExecution : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void executesFieldsAliasesFragmentsAndTypenames()
    {
        Fixture f;
        const auto response = f.run("{ first: books(first: 1) { ...B } hello __typename }\n"
                                    "fragment B on Book { name ... on Book { year } __typename }");
        QCOMPARE(QString::fromStdString(response.dump()), QString::fromStdString(std::string("{\"data\":{\"first\":[{\"name\":\"Dune\",\"year\":1965,\"__typename\":\"Book\"},"
                             "{\"name\":\"Emma\",\"year\":1815,\"__typename\":\"Book\"},"
                             "{\"name\":\"Persuasion\",\"year\":1817,\"__typename\":\"Book\"}],\"hello\":\"hello world\",\"__typename\":\"Query\"}}")));
    }

    void resolvesEachFieldOnceForAWholeList()
    {
        Fixture f;
        GraphQLExecutor::Statistics statistics;
        const auto prepared = f.engine->prepare("{ books { name author { name } } }", {}, json::object());
        const auto response = f.engine->execute(prepared, nullptr, &statistics).toJson();
        QCOMPARE(QString::fromStdString(response["data"]["books"][2]["author"]["name"].get<std::string>()), QString::fromStdString(std::string("Austen")));
        const std::vector<std::string> expected{"Query.booksx1", "Book.namex3", "Book.authorx3", "Author.namex3"};
        QCOMPARE(f.log, expected);
        QCOMPARE(statistics.resolverCalls, std::size_t(4));
        QCOMPARE(statistics.resolvedValues, std::size_t(10));
    }

    void nullInANonNullFieldNullsTheNearestNullableParent()
    {
        Fixture f;
        const auto response = f.run("{ books {\n name broken } hello }");
        QCOMPARE(QString::fromStdString(response.dump()), QString::fromStdString(std::string("{\"errors\":[{\"message\":\"Cannot return null for non-nullable field Book.broken.\","
                             "\"locations\":[{\"line\":2,\"column\":7}],\"path\":[\"books\",1,\"broken\"]}],\"data\":null}")));
        const auto nullable = f.run("{ book(name: \"Dune\") { name secret } }");
        QCOMPARE(QString::fromStdString(nullable.dump()), QString::fromStdString(std::string("{\"errors\":[{\"message\":\"Classified.\",\"locations\":[{\"line\":1,\"column\":29}],\"path\":[\"book\",\"secret\"]}],"
                             "\"data\":{\"book\":{\"name\":\"Dune\",\"secret\":null}}}")));
    }

    void resolverErrorsKeepTheirExtensions()
    {
        Fixture f;
        const auto response = f.run("{ a: book(name: \"Dune\") { name } b: book(name: \"Ulysses\") { name } }");
        QCOMPARE(QString::fromStdString(response["data"].dump()), QString::fromStdString(std::string("{\"a\":{\"name\":\"Dune\"},\"b\":null}")));
        QCOMPARE(QString::fromStdString(response["errors"][0]["extensions"]["code"].get<std::string>()), QString::fromStdString(std::string("NOT_FOUND")));
        QCOMPARE(QString::fromStdString(response["errors"][0]["path"].dump()), QString::fromStdString(std::string("[\"b\"]")));
    }

    void abstractTypesResolveToTheObjectTypeTheResolverNames()
    {
        Fixture f;
        const auto response = f.run("{ named { name __typename ... on Author { books { year } } }"
                                    " item(name: \"Austen\") { ... on Author { name } ... on Book { year } } }");
        QCOMPARE(QString::fromStdString(response.dump()), QString::fromStdString(std::string("{\"data\":{\"named\":[{\"name\":\"Emma\",\"__typename\":\"Book\"},{\"name\":\"Austen\",\"__typename\":\"Author\","
                             "\"books\":[{\"year\":1815},{\"year\":1817}]}],\"item\":{\"name\":\"Austen\"}}}")));
        const auto nameless = f.run("{ item(name: \"nameless\") { __typename } }");
        QVERIFY(nameless["errors"][0]["message"].get<std::string>().find("must resolve to an Object type") != std::string::npos);
        QCOMPARE(QString::fromStdString(nameless["data"].dump()), QString::fromStdString(std::string("{\"item\":null}")));
    }

    void skipAndIncludeFollowVariables()
    {
        Fixture f;
        const std::string query = "query ($with: Boolean!) { book(name: \"Dune\") { name @include(if: $with) year @skip(if: $with) } }";
        QCOMPARE(QString::fromStdString(f.run(query, {{"with", true}}).dump()), QString::fromStdString(std::string("{\"data\":{\"book\":{\"name\":\"Dune\"}}}")));
        QCOMPARE(QString::fromStdString(f.run(query, {{"with", false}}).dump()), QString::fromStdString(std::string("{\"data\":{\"book\":{\"year\":1965}}}")));
    }

    void argumentsGetTheirDefaultsAndCoercedInputObjects()
    {
        Fixture f;
        QCOMPARE(QString::fromStdString(f.run("{ filterEcho(filter: {genre: HISTORY}) }")["data"]["filterEcho"].get<std::string>()), QString::fromStdString(std::string("{\"filter\":{\"genre\":\"HISTORY\",\"minYear\":1900}}")));
        QCOMPARE(QString::fromStdString(f.run("query ($f: BookFilter) { filterEcho(filter: $f) }", {{"f", {{"minYear", 2000}}}})["data"]["filterEcho"].get<std::string>()), QString::fromStdString(std::string("{\"filter\":{\"minYear\":2000}}")));
        QCOMPARE(f.run("{ books(filter: {minYear: 1816}) { name } }")["data"]["books"].size(), std::size_t(2));
    }

    void badVariablesAreRequestErrorsWithoutData()
    {
        Fixture f;
        const auto missing = f.run("query ($n: String!) { book(name: $n) { name } }");
        QCOMPARE(QString::fromStdString(missing.dump()), QString::fromStdString(std::string("{\"errors\":[{\"message\":\"Variable \\\"$n\\\" of required type \\\"String!\\\" was not provided.\","
                                             "\"locations\":[{\"line\":1,\"column\":8}]}]}")));
        const auto wrong = f.run("query ($f: BookFilter) { filterEcho(filter: $f) }", {{"f", {{"minYear", "old"}, {"extra", 1}}}});
        QCOMPARE(wrong["errors"].size(), std::size_t(2));
        QCOMPARE(QString::fromStdString(wrong["errors"][0]["message"].get<std::string>()), QString::fromStdString(std::string("Variable \"$f\" got invalid value \"old\" at \"f.minYear\"; Int cannot represent non-integer value: \"old\"")));
        QCOMPARE(QString::fromStdString(wrong["errors"][1]["message"].get<std::string>()), QString::fromStdString(std::string("Variable \"$f\" got invalid value { extra: 1, minYear: \"old\" }; Field \"extra\" is not defined by type \"BookFilter\".")));
        QVERIFY(!wrong.contains("data"));
    }

    void leafValuesAreSerialisedOrRefused()
    {
        Fixture f;
        const auto response = f.run("{ books(first: 1) { genre } when }");
        QCOMPARE(QString::fromStdString(response["errors"][0]["message"].get<std::string>()), QString::fromStdString(std::string("Enum \"Genre\" cannot represent value: \"SCIFI\"")));
        QCOMPARE(QString::fromStdString(response["errors"][1]["message"].get<std::string>()), QString::fromStdString(std::string("String cannot represent value: [1.5]")));
        QCOMPARE(QString::fromStdString(response["data"].dump()), QString::fromStdString(std::string("{\"books\":[{\"genre\":null},{\"genre\":\"FICTION\"},{\"genre\":\"FICTION\"}],\"when\":null}")));
    }

    void mutationsRunSeriallyInDocumentOrder()
    {
        Fixture f;
        const auto response = f.run("mutation { a: add(name: \"x\") b: add(name: \"y\") c: add(name: \"z\") }");
        QCOMPARE(QString::fromStdString(response.dump()), QString::fromStdString(std::string("{\"data\":{\"a\":1,\"b\":2,\"c\":3}}")));
        QCOMPARE(f.added, (std::vector<std::string>{"x", "y", "z"}));
    }

    void subscriptionEventsCompleteTheRootFieldFromTheEvent()
    {
        Fixture f;
        const auto prepared = f.engine->prepare("subscription { bookAdded { name author { name } } }", {}, json::object());
        QVERIFY(prepared.ok());
        const auto response = f.engine->executeEvent(prepared, GraphQLResolved::object(Books[2]), nullptr).toJson();
        QCOMPARE(QString::fromStdString(response.dump()), QString::fromStdString(std::string("{\"data\":{\"bookAdded\":{\"name\":\"Persuasion\",\"author\":{\"name\":\"Austen\"}}}}")));
    }

    void operationIsChosenByName()
    {
        Fixture f;
        const std::string two = "query A { hello } query B { hello(name: \"B\") }";
        QCOMPARE(QString::fromStdString(f.run(two, json::object(), "B")["data"]["hello"].get<std::string>()), QString::fromStdString(std::string("hello B")));
        QCOMPARE(QString::fromStdString(f.run(two)["errors"][0]["message"].get<std::string>()), QString::fromStdString(std::string("Must provide operation name if query contains multiple operations.")));
        QCOMPARE(QString::fromStdString(f.run(two, json::object(), "C")["errors"][0]["message"].get<std::string>()), QString::fromStdString(std::string("Unknown operation named \"C\".")));
    }

    void limitsRefuseCostlyOperationsBeforeTheyRun()
    {
        Fixture f;
        const auto deep = f.run("{ books { author { books { author { name } } } } }");
        QCOMPARE(QString::fromStdString(deep["errors"][0]["extensions"]["code"].get<std::string>()), QString::fromStdString(std::string("DEPTH_LIMIT_EXCEEDED")));
        QVERIFY(!deep.contains("data"));
        const auto wide = f.run("{ books(first: 30) { name year } }");
        QCOMPARE(QString::fromStdString(wide["errors"][0]["message"].get<std::string>()), QString::fromStdString(std::string("The operation's complexity is 61; the limit is 60. Each field costs 1 and the fields below one with `first: n` count n times.")));
        const auto aliases = f.run("{ a: hello b: hello c: hello d: hello }");
        QCOMPARE(QString::fromStdString(aliases["errors"][0]["extensions"]["code"].get<std::string>()), QString::fromStdString(std::string("ALIAS_LIMIT_EXCEEDED")));
        std::string flood = "{";
        for (int i = 0; i < 250; ++i)
            flood += " hello";
        QVERIFY(f.run(flood + " }")["errors"][0]["message"].get<std::string>().find("Syntax Error") == 0);
        QVERIFY(f.log.empty());   // nothing refused ever reached a resolver
    }

    void validationErrorsStopTheRequest()
    {
        Fixture f;
        const auto response = f.run("{ books { titel } }");
        QCOMPARE(QString::fromStdString(response.dump()), QString::fromStdString(std::string("{\"errors\":[{\"message\":\"Cannot query field \\\"titel\\\" on type \\\"Book\\\".\","
                                              "\"locations\":[{\"line\":1,\"column\":11}]}]}")));
    }
};

QTEST_GUILESS_MAIN(TestGraphQLExecution)
#include "tst_graphqlexecution.moc"
