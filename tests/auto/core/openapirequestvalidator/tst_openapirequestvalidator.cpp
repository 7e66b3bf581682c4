// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/jsonschema/openapirequestvalidator.h"

#include <QtTest/QtTest>

using nlohmann::json;
using petstore::core::ErrorKind;
using petstore::core::FieldError;
using petstore::core::OpenApiRequestValidator;

json testDocument();

// Declared before the document: moc does not understand "//" inside a multi-line raw string
// and would lose track of everything after it.
class tst_OpenApiRequestValidator : public QObject
{
    Q_OBJECT

private:
    OpenApiRequestValidator::Match matched(const QString &method, const QString &path)
    {
        const std::optional<OpenApiRequestValidator::Match> match = m_validator.match(method.toStdString(), path.toStdString());
        if (!match)
            qFatal("test request %s %s does not match", qPrintable(method), qPrintable(path));
        return *match;
    }

    const OpenApiRequestValidator m_validator{testDocument()};

private Q_SLOTS:
    void matchesRequests_data();
    void matchesRequests();
    void listsAllowedMethods_data();
    void listsAllowedMethods();
    void pointsMatchAtOperationObject();
    void coercesParameters_data();
    void coercesParameters();
    void reportsParameterErrors_data();
    void reportsParameterErrors();
    void describesParameterErrors();
    void decidesMediaTypes_data();
    void decidesMediaTypes();
    void reportsBodyViolations_data();
    void reportsBodyViolations();
    void findsResponseSchemas_data();
    void findsResponseSchemas();
    void validatesResponsesAgainstDocument();
    void expandsServerVariables();
    void keepsPointersValidAfterMove();
    void skipsMalformedPathItems();
};

namespace {

// A small Petstore-like OpenAPI 3.1 document: a base path from servers, a path with its own
// server (/health), literal and templated paths, and $refs for every kind of component.
const char *const kDocument = R"({
  "openapi": "3.1.0",
  "info": {"title": "test", "version": "1"},
  "servers": [{"url": "http://localhost:8080/v1"}, {"url": "https://api.example.com/other"}],
  "paths": {
    "/health": {
      "servers": [{"url": "http://localhost:8080"}],
      "get": {"operationId": "getHealth", "responses": {"200": {"description": "up",
        "content": {"application/json": {"schema": {"type": "object", "required": ["status"]}}}}}}
    },
    "/pets": {
      "get": {
        "operationId": "listPets",
        "parameters": [
          {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 20}},
          {"name": "species", "in": "query", "schema": {"$ref": "#/components/schemas/Species"}},
          {"name": "goodWithKids", "in": "query", "schema": {"type": "boolean"}},
          {"name": "tags", "in": "query", "explode": false,
           "schema": {"type": "array", "items": {"type": "string", "minLength": 2}}},
          {"name": "ids", "in": "query", "schema": {"type": "array", "items": {"type": "integer"}, "default": []}},
          {"name": "minPrice", "in": "query", "schema": {"type": "number", "exclusiveMinimum": 0}},
          {"$ref": "#/components/parameters/Sort"},
          {"name": "X-Trace", "in": "header", "required": true, "schema": {"type": "string"}}
        ],
        "responses": {
          "200": {"$ref": "#/components/responses/PetList"},
          "4XX": {"$ref": "#/components/responses/Problem"},
          "default": {"description": "error", "content": {"application/problem+json": {"schema": {"const": "default"}}}}
        }
      },
      "post": {"operationId": "createPet", "requestBody": {"$ref": "#/components/requestBodies/NewPet"},
               "responses": {"201": {"description": "created"}}}
    },
    "/pets/{petId}": {
      "parameters": [{"name": "petId", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
      "get": {"operationId": "getPet", "responses": {"2XX": {"description": "ok",
        "content": {"application/*": {"schema": {"const": "range"}}}}}},
      "put": {"operationId": "replacePet"},
      "patch": {"operationId": "patchPet", "requestBody": {"content": {"application/merge-patch+json": {"schema": {"type": "object"}}}}},
      "delete": {"operationId": "deletePet"}
    },
    "/users/me": {"get": {"operationId": "getMe"}},
    "/users/{userId}": {
      "parameters": [{"name": "userId", "in": "path", "required": true, "schema": {"type": "integer", "minimum": 1}}],
      "get": {"operationId": "getUser"},
      "delete": {"operationId": "deleteUser",
                 "parameters": [{"name": "userId", "in": "path", "required": true, "schema": {"type": "string", "pattern": "^u"}}]}
    },
    "/users/{userId}/orders/{orderId}": {
      "get": {"operationId": "getUserOrder", "parameters": [
        {"name": "userId", "in": "path", "required": true, "schema": {"type": "integer"}},
        {"name": "orderId", "in": "path", "required": true, "schema": {"type": "string"}}]}
    },
    "/files/{fileId}": {"get": {"operationId": "getFileById"}},
    "/files/{name}.{ext}": {"get": {"operationId": "getFile"}},
    "/uploads": {"post": {"operationId": "upload", "requestBody": {"required": false, "content": {
      "image/*": {}, "text/plain; charset=utf-8": {"schema": {"type": "string", "maxLength": 5}}}}}},
    "/search": {"$ref": "#/components/pathItems/Search"}
  },
  "components": {
    "schemas": {
      "Species": {"type": "string", "enum": ["DOG", "CAT"]},
      "NewPet": {"type": "object", "required": ["name", "species"], "additionalProperties": false,
                 "properties": {"name": {"type": "string", "minLength": 1, "maxLength": 50},
                                "species": {"$ref": "#/components/schemas/Species"},
                                "ageMonths": {"type": "integer", "minimum": 0},
                                "photos": {"type": "array", "items": {"type": "string", "format": "uri"}}}}
    },
    "parameters": {
      "Sort": {"name": "sort", "in": "query", "style": "pipeDelimited", "explode": false,
               "schema": {"type": "array", "items": {"type": "string", "enum": ["name", "-name", "createdAt", "-createdAt"]}}}
    },
    "requestBodies": {
      "NewPet": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewPet"}}}}
    },
    "responses": {
      "PetList": {"description": "pets", "content": {"application/json": {"schema": {"const": "list"}}}},
      "Problem": {"description": "problem", "content": {"application/problem+json": {"schema": {"const": "problem"}}}}
    },
    "pathItems": {
      "Search": {"query": {"operationId": "searchPets",
                           "parameters": [{"name": "q", "in": "query", "required": true, "schema": {"type": "string"}}]}}
    }
  }
})";

QStringList toStrings(const std::vector<std::string> &values)
{
    QStringList out;
    for (const std::string &value : values)
        out << QString::fromStdString(value);
    return out;
}

// "field code" per error, in report order.
QStringList describe(const std::vector<FieldError> &errors)
{
    QStringList out;
    for (const FieldError &error : errors)
        out << QString::fromStdString(error.field + ' ' + error.code);
    return out;
}

std::vector<std::pair<std::string, std::string>> queryPairs(const QStringList &items)
{
    std::vector<std::pair<std::string, std::string>> pairs;
    for (const QString &item : items) {
        const qsizetype equals = item.indexOf(u'=');
        pairs.emplace_back(item.left(equals).toStdString(), equals < 0 ? std::string() : item.mid(equals + 1).toStdString());
    }
    return pairs;
}

json parsed(const QString &text)
{
    json value = json::parse(text.toStdString(), nullptr, false);
    if (value.is_discarded())
        qFatal("test data is not JSON: %s", qPrintable(text));
    return value;
}

} // namespace

json testDocument()
{
    return json::parse(kDocument);
}

void tst_OpenApiRequestValidator::matchesRequests_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("operationId"); // empty: no match
    QTest::addColumn<QString>("pathTemplate");
    QTest::addColumn<QStringList>("params");  // "name=value", sorted by name
    const QString uuid = "0190a6e4-7b7c-7d8e-9f00-112233445566";
    QTest::newRow("collection") << "GET" << "/v1/pets" << "listPets" << "/v1/pets" << QStringList{};
    QTest::newRow("method any case") << "gEt" << "/v1/pets" << "listPets" << "/v1/pets" << QStringList{};
    QTest::newRow("post") << "POST" << "/v1/pets" << "createPet" << "/v1/pets" << QStringList{};
    QTest::newRow("templated") << "GET" << "/v1/pets/" + uuid << "getPet" << "/v1/pets/{petId}"
                               << QStringList{"petId=" + uuid};
    QTest::newRow("percent decoded") << "DELETE" << "/v1/pets/a%20b%C3%A9" << "deletePet" << "/v1/pets/{petId}"
                                     << QStringList{QString::fromUtf8("petId=a bé")};
    QTest::newRow("encoded slash stays in segment") << "GET" << "/v1/pets/a%2Fb" << "getPet" << "/v1/pets/{petId}"
                                                    << QStringList{"petId=a/b"};
    QTest::newRow("literal beats template") << "GET" << "/v1/users/me" << "getMe" << "/v1/users/me" << QStringList{};
    QTest::newRow("template next to literal") << "GET" << "/v1/users/42" << "getUser" << "/v1/users/{userId}"
                                              << QStringList{"userId=42"};
    QTest::newRow("two parameters") << "GET" << "/v1/users/7/orders/o-1" << "getUserOrder"
                                    << "/v1/users/{userId}/orders/{orderId}" << QStringList{"orderId=o-1", "userId=7"};
    QTest::newRow("partial template beats bare parameter")
        << "GET" << "/v1/files/report.tar.gz" << "getFile" << "/v1/files/{name}.{ext}"
        << QStringList{"ext=tar.gz", "name=report"};
    QTest::newRow("bare parameter without the literal") << "GET" << "/v1/files/report" << "getFileById"
                                                        << "/v1/files/{fileId}" << QStringList{"fileId=report"};
    QTest::newRow("own server has no base path") << "GET" << "/health" << "getHealth" << "/health" << QStringList{};
    QTest::newRow("path item ref and query method") << "QUERY" << "/v1/search" << "searchPets" << "/v1/search"
                                                    << QStringList{};
    QTest::newRow("own server path not under base") << "GET" << "/v1/health" << "" << "" << QStringList{};
    QTest::newRow("missing base path") << "GET" << "/pets" << "" << "" << QStringList{};
    QTest::newRow("trailing slash") << "GET" << "/v1/pets/" << "" << "" << QStringList{};
    QTest::newRow("trailing slash after id") << "GET" << "/v1/pets/1/" << "" << "" << QStringList{};
    QTest::newRow("empty segment") << "GET" << "/v1//pets" << "" << "" << QStringList{};
    QTest::newRow("bad percent escape") << "GET" << "/v1/pets/%zz" << "" << "" << QStringList{};
    QTest::newRow("expression never matches empty text") << "GET" << "/v1/files/.gz" << "getFileById"
                                                         << "/v1/files/{fileId}" << QStringList{"fileId=.gz"};
    QTest::newRow("relative path") << "GET" << "v1/pets" << "" << "" << QStringList{};
    QTest::newRow("empty path") << "GET" << "" << "" << "" << QStringList{};
    QTest::newRow("method not defined") << "PUT" << "/v1/users/me" << "" << "" << QStringList{};
    QTest::newRow("head is not get") << "HEAD" << "/v1/pets" << "" << "" << QStringList{};
}

void tst_OpenApiRequestValidator::matchesRequests()
{
    QFETCH(QString, method);
    QFETCH(QString, path);
    QFETCH(QString, operationId);
    QFETCH(QString, pathTemplate);
    QFETCH(QStringList, params);
    const std::optional<OpenApiRequestValidator::Match> match = m_validator.match(method.toStdString(), path.toStdString());
    QCOMPARE(match.has_value(), !operationId.isEmpty());
    if (!match)
        return;
    QCOMPARE(QString::fromStdString(match->operationId), operationId);
    QCOMPARE(QString::fromStdString(match->method), method.toLower());
    QCOMPARE(QString::fromStdString(match->pathTemplate), pathTemplate);
    QStringList actual;
    for (const auto &[name, value] : match->pathParams)
        actual << QString::fromStdString(name + '=' + value);
    QCOMPARE(actual, params);
}

void tst_OpenApiRequestValidator::listsAllowedMethods_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("methods");
    QTest::newRow("collection") << "/v1/pets" << QStringList{"GET", "POST"};
    QTest::newRow("item") << "/v1/pets/1" << QStringList{"DELETE", "GET", "PATCH", "PUT"};
    QTest::newRow("literal path only") << "/v1/users/me" << QStringList{"GET"};
    QTest::newRow("templated user") << "/v1/users/5" << QStringList{"DELETE", "GET"};
    QTest::newRow("query method") << "/v1/search" << QStringList{"QUERY"};
    QTest::newRow("own server") << "/health" << QStringList{"GET"};
    QTest::newRow("unknown path") << "/v1/nothing" << QStringList{};
    QTest::newRow("trailing slash") << "/v1/pets/" << QStringList{};
}

void tst_OpenApiRequestValidator::listsAllowedMethods()
{
    QFETCH(QString, path);
    QFETCH(QStringList, methods);
    QCOMPARE(toStrings(m_validator.allowedMethods(path.toStdString())), methods);
}

void tst_OpenApiRequestValidator::pointsMatchAtOperationObject()
{
    const OpenApiRequestValidator::Match match = matched("GET", "/v1/pets/1");
    QCOMPARE(match.operation, &m_validator.document()["paths"]["/pets/{petId}"]["get"]);
}

void tst_OpenApiRequestValidator::coercesParameters_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("query");
    QTest::addColumn<QString>("expected");
    QTest::newRow("defaults filled in") << "GET" << "/v1/pets" << QStringList{}
                                        << R"({"path": {}, "query": {"limit": 20, "ids": []}})";
    QTest::newRow("every type")
        << "GET" << "/v1/pets"
        << QStringList{"limit=5", "species=CAT", "goodWithKids=false", "tags=ab,cd", "ids=1", "ids=-2",
                       "minPrice=9.5", "sort=name|-createdAt"}
        << R"({"path": {}, "query": {"limit": 5, "species": "CAT", "goodWithKids": false, "tags": ["ab", "cd"],
               "ids": [1, -2], "minPrice": 9.5, "sort": ["name", "-createdAt"]}})";
    QTest::newRow("empty non-exploded array") << "GET" << "/v1/pets" << QStringList{"tags="}
                                              << R"({"path": {}, "query": {"limit": 20, "ids": [], "tags": []}})";
    QTest::newRow("exponent number") << "GET" << "/v1/pets" << QStringList{"minPrice=1e2"}
                                     << R"({"path": {}, "query": {"limit": 20, "ids": [], "minPrice": 100.0}})";
    QTest::newRow("integer given for number") << "GET" << "/v1/pets" << QStringList{"minPrice=3"}
                                              << R"({"path": {}, "query": {"limit": 20, "ids": [], "minPrice": 3}})";
    QTest::newRow("header parameters ignored") << "GET" << "/v1/pets" << QStringList{"limit=100"}
                                               << R"({"path": {}, "query": {"limit": 100, "ids": []}})";
    QTest::newRow("path string") << "GET" << "/v1/pets/0190a6e4-7b7c-7d8e-9f00-112233445566" << QStringList{}
                                 << R"({"path": {"petId": "0190a6e4-7b7c-7d8e-9f00-112233445566"}, "query": {}})";
    QTest::newRow("path integer") << "GET" << "/v1/users/42" << QStringList{}
                                  << R"({"path": {"userId": 42}, "query": {}})";
    QTest::newRow("operation overrides path item") << "DELETE" << "/v1/users/u1" << QStringList{}
                                                   << R"({"path": {"userId": "u1"}, "query": {}})";
    QTest::newRow("two path parameters") << "GET" << "/v1/users/7/orders/12" << QStringList{}
                                         << R"({"path": {"userId": 7, "orderId": "12"}, "query": {}})";
    QTest::newRow("required query present") << "QUERY" << "/v1/search" << QStringList{"q=dog"}
                                            << R"({"path": {}, "query": {"q": "dog"}})";
}

void tst_OpenApiRequestValidator::coercesParameters()
{
    QFETCH(QString, method);
    QFETCH(QString, path);
    QFETCH(QStringList, query);
    QFETCH(QString, expected);
    const petstore::core::Result<json> result = m_validator.validateParameters(matched(method, path), queryPairs(query));
    if (!result)
        QFAIL(qPrintable(describe(result.error().fields).join(u", ")));
    QCOMPARE(QString::fromStdString(result.value().dump()), QString::fromStdString(parsed(expected).dump()));
}

void tst_OpenApiRequestValidator::reportsParameterErrors_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("query");
    QTest::addColumn<QStringList>("errors");
    QTest::newRow("integer from letters") << "GET" << "/v1/pets" << QStringList{"limit=abc"}
                                          << QStringList{"query.limit type"};
    QTest::newRow("integer from fraction") << "GET" << "/v1/pets" << QStringList{"limit=1.5"}
                                           << QStringList{"query.limit type"};
    QTest::newRow("integer with plus sign") << "GET" << "/v1/pets" << QStringList{"limit=+5"}
                                            << QStringList{"query.limit type"};
    QTest::newRow("below minimum") << "GET" << "/v1/pets" << QStringList{"limit=0"}
                                   << QStringList{"query.limit minimum"};
    QTest::newRow("above maximum") << "GET" << "/v1/pets" << QStringList{"limit=101"}
                                   << QStringList{"query.limit maximum"};
    QTest::newRow("repeated scalar") << "GET" << "/v1/pets" << QStringList{"limit=10", "limit=20"}
                                     << QStringList{"query.limit duplicateParameter"};
    QTest::newRow("enum through ref") << "GET" << "/v1/pets" << QStringList{"species=COW"}
                                      << QStringList{"query.species enum"};
    QTest::newRow("boolean is strict") << "GET" << "/v1/pets" << QStringList{"goodWithKids=yes"}
                                       << QStringList{"query.goodWithKids type"};
    QTest::newRow("boolean is case sensitive") << "GET" << "/v1/pets" << QStringList{"goodWithKids=True"}
                                               << QStringList{"query.goodWithKids type"};
    QTest::newRow("array item too short") << "GET" << "/v1/pets" << QStringList{"tags=a,bc"}
                                          << QStringList{"query.tags/0 minLength"};
    QTest::newRow("exploded array item") << "GET" << "/v1/pets" << QStringList{"ids=1", "ids=x"}
                                         << QStringList{"query.ids/1 type"};
    QTest::newRow("comma is not a separator when exploded") << "GET" << "/v1/pets" << QStringList{"ids=1,2"}
                                                            << QStringList{"query.ids/0 type"};
    QTest::newRow("exclusive minimum") << "GET" << "/v1/pets" << QStringList{"minPrice=0"}
                                       << QStringList{"query.minPrice exclusiveMinimum"};
    QTest::newRow("hex is not a number") << "GET" << "/v1/pets" << QStringList{"minPrice=0x10"}
                                         << QStringList{"query.minPrice type"};
    QTest::newRow("pipe delimited enum") << "GET" << "/v1/pets" << QStringList{"sort=name|bogus"}
                                         << QStringList{"query.sort/1 enum"};
    QTest::newRow("unknown parameter") << "GET" << "/v1/pets" << QStringList{"limti=5"}
                                       << QStringList{"query.limti unknownParameter"};
    QTest::newRow("unknown reported once each") << "GET" << "/v1/pets" << QStringList{"limti=5", "foo=", "limti=6"}
                                                << QStringList{"query.limti unknownParameter", "query.foo unknownParameter"};
    QTest::newRow("header name is not a query parameter") << "GET" << "/v1/pets" << QStringList{"X-Trace=1"}
                                                          << QStringList{"query.X-Trace unknownParameter"};
    QTest::newRow("several at once") << "GET" << "/v1/pets" << QStringList{"x=1", "species=COW", "limit=0"}
                                     << QStringList{"query.limit minimum", "query.species enum", "query.x unknownParameter"};
    QTest::newRow("required query missing") << "QUERY" << "/v1/search" << QStringList{}
                                            << QStringList{"query.q required"};
    QTest::newRow("path format") << "GET" << "/v1/pets/nope" << QStringList{}
                                 << QStringList{"path.petId format"};
    QTest::newRow("path integer type") << "GET" << "/v1/users/abc" << QStringList{}
                                       << QStringList{"path.userId type"};
    QTest::newRow("path minimum") << "GET" << "/v1/users/0" << QStringList{}
                                  << QStringList{"path.userId minimum"};
    QTest::newRow("overridden path parameter") << "DELETE" << "/v1/users/0" << QStringList{}
                                               << QStringList{"path.userId pattern"};
    QTest::newRow("operation without parameters") << "GET" << "/v1/users/me" << QStringList{"limit=1"}
                                                  << QStringList{"query.limit unknownParameter"};
}

void tst_OpenApiRequestValidator::reportsParameterErrors()
{
    QFETCH(QString, method);
    QFETCH(QString, path);
    QFETCH(QStringList, query);
    QFETCH(QStringList, errors);
    const petstore::core::Result<json> result = m_validator.validateParameters(matched(method, path), queryPairs(query));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ErrorKind::Validation);
    QCOMPARE(describe(result.error().fields), errors);
}

void tst_OpenApiRequestValidator::describesParameterErrors()
{
    const petstore::core::Result<json> result
        = m_validator.validateParameters(matched("GET", "/v1/pets"), queryPairs({"limit=0", "limit2=1", "ids=1", "ids=a"}));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().message, std::string("request parameters are invalid"));
    const std::vector<FieldError> &fields = result.error().fields;
    QCOMPARE(fields.size(), std::size_t(3));
    QCOMPARE(fields[0].message, std::string("must be >= 1"));
    QCOMPARE(fields[1].message, std::string("must be of type integer"));
    QCOMPARE(fields[1].field, std::string("query.ids/1"));
    QCOMPARE(fields[2].message, std::string("is not a parameter of this operation"));
    const petstore::core::Result<json> missing = m_validator.validateParameters(matched("QUERY", "/v1/search"), {});
    QCOMPARE(missing.error().fields.front().message, std::string("is required"));
}

void tst_OpenApiRequestValidator::decidesMediaTypes_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("mediaType");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<bool>("hasBody");
    QTest::addColumn<bool>("bodyRequired");
    QTest::newRow("json create") << "POST" << "/v1/pets" << "application/json" << true << true << true;
    QTest::newRow("text create") << "POST" << "/v1/pets" << "text/plain" << false << true << true;
    QTest::newRow("merge patch on create") << "POST" << "/v1/pets" << "application/merge-patch+json" << false << true << true;
    QTest::newRow("merge patch") << "PATCH" << "/v1/pets/1" << "application/merge-patch+json" << true << true << false;
    QTest::newRow("json on merge patch") << "PATCH" << "/v1/pets/1" << "application/json" << false << true << false;
    QTest::newRow("no request body") << "GET" << "/v1/pets" << "application/xml" << true << false << false;
    QTest::newRow("media range") << "POST" << "/v1/uploads" << "image/png" << true << true << false;
    QTest::newRow("key with parameters") << "POST" << "/v1/uploads" << "text/plain" << true << true << false;
    QTest::newRow("outside the range") << "POST" << "/v1/uploads" << "application/json" << false << true << false;
}

void tst_OpenApiRequestValidator::decidesMediaTypes()
{
    QFETCH(QString, method);
    QFETCH(QString, path);
    QFETCH(QString, mediaType);
    QFETCH(bool, accepted);
    QFETCH(bool, hasBody);
    QFETCH(bool, bodyRequired);
    const OpenApiRequestValidator::Match match = matched(method, path);
    QCOMPARE(m_validator.acceptsMediaType(match, mediaType.toStdString()), accepted);
    QCOMPARE(m_validator.hasRequestBody(match), hasBody);
    QCOMPARE(m_validator.requestBodyRequired(match), bodyRequired);
}

void tst_OpenApiRequestValidator::reportsBodyViolations_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("mediaType");
    QTest::addColumn<QString>("body");
    QTest::addColumn<QStringList>("errors");
    QTest::newRow("valid pet") << "POST" << "/v1/pets" << "application/json"
                               << R"({"name": "Rex", "species": "DOG", "ageMonths": 3})" << QStringList{};
    QTest::newRow("empty object") << "POST" << "/v1/pets" << "application/json" << "{}"
                                  << QStringList{"/name required", "/species required"};
    QTest::newRow("several violations")
        << "POST" << "/v1/pets" << "application/json" << R"({"name": "", "species": "COW", "age": -1})"
        << QStringList{"/age additionalProperties", "/name minLength", "/species enum"};
    QTest::newRow("nested array item") << "POST" << "/v1/pets" << "application/json"
                                       << R"({"name": "R", "species": "CAT", "photos": ["https://x.io/a.png", "not a uri"]})"
                                       << QStringList{"/photos/1 format"};
    QTest::newRow("root type") << "POST" << "/v1/pets" << "application/json" << "[]" << QStringList{"/ type"};
    QTest::newRow("string body") << "POST" << "/v1/uploads" << "text/plain" << R"("toolong")"
                                 << QStringList{"/ maxLength"};
    QTest::newRow("no schema for range") << "POST" << "/v1/uploads" << "image/png" << R"("anything")" << QStringList{};
    QTest::newRow("undeclared media type") << "POST" << "/v1/pets" << "text/plain" << "{}" << QStringList{};
    QTest::newRow("operation without body") << "GET" << "/v1/pets" << "application/json" << "{}" << QStringList{};
}

void tst_OpenApiRequestValidator::reportsBodyViolations()
{
    QFETCH(QString, method);
    QFETCH(QString, path);
    QFETCH(QString, mediaType);
    QFETCH(QString, body);
    QFETCH(QStringList, errors);
    QCOMPARE(describe(m_validator.validateBody(matched(method, path), mediaType.toStdString(), parsed(body))), errors);
}

void tst_OpenApiRequestValidator::findsResponseSchemas_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("mediaType");
    QTest::addColumn<QString>("schema"); // empty: none
    QTest::newRow("exact status through ref") << "GET" << "/v1/pets" << 200 << "application/json" << R"({"const": "list"})";
    QTest::newRow("status range") << "GET" << "/v1/pets" << 404 << "application/problem+json" << R"({"const": "problem"})";
    QTest::newRow("default") << "GET" << "/v1/pets" << 500 << "application/problem+json" << R"({"const": "default"})";
    QTest::newRow("wrong media type") << "GET" << "/v1/pets" << 200 << "text/html" << "";
    QTest::newRow("2XX with media range") << "GET" << "/v1/pets/1" << 206 << "application/json" << R"({"const": "range"})";
    QTest::newRow("no default") << "GET" << "/v1/pets/1" << 404 << "application/json" << "";
    QTest::newRow("no content") << "POST" << "/v1/pets" << 201 << "application/json" << "";
    QTest::newRow("no responses") << "GET" << "/v1/users/me" << 200 << "application/json" << "";
}

void tst_OpenApiRequestValidator::findsResponseSchemas()
{
    QFETCH(QString, method);
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(QString, mediaType);
    QFETCH(QString, schema);
    const json *found = m_validator.responseSchema(matched(method, path), status, mediaType.toStdString());
    QCOMPARE(found ? QString::fromStdString(found->dump()) : QString(),
             schema.isEmpty() ? QString() : QString::fromStdString(parsed(schema).dump()));
}

void tst_OpenApiRequestValidator::validatesResponsesAgainstDocument()
{
    const json *schema = m_validator.responseSchema(matched("GET", "/health"), 200, "application/json");
    QVERIFY(schema);
    QVERIFY(m_validator.validate(json{{"status", "UP"}}, *schema).empty());
    const std::vector<petstore::core::SchemaViolation> violations = m_validator.validate(json::object(), *schema);
    QCOMPARE(violations.size(), std::size_t(1));
    QCOMPARE(violations.front().instancePointer, std::string("/status"));
    QCOMPARE(violations.front().keyword, std::string("required"));
    const json petRef = {{"$ref", "#/components/schemas/NewPet"}};
    QCOMPARE(m_validator.validate(json{{"name", "Rex"}, {"species", "CAT"}}, petRef).size(), std::size_t(0));
    QCOMPARE(m_validator.validate(json{{"name", "Rex"}}, petRef).size(), std::size_t(1));
}

void tst_OpenApiRequestValidator::expandsServerVariables()
{
    const OpenApiRequestValidator validator(json::parse(R"({
        "servers": [{"url": "{scheme}://localhost:{port}/{base}/",
                     "variables": {"scheme": {"default": "https"}, "port": {"default": "8443"},
                                   "base": {"default": "api/v2"}}}],
        "paths": {"/pets": {"get": {}},
                  "/reset": {"servers": [{"url": "https://admin.example.com/admin?x=1"}], "post": {}}}})"));
    QCOMPARE(toStrings(validator.allowedMethods("/api/v2/pets")), QStringList{"GET"});
    QCOMPARE(toStrings(validator.allowedMethods("/admin/reset")), QStringList{"POST"});
    QCOMPARE(toStrings(validator.allowedMethods("/pets")), QStringList{});
}

void tst_OpenApiRequestValidator::keepsPointersValidAfterMove()
{
    OpenApiRequestValidator original(testDocument());
    const OpenApiRequestValidator moved(std::move(original));
    const std::optional<OpenApiRequestValidator::Match> match = moved.match("POST", "/v1/pets");
    QVERIFY(match);
    QCOMPARE(match->operation, &moved.document()["paths"]["/pets"]["post"]);
    QCOMPARE(describe(moved.validateBody(*match, "application/json", json::object())),
             (QStringList{"/name required", "/species required"}));
}

void tst_OpenApiRequestValidator::skipsMalformedPathItems()
{
    QTest::ignoreMessage(QtWarningMsg, "path template /api/bad/{id is malformed; skipped");
    QTest::ignoreMessage(QtWarningMsg, "path item /broken is not an object; skipped");
    QTest::ignoreMessage(QtWarningMsg, R"(parameter {"in":"query"} is malformed; skipped)");
    const OpenApiRequestValidator validator(json::parse(R"({
        "servers": [{"url": "/api/"}],
        "paths": {"/bad/{id": {"get": {}}, "/broken": 7,
                  "/ok": {"get": {"operationId": "ok", "parameters": [{"in": "query"}]}}}})"));
    QVERIFY(!validator.match("GET", "/api/bad/{id"));
    QCOMPARE(toStrings(validator.allowedMethods("/api/ok")), QStringList{"GET"});
    const std::optional<OpenApiRequestValidator::Match> match = validator.match("GET", "/api/ok");
    QVERIFY(match);
    QVERIFY(validator.validateParameters(*match, {}).ok());
    const OpenApiRequestValidator empty(json::array());
    QCOMPARE(toStrings(empty.allowedMethods("/")), QStringList{});
}

QTEST_GUILESS_MAIN(tst_OpenApiRequestValidator)
#include "tst_openapirequestvalidator.moc"
