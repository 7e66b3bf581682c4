// SPDX-License-Identifier: GPL-3.0-or-later
// RestClient against a real MockServer on a free port: timings, any method, cancel, timeout and
// transport errors in words a person understands.
#include "mock-server/mockserver.h"
#include "panels/rest/restclient.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace petstore;
using panels::RestClient;
using panels::RestResponse;

class TestRestClient : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<mock::MockServer> m_mock;
    QString m_base;

    RestResponse run(RestClient &client, const core::ResolvedRequest &request, int timeoutMs = 10000)
    {
        QSignalSpy finished(&client, &RestClient::finished);
        const quint64 id = client.send(request);
        if (!finished.wait(timeoutMs))
            return {};
        [&] { QCOMPARE(finished.first().first().toULongLong(), id); }();
        return finished.first().at(1).value<RestResponse>();
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<RestResponse>();
        mock::MockConfig config;
        config.useFreePorts();
        m_mock = std::make_unique<mock::MockServer>(config);
        QVERIFY(m_mock->start().ok());
        m_base = QStringLiteral("http://127.0.0.1:%1").arg(m_mock->httpPort());
    }

    void getMeasuresAndKeepsHeaders()
    {
        RestClient client;
        const auto response = run(client, {"GET", (m_base + "/v1/pets?limit=2").toStdString(), {{"Accept", "application/json"}}, ""});
        QCOMPARE(response.error, QString());
        QCOMPARE(response.status, 200);
        QCOMPARE(response.reason, QStringLiteral("OK"));
        QVERIFY(response.contentType().startsWith("application/json"));
        QVERIFY(response.body.startsWith("{"));
        QVERIFY(!response.requestId.isEmpty());
        QVERIFY(response.ttfbMs > 0 && response.ttfbMs <= response.totalMs);
        QVERIFY(response.bytesReceived > response.body.size());
    }

    void postsAJsonBody()
    {
        RestClient client;
        const auto response = run(client, {"POST", (m_base + "/v1/pets").toStdString(),
                                           {{"Content-Type", "application/json"}},
                                           "{\"name\":\"Client\",\"species\":\"DOG\"}"});
        QCOMPARE(response.status, 201);
        QVERIFY(response.body.contains("\"name\":\"Client\""));
    }

    void customMethodsReachTheServer()
    {
        RestClient client;
        const auto response = run(client, {"PURGE", (m_base + "/v1/pets").toStdString(), {}, ""});
        QCOMPARE(response.error, QString());
        QCOMPARE(response.status, 405);
        QVERIFY(response.isProblemJson());
    }

    void cancelStopsAtOnce()
    {
        QVERIFY(m_mock->applyRuntimeConfig({{"latencyMs", 2000}}).ok());
        RestClient client;
        QSignalSpy finished(&client, &RestClient::finished);
        client.send({"GET", (m_base + "/v1/pets").toStdString(), {}, ""});
        QVERIFY(client.busy());
        client.cancel();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(1).value<RestResponse>().error, QStringLiteral("Cancelled"));
        QVERIFY(!client.busy());
        client.setTimeoutMs(200);
        const auto timedOut = run(client, {"GET", (m_base + "/v1/pets").toStdString(), {}, ""});
        QCOMPARE(timedOut.error, QStringLiteral("Timed out after 0.2 s"));
        QVERIFY(m_mock->applyRuntimeConfig({{"latencyMs", 0}}).ok());
    }

    void aRefusedConnectionSaysSo()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        RestClient client;
        const auto response = run(client, {"GET", QStringLiteral("http://127.0.0.1:%1/").arg(port).toStdString(), {}, ""});
        QCOMPARE(response.status, 0);
        QCOMPARE(response.error, QStringLiteral("Connection refused: 127.0.0.1:%1").arg(port));
    }
};

QTEST_GUILESS_MAIN(TestRestClient)
#include "tst_restclient.moc"
