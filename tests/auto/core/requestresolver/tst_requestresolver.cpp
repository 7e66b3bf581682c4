// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/requests/requestresolver.h"

#include <QTemporaryFile>
#include <QTest>

using namespace petstore::core;

namespace {

const std::map<std::string, std::string> Variables{{"baseUrl", "http://127.0.0.1:8080/v1"}, {"token", "abc"}};

QString header(const ResolvedRequest &request, const std::string &name)
{
    for (const auto &[key, value] : request.headers)
        if (key == name)
            return QString::fromStdString(value);
    return QStringLiteral("<absent>");
}

} // namespace

class TestRequestResolver : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void expandsVariablesAndAddsBearer()
    {
        HttpRequestSpec spec;
        spec.url = "{{baseUrl}}/pets?limit=2";
        spec.headers = {{true, "X-Trace", "{{token}}-1"}, {false, "X-Off", "no"}};
        spec.auth.kind = RequestAuthKind::Bearer;
        spec.auth.token = "{{token}}";
        const auto resolved = RequestResolver::resolve(spec, Variables);
        QVERIFY(resolved.ok());
        QCOMPARE(QString::fromStdString(resolved->method), QStringLiteral("GET"));
        QCOMPARE(QString::fromStdString(resolved->url), QStringLiteral("http://127.0.0.1:8080/v1/pets?limit=2"));
        QCOMPARE(resolved->headers.size(), std::size_t(2));
        QCOMPARE(header(*resolved, "X-Trace"), QStringLiteral("abc-1"));
        QCOMPARE(header(*resolved, "Authorization"), QStringLiteral("Bearer abc"));
        spec.auth.token = "{{empty}}";
        QCOMPARE(header(*RequestResolver::resolve(spec, {{"baseUrl", "http://h"}, {"empty", ""}}), "Authorization"),
                 QStringLiteral("<absent>"));
    }

    void basicAuthFollowsRfc7617()
    {
        HttpRequestSpec spec;
        spec.url = "http://h/";
        spec.auth.kind = RequestAuthKind::Basic;
        spec.auth.username = "Aladdin";
        spec.auth.password = "open sesame";
        QCOMPARE(header(*RequestResolver::resolve(spec, {}), "Authorization"), QStringLiteral("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="));
    }

    void apiKeyGoesToTheQueryWhenAsked()
    {
        HttpRequestSpec spec;
        spec.url = "http://h/p?a=1";
        spec.auth.kind = RequestAuthKind::ApiKey;
        spec.auth.apiKeyName = "api_key";
        spec.auth.apiKeyValue = "k 1";
        spec.auth.apiKeyInQuery = true;
        const auto resolved = RequestResolver::resolve(spec, {});
        QCOMPARE(QString::fromStdString(resolved->url), QStringLiteral("http://h/p?a=1&api_key=k%201"));
        QVERIFY(resolved->headers.empty());
        spec.auth.apiKeyInQuery = false;
        QCOMPARE(header(*RequestResolver::resolve(spec, {}), "api_key"), QStringLiteral("k 1"));
    }

    void encodesBodiesWithTheirContentType()
    {
        HttpRequestSpec spec;
        spec.method = "POST";
        spec.url = "http://h/";
        spec.bodyKind = RequestBodyKind::Form;
        spec.form = {{true, "name", "Rex Jr"}, {false, "off", "1"}, {true, "t", "{{token}}"}};
        auto resolved = RequestResolver::resolve(spec, Variables);
        QCOMPARE(QString::fromStdString(resolved->body), QStringLiteral("name=Rex%20Jr&t=abc"));
        QCOMPARE(header(*resolved, "Content-Type"), QStringLiteral("application/x-www-form-urlencoded"));

        spec.bodyKind = RequestBodyKind::Json;
        spec.body = "{\"token\":\"{{token}}\"}";
        spec.headers = {{true, "Content-Type", "application/merge-patch+json"}};
        resolved = RequestResolver::resolve(spec, Variables);
        QCOMPARE(QString::fromStdString(resolved->body), QStringLiteral("{\"token\":\"abc\"}"));
        QCOMPARE(header(*resolved, "Content-Type"), QStringLiteral("application/merge-patch+json"));
        QCOMPARE(resolved->headers.size(), std::size_t(1));
    }

    void sendsAFileAsIs()
    {
        QTemporaryFile file;
        QVERIFY(file.open());
        file.write(QByteArray("\x00\x01\xff", 3));
        file.close();
        HttpRequestSpec spec;
        spec.method = "PUT";
        spec.url = "http://h/";
        spec.bodyKind = RequestBodyKind::File;
        spec.filePath = file.fileName().toStdString();
        spec.fileContentType = "image/png";
        const auto resolved = RequestResolver::resolve(spec, {});
        QVERIFY(resolved.ok());
        QCOMPARE(resolved->body, std::string("\x00\x01\xff", 3));
        QCOMPARE(header(*resolved, "Content-Type"), QStringLiteral("image/png"));
    }

    void refusesWhatCannotBeSent_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<int>("bodyKind");
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("message");
        QTest::newRow("bad json") << "http://h/" << int(RequestBodyKind::Json) << "{\"a\":}"
                                  << "body is not valid JSON: [json.exception.parse_error.101] parse error at line 1, column 6";
        QTest::newRow("unknown variable") << "{{missing}}/pets" << int(RequestBodyKind::None) << ""
                                          << "the URL uses {{missing}}, which the current environment does not define";
        QTest::newRow("no scheme") << "localhost/pets" << int(RequestBodyKind::None) << ""
                                   << "the URL must start with http:// or https:// (got \"localhost/pets\")";
        QTest::newRow("missing file") << "http://h/" << int(RequestBodyKind::File) << ""
                                      << "cannot read the body file \"/nonexistent/x\"";
    }
    void refusesWhatCannotBeSent()
    {
        QFETCH(QString, url);
        QFETCH(int, bodyKind);
        QFETCH(QString, body);
        QFETCH(QString, message);
        HttpRequestSpec spec;
        spec.url = url.toStdString();
        spec.bodyKind = RequestBodyKind(bodyKind);
        spec.body = body.toStdString();
        spec.filePath = "/nonexistent/x";
        const auto resolved = RequestResolver::resolve(spec, Variables);
        QVERIFY(!resolved.ok());
        QVERIFY2(QString::fromStdString(resolved.error().message).startsWith(message),
                 resolved.error().message.c_str());
    }
};

QTEST_APPLESS_MAIN(TestRequestResolver)
#include "tst_requestresolver.moc"
