// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/requests/httprequestspec.h"

#include <QTest>

using namespace petstore::core;

class TestRequestSpec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripsEveryMember()
    {
        HttpRequestSpec spec;
        spec.name = "Create pet";
        spec.method = "PURGE";
        spec.url = "{{baseUrl}}/pets?x=1";
        spec.headers = {{true, "Accept", "application/json"}, {false, "X-Off", "1"}};
        spec.bodyKind = RequestBodyKind::Form;
        spec.body = "{}";
        spec.rawContentType = "text/csv";
        spec.form = {{true, "a", "b c"}};
        spec.filePath = "/tmp/x.bin";
        spec.fileContentType = "image/png";
        spec.auth = {RequestAuthKind::ApiKey, "t", "X-Key", "secret", true, "u", "p"};
        const auto read = HttpRequestSpec::fromJson(spec.toJson());
        QVERIFY(read.ok());
        QCOMPARE(QByteArray::fromStdString(read->toJson().dump()), QByteArray::fromStdString(spec.toJson().dump()));
        QCOMPARE(read->headers[1].enabled, false);
        QCOMPARE(int(read->auth.kind), int(RequestAuthKind::ApiKey));
        QCOMPARE(int(read->bodyKind), int(RequestBodyKind::Form));
    }

    void missingMembersTakeDefaults()
    {
        const auto read = HttpRequestSpec::fromJson(nlohmann::json::parse("{\"url\":\"http://x/\"}"));
        QVERIFY(read.ok());
        QCOMPARE(QString::fromStdString(read->method), QStringLiteral("GET"));
        QCOMPARE(int(read->bodyKind), int(RequestBodyKind::None));
        QCOMPARE(QString::fromStdString(read->auth.apiKeyName), QStringLiteral("X-API-Key"));
    }

    void wrongTypesAreNamed()
    {
        const auto read = HttpRequestSpec::fromJson(
            nlohmann::json::parse("{\"url\":5,\"bodyKind\":\"xml\",\"headers\":[{\"name\":1}],\"auth\":{\"apiKeyInQuery\":\"yes\"}}"));
        QVERIFY(!read.ok());
        QCOMPARE(read.error().kind, ErrorKind::Validation);
        QStringList fields;
        for (const auto &field : read.error().fields)
            fields << QString::fromStdString(field.field);
        QCOMPARE(fields, QStringList({"url", "headers.name", "bodyKind", "auth.apiKeyInQuery"}));
        QVERIFY(!HttpRequestSpec::fromJson(nlohmann::json::array()).ok());
    }

    void kindsHaveStableNames()
    {
        QCOMPARE(QString::fromStdString(toString(RequestBodyKind::Json)), QStringLiteral("json"));
        QCOMPARE(QString::fromStdString(toString(RequestAuthKind::Bearer)), QStringLiteral("bearer"));
    }
};

QTEST_APPLESS_MAIN(TestRequestSpec)
#include "tst_requestspec.moc"
