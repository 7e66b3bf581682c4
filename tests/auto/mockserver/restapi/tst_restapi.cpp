// SPDX-License-Identifier: GPL-3.0-or-later
// The REST mock on a free port, driven by a real HTTP client: routing, validation, the purchase
// flow, auth, idempotency, caching, chaos, CORS, tenants and persistence.
#include "httptestclient.h"

#include "core/jsonschema/openapirequestvalidator.h"
#include "mock-server/mockserver.h"

#include <QTemporaryDir>
#include <QtTest>

using petstore::mock::MockConfig;
using petstore::mock::MockServer;
using Headers = HttpTestClient::Headers;

class TestRestApi : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void everyOperationHasAHandler();
    void listsPetsWithPageLinks();
    void paginatesWithOpaqueCursor();
    void filtersAndSortsPets();
    void returnsSparseFieldsets();
    void revalidatesPetWithEtag();
    void createsPetWithLocation();
    void replacesPetOnlyWhenIfMatchHolds();
    void mergePatchesPet();
    void searchesWithPostAndQueryMethods();
    void completesPurchaseFlowUntilApproved();
    void decliningCardFailsPayment();
    void replaysIdempotentPostAndRejectsOtherBody();
    void requiresCredentialsInRequiredMode();
    void acceptsConfiguredApiKey();
    void enforcesTokenScopes();
    void sendsRateLimitHeadersAndRefusesWith429();
    void injectsStatusAndLatencyFromPrefer();
    void answersCorsPreflight();
    void isolatesTenants();
    void answersMalformedInputWithExactProblem_data();
    void answersMalformedInputWithExactProblem();
    void keepsStoreAcrossRestartWithDataFile();
    void servesOpenApiDocuments();
    void recordsRedactedTraffic();
    void changesConfigurationLive();
    void resetsDataToTheSeed();
    void injectsDomainEvents();
    void reportsHealth();

private:
    void connectClient();
    void checkAgainstSpec(const QByteArray &method, const QString &path, const HttpTestClient::Reply &reply);
    QStringList m_specViolations;
    std::unique_ptr<MockServer> startServer(MockConfig config);
    QString firstAvailablePetId();
    QByteArray tokenFor(const QString &username, const QString &password, const QString &scope = {});

    std::unique_ptr<MockServer> m_server;
    std::unique_ptr<HttpTestClient> m_client;
};

std::unique_ptr<MockServer> TestRestApi::startServer(MockConfig config)
{
    config.useFreePorts();
    auto server = std::make_unique<MockServer>(std::move(config));
    const auto started = server->start();
    if (!started.ok())
        qFatal("mock did not start: %s", started.error().message.c_str());
    return server;
}

void TestRestApi::init()
{
    MockConfig config;
    config.paymentDelayMs = 20;
    m_server = startServer(config);
    connectClient();
}

void TestRestApi::cleanup()
{
    m_client.reset();
    m_server.reset();
    const QStringList violations = std::exchange(m_specViolations, {});
    QVERIFY2(violations.isEmpty(), qPrintable(violations.join(QLatin1Char('\n'))));
}

void TestRestApi::connectClient()
{
    m_client = std::make_unique<HttpTestClient>(m_server->httpPort(), [this](const QByteArray &method, const QString &path,
                                                                             const HttpTestClient::Reply &reply) {
        checkAgainstSpec(method, path, reply);
    });
}

// Every reply of every test must be one the OpenAPI document declares, with a body that
// validates against the declared schema (DESIGN §6: responses are validated in tests).
void TestRestApi::checkAgainstSpec(const QByteArray &method, const QString &path, const HttpTestClient::Reply &reply)
{
    const petstore::core::OpenApiRequestValidator &api = m_server->openApi();
    const std::string matchMethod = method == "QUERY" ? "POST" : method == "HEAD" ? "GET" : method.toStdString();
    const auto match = api.match(matchMethod, path.section(QLatin1Char('?'), 0, 0).toStdString());
    // 405 answers for the path, not for an operation; bodiless and non-JSON replies have no schema here.
    const QByteArray type = reply.header("Content-Type").split(';').first();
    if (!match || reply.status == 405 || reply.body.isEmpty() || !type.endsWith("json") || method == "HEAD")
        return;
    const nlohmann::json *schema = api.responseSchema(*match, reply.status, type.toStdString());
    const QString where = QStringLiteral("%1 %2 -> %3").arg(QString::fromLatin1(method), path).arg(reply.status);
    if (!schema) {
        m_specViolations << where + QStringLiteral(": status or media type ") + QString::fromLatin1(type)
                + QStringLiteral(" not declared for ") + QString::fromStdString(match->operationId);
        return;
    }
    for (const auto &violation : api.validate(reply.json(), *schema))
        m_specViolations << where + QStringLiteral(": ") + QString::fromStdString(violation.instancePointer + " " + violation.message);
}

QString TestRestApi::firstAvailablePetId()
{
    const auto reply = m_client->get(QStringLiteral("/v1/pets?status=AVAILABLE&limit=1"));
    return QString::fromStdString(reply.json()["data"][0]["id"].get<std::string>());
}

QByteArray TestRestApi::tokenFor(const QString &username, const QString &password, const QString &scope)
{
    nlohmann::json body = {{"username", username.toStdString()}, {"password", password.toStdString()}};
    if (!scope.isEmpty())
        body["scope"] = scope.toStdString();
    const auto reply = m_client->postJson(QStringLiteral("/v1/auth/tokens"), body);
    if (reply.status != 200)
        return {};
    return "Bearer " + QByteArray::fromStdString(reply.json()["accessToken"].get<std::string>());
}

void TestRestApi::everyOperationHasAHandler()
{
    QCOMPARE(m_server->unhandledOperations(), std::vector<std::string>());
}

void TestRestApi::listsPetsWithPageLinks()
{
    const auto reply = m_client->get(QStringLiteral("/v1/pets?limit=20&page=2"));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.header("Content-Type"), QByteArray("application/json"));
    const auto body = reply.json();
    QCOMPARE(body["data"].size(), std::size_t(20));
    QCOMPARE(body["pagination"]["page"], 2);
    QCOMPARE(body["pagination"]["totalItems"], 50);
    QCOMPARE(body["pagination"]["totalPages"], 3);
    QCOMPARE(body["links"]["next"], "/v1/pets?page=3&limit=20");
    QCOMPARE(body["links"]["prev"], "/v1/pets?page=1&limit=20");
    QVERIFY(!reply.header("RateLimit-Limit").isEmpty());
    QVERIFY(!reply.header("X-Request-Id").isEmpty());
}

void TestRestApi::paginatesWithOpaqueCursor()
{
    QStringList seen;
    QCOMPARE(m_client->get(QStringLiteral("/v1/pets?limit=15&cursor=")).status, 422);   // empty is no cursor
    auto reply = m_client->postJson(QStringLiteral("/v1/pets/search"), {{"limit", 15}});
    int pages = 0;
    while (true) {
        QCOMPARE(reply.status, 200);
        const auto body = reply.json();
        for (const auto &pet : body["data"])
            seen << QString::fromStdString(pet["id"].get<std::string>());
        ++pages;
        if (body["pagination"]["nextCursor"].is_null())
            break;
        reply = m_client->postJson(QStringLiteral("/v1/pets/search"),
                                   {{"limit", 15}, {"cursor", body["pagination"]["nextCursor"]}});
    }
    QCOMPARE(pages, 4);
    QCOMPARE(seen.size(), 50);
    QCOMPARE(QSet<QString>(seen.begin(), seen.end()).size(), 50);
    const auto tampered = m_client->postJson(QStringLiteral("/v1/pets/search"), {{"cursor", "bm90LWEtY3Vyc29y"}});
    QCOMPARE(tampered.status, 422);
    QCOMPARE(tampered.json()["errors"][0]["field"], "/cursor");
}

void TestRestApi::filtersAndSortsPets()
{
    const auto body = m_client->get(QStringLiteral("/v1/pets?species=DOG&status=AVAILABLE&sort=-price,name&limit=100")).json();
    QVERIFY(!body["data"].empty());
    double previous = 1e12;
    for (const auto &pet : body["data"]) {
        QCOMPARE(pet["species"], "DOG");
        QCOMPARE(pet["status"], "AVAILABLE");
        const double price = std::stod(pet["price"].get<std::string>());
        QVERIFY(price <= previous);
        previous = price;
    }
    QCOMPARE(m_client->get(QStringLiteral("/v1/pets?sort=weight")).status, 422);
    QCOMPARE(m_client->get(QStringLiteral("/v1/pets?species=DRAGON")).status, 422);
}

void TestRestApi::returnsSparseFieldsets()
{
    const auto body = m_client->get(QStringLiteral("/v1/pets?fields=name,status&limit=1")).json();
    const auto &pet = body["data"][0];
    QCOMPARE(pet.size(), std::size_t(3));
    QVERIFY(pet.contains("id") && pet.contains("name") && pet.contains("status"));
    const auto bad = m_client->get(QStringLiteral("/v1/pets?fields=name,weight"));
    QCOMPARE(bad.status, 422);
    QCOMPARE(bad.json()["errors"][0]["field"], "query.fields");
}

void TestRestApi::revalidatesPetWithEtag()
{
    const QString id = firstAvailablePetId();
    const auto first = m_client->get(QStringLiteral("/v1/pets/") + id);
    QCOMPARE(first.status, 200);
    const QByteArray etag = first.header("ETag");
    QVERIFY(etag.startsWith('"'));
    const auto again = m_client->get(QStringLiteral("/v1/pets/") + id, {{"If-None-Match", etag}});
    QCOMPARE(again.status, 304);
    QVERIFY(again.body.isEmpty());
    QCOMPARE(again.header("ETag"), etag);
    QCOMPARE(m_client->get(QStringLiteral("/v1/pets/019b0000-0000-7000-8000-000000000000")).status, 404);
    QCOMPARE(m_client->get(QStringLiteral("/v1/pets/not-a-uuid")).status, 422);
}

void TestRestApi::createsPetWithLocation()
{
    const auto reply = m_client->postJson(QStringLiteral("/v1/pets"),
                                          {{"name", "Pixel"}, {"species", "CAT"}, {"price", "120.00"}, {"currency", "EUR"}});
    QCOMPARE(reply.status, 201);
    const auto pet = reply.json();
    QCOMPARE(pet["status"], "AVAILABLE");
    QCOMPARE(reply.header("Location"), QByteArray("/v1/pets/") + QByteArray::fromStdString(pet["id"].get<std::string>()));
    QCOMPARE(m_client->get(QString::fromUtf8(reply.header("Location"))).json()["name"], "Pixel");
}

void TestRestApi::replacesPetOnlyWhenIfMatchHolds()
{
    const QString id = firstAvailablePetId();
    const auto current = m_client->get(QStringLiteral("/v1/pets/") + id);
    nlohmann::json pet = current.json();
    pet["name"] = "Renamed";
    const Headers stale = {{"Content-Type", "application/json"}, {"If-Match", "\"stale\""}};
    QCOMPARE(m_client->send("PUT", QStringLiteral("/v1/pets/") + id, QByteArray::fromStdString(pet.dump()), stale).status, 412);
    const Headers fresh = {{"Content-Type", "application/json"}, {"If-Match", current.header("ETag")}};
    const auto replaced = m_client->send("PUT", QStringLiteral("/v1/pets/") + id, QByteArray::fromStdString(pet.dump()), fresh);
    QCOMPARE(replaced.status, 200);
    QCOMPARE(replaced.json()["name"], "Renamed");
}

void TestRestApi::mergePatchesPet()
{
    const QString id = firstAvailablePetId();
    const Headers patch = {{"Content-Type", "application/merge-patch+json"}};
    const auto reply = m_client->send("PATCH", QStringLiteral("/v1/pets/") + id, R"({"status":"NOT_AVAILABLE","color":"teal"})", patch);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json()["status"], "NOT_AVAILABLE");
    QCOMPARE(reply.json()["color"], "teal");
    const auto adopted = m_client->send("PATCH", QStringLiteral("/v1/pets/") + id, R"({"status":"ADOPTED"})", patch);
    QCOMPARE(adopted.status, 409);
    QCOMPARE(adopted.json()["type"], "https://petstoreapi.com/problems/invalid-state-transition");
    QCOMPARE(m_client->send("PATCH", QStringLiteral("/v1/pets/") + id, R"({"color":"red"})",
                            {{"Content-Type", "text/plain"}}).status, 415);
}

void TestRestApi::searchesWithPostAndQueryMethods()
{
    const nlohmann::json query = {{"species", "CAT"}, {"limit", 5}};
    const auto post = m_client->postJson(QStringLiteral("/v1/pets/search"), query);
    QCOMPARE(post.status, 200);
    const auto viaQuery = m_client->send("QUERY", QStringLiteral("/v1/pets/search"), QByteArray::fromStdString(query.dump()),
                                         {{"Content-Type", "application/json"}});
    QCOMPARE(viaQuery.status, 200);
    QCOMPARE(viaQuery.json()["data"], post.json()["data"]);
    const auto wrong = m_client->send("QUERY", QStringLiteral("/v1/pets"));
    QCOMPARE(wrong.status, 405);
    QCOMPARE(wrong.header("Allow"), QByteArray("GET, HEAD, POST"));
}

void TestRestApi::completesPurchaseFlowUntilApproved()
{
    const auto user = m_client->postJson(QStringLiteral("/v1/users"),
        {{"username", "carol_new"}, {"email", "carol.new@example.com"}, {"password", "carol-secret-9"}});
    QCOMPARE(user.status, 201);
    const QByteArray token = tokenFor(QStringLiteral("carol_new"), QStringLiteral("carol-secret-9"));
    QVERIFY(!token.isEmpty());
    QCOMPARE(m_client->get(QStringLiteral("/v1/users/me"), {{"Authorization", token}}).json()["username"], "carol_new");

    const QString petId = firstAvailablePetId();
    const auto order = m_client->postJson(QStringLiteral("/v1/orders"), {{"petId", petId.toStdString()}}, {{"Authorization", token}});
    QCOMPARE(order.status, 201);
    const QString orderId = QString::fromStdString(order.json()["id"].get<std::string>());
    QCOMPARE(order.json()["userId"], user.json()["id"]);
    QCOMPARE(m_client->get(QStringLiteral("/v1/pets/") + petId).json()["status"], "PENDING");

    const nlohmann::json card = {{"source", {{"type", "card"}, {"number", "4242424242424242"}, {"expMonth", 12},
                                             {"expYear", 2031}, {"cvc", "123"}, {"name", "Carol New"}}}};
    const auto payment = m_client->postJson(QStringLiteral("/v1/orders/%1/payment").arg(orderId), card, {{"Authorization", token}});
    QCOMPARE(payment.status, 202);
    QCOMPARE(payment.json()["status"], "PENDING");
    QCOMPARE(payment.json()["source"]["last4"], "4242");
    QVERIFY(!payment.json()["source"].contains("number"));
    const QString location = QString::fromUtf8(payment.header("Location"));
    QTRY_COMPARE_WITH_TIMEOUT(m_client->get(location, {{"Authorization", token}}).json()["status"].get<std::string>(),
                              std::string("SUCCEEDED"), 5000);
    QCOMPARE(m_client->get(QStringLiteral("/v1/orders/") + orderId, {{"Authorization", token}}).json()["status"], "APPROVED");
    QCOMPARE(m_client->get(QStringLiteral("/v1/pets/") + petId).json()["status"], "ADOPTED");
}

void TestRestApi::decliningCardFailsPayment()
{
    const QString petId = firstAvailablePetId();
    const auto order = m_client->postJson(QStringLiteral("/v1/orders"), {{"petId", petId.toStdString()}});
    const QString orderId = QString::fromStdString(order.json()["id"].get<std::string>());
    const nlohmann::json card = {{"source", {{"type", "card"}, {"number", "4000 0000 0000 0002"}, {"expMonth", 1},
                                             {"expYear", 2035}, {"cvc", "999"}, {"name", "Dee Cline"}}}};
    const auto payment = m_client->postJson(QStringLiteral("/v1/orders/%1/payment").arg(orderId), card);
    QCOMPARE(payment.status, 202);
    const QString location = QString::fromUtf8(payment.header("Location"));
    QTRY_COMPARE_WITH_TIMEOUT(m_client->get(location).json()["status"].get<std::string>(), std::string("FAILED"), 5000);
    QCOMPARE(m_client->get(location).json()["failureReason"], "card_declined");
    QCOMPARE(m_client->get(QStringLiteral("/v1/orders/") + orderId).json()["status"], "PLACED");
    const auto badCard = m_client->postJson(QStringLiteral("/v1/orders/%1/payment").arg(orderId),
        {{"source", {{"type", "card"}, {"number", "4242424242424241"}, {"expMonth", 1}, {"expYear", 2035}, {"cvc", "999"}, {"name", "X"}}}});
    QCOMPARE(badCard.status, 422);
}

void TestRestApi::replaysIdempotentPostAndRejectsOtherBody()
{
    const QString petId = firstAvailablePetId();
    const Headers key = {{"Idempotency-Key", "order-attempt-1"}};
    const auto first = m_client->postJson(QStringLiteral("/v1/orders"), {{"petId", petId.toStdString()}}, key);
    QCOMPARE(first.status, 201);
    const auto replay = m_client->postJson(QStringLiteral("/v1/orders"), {{"petId", petId.toStdString()}}, key);
    QCOMPARE(replay.status, 201);
    QCOMPARE(replay.header("Idempotent-Replayed"), QByteArray("true"));
    QCOMPARE(replay.json()["id"], first.json()["id"]);
    const auto other = m_client->postJson(QStringLiteral("/v1/orders"), {{"petId", firstAvailablePetId().toStdString()}}, key);
    QCOMPARE(other.status, 422);
    QCOMPARE(other.json()["type"], "https://petstoreapi.com/problems/idempotency-key-reused");
}

void TestRestApi::requiresCredentialsInRequiredMode()
{
    QVERIFY(m_server->applyRuntimeConfig({{"auth", "required"}}).ok());
    const auto anonymous = m_client->get(QStringLiteral("/v1/pets"));
    QCOMPARE(anonymous.status, 401);
    QCOMPARE(anonymous.header("WWW-Authenticate"), QByteArray("Bearer realm=\"petstore\""));
    const auto bad = m_client->get(QStringLiteral("/v1/pets"), {{"Authorization", "Bearer not.a.jwt"}});
    QCOMPARE(bad.status, 401);
    QVERIFY(bad.header("WWW-Authenticate").contains("invalid_token"));
    QCOMPARE(m_client->get(QStringLiteral("/health")).status, 200);
    const QByteArray token = tokenFor(QStringLiteral("alice"), QStringLiteral("alice-password-1"));
    QCOMPARE(m_client->get(QStringLiteral("/v1/pets"), {{"Authorization", token}}).status, 200);
    QCOMPARE(m_client->postJson(QStringLiteral("/v1/auth/tokens"), {{"username", "alice"}, {"password", "wrong-password"}}).status, 401);
}

void TestRestApi::acceptsConfiguredApiKey()
{
    MockConfig config;
    config.auth = petstore::mock::AuthMode::Required;
    config.apiKeys.push_back({"psk_test_0123456789abcdef", "someone", petstore::core::Role::Customer, {"read:pets"}});
    m_client.reset();
    m_server = startServer(config);
    connectClient();
    QCOMPARE(m_client->get(QStringLiteral("/v1/pets"), {{"X-API-Key", "psk_test_0123456789abcdef"}}).status, 200);
    QCOMPARE(m_client->get(QStringLiteral("/v1/pets"), {{"X-API-Key", "psk_test_wrong"}}).status, 401);
}

void TestRestApi::enforcesTokenScopes()
{
    const QByteArray readOnly = tokenFor(QStringLiteral("alice"), QStringLiteral("alice-password-1"), QStringLiteral("read:pets"));
    QVERIFY(!readOnly.isEmpty());
    const auto denied = m_client->postJson(QStringLiteral("/v1/orders"), {{"petId", firstAvailablePetId().toStdString()}},
                                           {{"Authorization", readOnly}});
    QCOMPARE(denied.status, 403);
    QVERIFY(denied.header("WWW-Authenticate").contains("insufficient_scope"));
    QCOMPARE(m_client->postJson(QStringLiteral("/v1/auth/tokens"),
                                {{"username", "alice"}, {"password", "alice-password-1"}, {"scope", "admin"}}).status, 403);
}

void TestRestApi::sendsRateLimitHeadersAndRefusesWith429()
{
    QVERIFY(m_server->applyRuntimeConfig({{"rateLimit", {{"capacity", 3}, {"refillPerSecond", 1}}}}).ok());
    QCOMPARE(m_client->get(QStringLiteral("/v1/pets?limit=1")).header("RateLimit-Remaining"), QByteArray("2"));
    m_client->get(QStringLiteral("/v1/pets?limit=1"));
    m_client->get(QStringLiteral("/v1/pets?limit=1"));
    const auto refused = m_client->get(QStringLiteral("/v1/pets?limit=1"));
    QCOMPARE(refused.status, 429);
    QCOMPARE(refused.header("Retry-After"), QByteArray("1"));
    QCOMPARE(refused.header("RateLimit-Remaining"), QByteArray("0"));
    QCOMPARE(refused.json()["type"], "https://petstoreapi.com/problems/rate-limited");
}

void TestRestApi::injectsStatusAndLatencyFromPrefer()
{
    const auto failed = m_client->get(QStringLiteral("/v1/pets"), {{"Prefer", "code=503"}});
    QCOMPARE(failed.status, 503);
    QCOMPARE(failed.header("Preference-Applied"), QByteArray("code=503"));
    QElapsedTimer timer;
    timer.start();
    const auto slow = m_client->get(QStringLiteral("/v1/pets?limit=1"), {{"Prefer", "latency=300"}});
    QCOMPARE(slow.status, 200);
    QVERIFY2(timer.elapsed() >= 290, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(slow.header("Preference-Applied"), QByteArray("latency=300"));
}

void TestRestApi::answersCorsPreflight()
{
    const auto preflight = m_client->send("OPTIONS", QStringLiteral("/v1/pets"), {},
        {{"Origin", "http://localhost:5173"}, {"Access-Control-Request-Method", "POST"}, {"Access-Control-Request-Headers", "content-type"}});
    QCOMPARE(preflight.status, 204);
    QCOMPARE(preflight.header("Access-Control-Allow-Origin"), QByteArray("http://localhost:5173"));
    QCOMPARE(preflight.header("Access-Control-Allow-Methods"), QByteArray("GET, POST, OPTIONS"));
    const auto simple = m_client->get(QStringLiteral("/v1/pets?limit=1"), {{"Origin", "http://localhost:5173"}});
    QVERIFY(simple.header("Access-Control-Expose-Headers").contains("ETag"));
}

void TestRestApi::isolatesTenants()
{
    const Headers teamA = {{"X-Tenant-ID", "team-a"}};
    const auto created = m_client->postJson(QStringLiteral("/v1/pets"), {{"name", "OnlyInA"}, {"species", "BIRD"}}, teamA);
    QCOMPARE(created.status, 201);
    const QString path = QString::fromUtf8(created.header("Location"));
    QCOMPARE(m_client->get(path, teamA).status, 200);
    QCOMPARE(m_client->get(path).status, 404);
    QCOMPARE(m_client->get(path, {{"X-Tenant-ID", "team-b"}}).status, 404);
    QCOMPARE(m_client->get(QStringLiteral("/v1/pets"), {{"X-Tenant-ID", "bad tenant!"}}).status, 422);
}

void TestRestApi::answersMalformedInputWithExactProblem_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("type");
    const QByteArray json = "application/json";
    QTest::newRow("bad-json") << QByteArray("POST") << "/v1/pets" << json << QByteArray("{\"name\":") << 400 << "malformed-json";
    QTest::newRow("wrong-type") << QByteArray("POST") << "/v1/pets" << json << QByteArray(R"({"name":42,"species":"DOG"})") << 422 << "validation-error";
    QTest::newRow("unknown-field") << QByteArray("POST") << "/v1/pets" << json << QByteArray(R"({"name":"A","species":"DOG","wings":2})") << 422 << "validation-error";
    QTest::newRow("missing-required") << QByteArray("POST") << "/v1/pets" << json << QByteArray(R"({"species":"DOG"})") << 422 << "validation-error";
    QTest::newRow("bad-enum") << QByteArray("POST") << "/v1/pets" << json << QByteArray(R"({"name":"A","species":"DRAGON"})") << 422 << "validation-error";
    QTest::newRow("name-too-long") << QByteArray("POST") << "/v1/pets" << json << ("{\"name\":\"" + QByteArray(51, 'x') + "\",\"species\":\"DOG\"}") << 422 << "validation-error";
    QTest::newRow("bad-uuid") << QByteArray("GET") << "/v1/orders/12345" << QByteArray() << QByteArray() << 422 << "validation-error";
    QTest::newRow("wrong-content-type") << QByteArray("POST") << "/v1/pets" << QByteArray("text/plain") << QByteArray("name=A") << 415 << "unsupported-media-type";
    QTest::newRow("huge-body") << QByteArray("POST") << "/v1/pets" << json << QByteArray(2 * 1024 * 1024, ' ') << 413 << "payload-too-large";
    QTest::newRow("unknown-route") << QByteArray("GET") << "/v1/unicorns" << QByteArray() << QByteArray() << 404 << "not-found";
    QTest::newRow("wrong-method") << QByteArray("DELETE") << "/v1/pets" << QByteArray() << QByteArray() << 405 << "method-not-allowed";
    QTest::newRow("unknown-query-param") << QByteArray("GET") << "/v1/pets?colour=red" << QByteArray() << QByteArray() << 422 << "validation-error";
    QTest::newRow("limit-too-big") << QByteArray("GET") << "/v1/pets?limit=1000" << QByteArray() << QByteArray() << 422 << "validation-error";
    QTest::newRow("invalid-transition") << QByteArray("POST") << "/v1/orders/019ca8d7-2d00-7000-8003-000000000001/status"
                                        << json << QByteArray(R"({"status":"DELIVERED"})") << 409 << "invalid-state-transition";
    QTest::newRow("order-unavailable-pet") << QByteArray("POST") << "/v1/orders" << json
                                           << QByteArray(R"({"petId":"019b7def-6680-7000-8001-000000000001"})") << 409 << "conflict";
    QTest::newRow("missing-body") << QByteArray("POST") << "/v1/pets" << json << QByteArray() << 422 << "validation-error";
}

void TestRestApi::answersMalformedInputWithExactProblem()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, type);
    Headers headers;
    if (!contentType.isEmpty())
        headers.append({"Content-Type", contentType});
    const auto reply = m_client->send(method, path, body, headers);
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.header("Content-Type"), QByteArray("application/problem+json"));
    const auto problem = reply.json();
    QCOMPARE(QString::fromStdString(problem["type"].get<std::string>()), "https://petstoreapi.com/problems/" + type);
    QCOMPARE(problem["status"], status);
    if (status == 422)
        QVERIFY(!problem["errors"].empty());
    QCOMPARE(m_client->get(QStringLiteral("/health")).status, 200);   // still serving
}

void TestRestApi::keepsStoreAcrossRestartWithDataFile()
{
    QTemporaryDir dir;
    MockConfig config;
    config.dataFile = dir.filePath(QStringLiteral("store.sqlite")).toStdString();
    m_client.reset();
    m_server = startServer(config);
    connectClient();
    const auto created = m_client->postJson(QStringLiteral("/v1/pets"), {{"name", "Survivor"}, {"species", "REPTILE"}});
    QCOMPARE(created.status, 201);
    const QString path = QString::fromUtf8(created.header("Location"));
    m_client.reset();
    m_server.reset();   // stop() persists
    m_server = startServer(config);
    connectClient();
    QCOMPARE(m_client->get(path).json()["name"], "Survivor");
}

void TestRestApi::servesOpenApiDocuments()
{
    const auto json = m_client->get(QStringLiteral("/v1/openapi.json"));
    QCOMPARE(json.status, 200);
    QCOMPARE(json.json()["openapi"], "3.1.0");
    const auto yaml = m_client->get(QStringLiteral("/v1/openapi.yaml"));
    QCOMPARE(yaml.status, 200);
    QVERIFY(yaml.body.startsWith("openapi:") || yaml.body.contains("\nopenapi:"));
}

void TestRestApi::recordsRedactedTraffic()
{
    tokenFor(QStringLiteral("alice"), QStringLiteral("alice-password-1"));
    const auto traffic = m_client->get(QStringLiteral("/admin/traffic?limit=5")).json();
    QVERIFY(!traffic["data"].empty());
    const auto &record = traffic["data"][0];
    QCOMPARE(record["path"], "/v1/auth/tokens");
    QCOMPARE(record["status"], 200);
    const auto raw = m_server->traffic().latest(2).back();   // the newest is the GET /admin/traffic
    QCOMPARE(raw.path, std::string("/v1/auth/tokens"));
    QVERIFY(raw.rawRequest.find("alice-password-1") == std::string::npos);
    QVERIFY(raw.rawRequest.find("[redacted]") != std::string::npos);
    QVERIFY(raw.rawResponse.find("eyJ") == std::string::npos);
}

void TestRestApi::changesConfigurationLive()
{
    const auto updated = m_client->send("PUT", QStringLiteral("/admin/config"), R"({"latencyMs":150,"auth":"required"})",
                                        {{"Content-Type", "application/json"}});
    QCOMPARE(updated.status, 200);
    QCOMPARE(updated.json()["latencyMs"], 150);
    QCOMPARE(m_client->get(QStringLiteral("/v1/pets")).status, 401);
    const auto invalid = m_client->send("PUT", QStringLiteral("/admin/config"), R"({"errorRate":2,"colour":"red"})",
                                        {{"Content-Type", "application/json"}});
    QCOMPARE(invalid.status, 422);
    QCOMPARE(invalid.json()["errors"].size(), std::size_t(2));
    QCOMPARE(m_client->get(QStringLiteral("/admin/config")).json()["errorRate"], 0.0);
}

void TestRestApi::resetsDataToTheSeed()
{
    const auto created = m_client->postJson(QStringLiteral("/v1/pets"), {{"name", "Ephemeral"}, {"species", "OTHER"}});
    const QString path = QString::fromUtf8(created.header("Location"));
    QCOMPARE(m_client->get(QStringLiteral("/v1/pets?limit=1")).json()["pagination"]["totalItems"], 51);
    QCOMPARE(m_client->send("POST", QStringLiteral("/admin/reset")).status, 204);
    QCOMPARE(m_client->get(path).status, 404);
    QCOMPARE(m_client->get(QStringLiteral("/v1/pets?limit=1")).json()["pagination"]["totalItems"], 50);
}

void TestRestApi::injectsDomainEvents()
{
    std::vector<petstore::core::CloudEvent> seen;
    m_server->events().subscribe([&seen](const petstore::core::CloudEvent &event) { seen.push_back(event); });
    const auto reply = m_client->postJson(QStringLiteral("/admin/events"),
        {{"type", "pet.updated"}, {"subject", "/v1/pets/019b7def-6680-7000-8001-000000000001"}, {"data", {{"note", "hello"}}}});
    QCOMPARE(reply.status, 202);
    QCOMPARE(reply.json()["specversion"], "1.0");
    QCOMPARE(seen.size(), std::size_t(1));
    QCOMPARE(seen.front().type, std::string("pet.updated"));
    QCOMPARE(reply.json()["id"], seen.front().id());
    QCOMPARE(m_client->postJson(QStringLiteral("/admin/events"), {{"type", "pet.exploded"}, {"subject", "/x"}, {"data", nlohmann::json::object()}}).status, 422);
}

void TestRestApi::reportsHealth()
{
    const auto health = m_client->get(QStringLiteral("/health")).json();
    QCOMPARE(health["status"], "ok");
    QCOMPARE(health["protocols"]["rest"]["port"], m_server->httpPort());
    QCOMPARE(health["protocols"]["rest"]["status"], "up");
}

QTEST_GUILESS_MAIN(TestRestApi)
#include "tst_restapi.moc"
