// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/requests/openapicollection.h"

#include <QFile>
#include <QTest>

using namespace petstore::core;

namespace {

const HttpRequestSpec *findRequest(const Collection &collection, const std::string &method, const std::string &urlStart)
{
    for (const auto &folder : collection.folders)
        for (const auto &request : folder.requests)
            if (request.method == method && request.url.rfind(urlStart, 0) == 0
                && (urlStart.back() == '/' || request.url.size() == urlStart.size() || request.url[urlStart.size()] == '?'))
                return &request;
    return nullptr;
}

} // namespace

class TestOpenApiCollection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void buildsOneRequestPerOperationOfTheMocksSpec()
    {
        QFile file(qEnvironmentVariable("PETSTORE_SOURCE_DIR") + QStringLiteral("/specs/openapi/petstore.yaml"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto collection = OpenApiCollection::fromText(file.readAll().toStdString());
        QVERIFY2(collection.ok(), collection.ok() ? "" : collection.error().message.c_str());
        QCOMPARE(collection->requestCount(), std::size_t(43));
        QVERIFY(!collection->name.empty());

        const HttpRequestSpec *create = findRequest(*collection, "POST", "{{baseUrl}}/pets");
        QVERIFY(create);
        QCOMPARE(int(create->bodyKind), int(RequestBodyKind::Json));
        const auto body = nlohmann::json::parse(create->body, nullptr, false);
        QVERIFY(body.is_object());
        QVERIFY(body.contains("name"));
        QVERIFY(body.contains("species"));

        const HttpRequestSpec *token = findRequest(*collection, "POST", "{{baseUrl}}/auth/tokens");
        QVERIFY(token);
        QCOMPARE(QString::fromStdString(nlohmann::json::parse(token->body)["username"].get<std::string>()), QStringLiteral("alice"));
        QCOMPARE(int(token->auth.kind), int(RequestAuthKind::None));

        const HttpRequestSpec *graphql = findRequest(*collection, "POST", "{{baseUrl}}/graphql");
        QVERIFY(graphql);
        QVERIFY(nlohmann::json::parse(graphql->body)["query"].get<std::string>().find("pet(id: $id)") != std::string::npos);

        const HttpRequestSpec *getPet = findRequest(*collection, "GET", "{{baseUrl}}/pets/");
        QVERIFY(getPet);
        QVERIFY(getPet->url.find('{') == 0 && getPet->url.find("{petId}") == std::string::npos);
    }

    void groupsByFirstTagAndFillsParameters()
    {
        const auto collection = OpenApiCollection::fromJson(nlohmann::json::parse("{\n"
"          \"openapi\": \"3.1.0\", \"info\": {\"title\": \"Mini\"},\n"
"          \"components\": {\n"
"            \"securitySchemes\": {\"bearer\": {\"type\": \"http\", \"scheme\": \"bearer\"}},\n"
"            \"parameters\": {\"Limit\": {\"name\": \"limit\", \"in\": \"query\", \"required\": true, \"schema\": {\"type\": \"integer\", \"default\": 20}}},\n"
"            \"schemas\": {\"Node\": {\"type\": \"object\", \"properties\": {\"id\": {\"type\": \"string\", \"readOnly\": true},\n"
"                                  \"name\": {\"type\": \"string\"}, \"child\": {\"$ref\": \"#/components/schemas/Node\"}}}}\n"
"          },\n"
"          \"security\": [{\"bearer\": []}],\n"
"          \"paths\": {\n"
"            \"/things/{thingId}\": {\n"
"              \"parameters\": [{\"name\": \"thingId\", \"in\": \"path\", \"required\": true, \"example\": \"t1\"}],\n"
"              \"get\": {\"tags\": [\"Things\"], \"operationId\": \"getThing\",\n"
"                      \"parameters\": [{\"$ref\": \"#/components/parameters/Limit\"},\n"
"                                     {\"name\": \"X-Mode\", \"in\": \"header\", \"required\": true, \"schema\": {\"enum\": [\"a\", \"b\"]}},\n"
"                                     {\"name\": \"optional\", \"in\": \"query\"}]},\n"
"              \"put\": {\"summary\": \"Replace\", \"security\": [],\n"
"                      \"requestBody\": {\"content\": {\"application/json\": {\"schema\": {\"$ref\": \"#/components/schemas/Node\"}}}}}\n"
"            },\n"
"            \"/other/{id}\": {\"delete\": {}}\n"
"          }\n"
"        }"));
        QVERIFY(collection.ok());
        QCOMPARE(QString::fromStdString(collection->name), QStringLiteral("Mini"));
        QCOMPARE(collection->folders.size(), std::size_t(2));
        // Paths come in sorted order (the JSON object model keeps members sorted).
        QCOMPARE(QString::fromStdString(collection->folders[0].name), QStringLiteral("default"));
        QCOMPARE(QString::fromStdString(collection->folders[1].name), QStringLiteral("Things"));

        const auto &get = collection->folders[1].requests[0];
        QCOMPARE(QString::fromStdString(get.name), QStringLiteral("getThing"));
        QCOMPARE(QString::fromStdString(get.url), QStringLiteral("{{baseUrl}}/things/t1?limit=20"));
        QCOMPARE(get.headers.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(get.headers[0].value), QStringLiteral("a"));
        QCOMPARE(int(get.auth.kind), int(RequestAuthKind::Bearer));
        QCOMPARE(QString::fromStdString(get.auth.token), QStringLiteral("{{token}}"));

        const auto &put = collection->folders[0].requests[1];
        QCOMPARE(QString::fromStdString(put.name), QStringLiteral("Replace"));
        QCOMPARE(int(put.auth.kind), int(RequestAuthKind::None));
        // readOnly id left out; the recursive child stops at the cycle instead of looping.
        QCOMPARE(QString::fromStdString(nlohmann::json::parse(put.body).dump()), QStringLiteral("{\"name\":\"string\"}"));

        const auto &remove = collection->folders[0].requests[0];
        QCOMPARE(QString::fromStdString(remove.url), QStringLiteral("{{baseUrl}}/other/{{id}}"));
    }

    void refusesWhatIsNotOpenApi3_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("swagger 2") << "{\"swagger\":\"2.0\",\"paths\":{}}" << "Not an OpenAPI 3 document";
        QTest::newRow("array") << "[1]" << "Not an OpenAPI 3 document";
        QTest::newRow("broken json") << "{\"openapi\":" << "Not valid JSON";
        QTest::newRow("broken yaml") << "openapi: [3.0" << "YAML:";
        QTest::newRow("no paths") << "openapi: 3.0.3" << "The OpenAPI document has no \"paths\" object";
        QTest::newRow("no operations") << "{\"openapi\":\"3.0.0\",\"paths\":{\"/a\":{}}}" << "The OpenAPI document has no operations";
        QTest::newRow("wrong member type") << "{\"openapi\":\"3.0.0\",\"paths\":{\"/a\":{\"get\":{\"parameters\":[{\"name\":\"x\",\"in\":\"query\",\"required\":\"yes\"}]}}}}"
                                           << "Malformed OpenAPI document";
    }
    void refusesWhatIsNotOpenApi3()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        const auto collection = OpenApiCollection::fromText(text.toStdString());
        QVERIFY(!collection.ok());
        QVERIFY2(QString::fromStdString(collection.error().message).startsWith(message), collection.error().message.c_str());
    }
};

QTEST_APPLESS_MAIN(TestOpenApiCollection)
#include "tst_openapicollection.moc"
