// SPDX-License-Identifier: GPL-3.0-or-later
// The embedded mock on its own thread: start/stop, busy ports, live config, batched traffic and
// the captured-exchange index, and a GUI thread that keeps running while the mock is busy.
#include "mock-server/mockserverhost.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace petstore;

namespace {

QNetworkReply *get(QNetworkAccessManager &network, quint16 port, const QString &path)
{
    return network.get(QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path))));
}

mock::MockConfig freePort()
{
    mock::MockConfig config;
    config.useFreePorts();
    return config;
}

} // namespace

class TestMockServerHost : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsOnAFreePortAndStops()
    {
        mock::MockServerHost host;
        QSignalSpy changed(&host, &mock::MockServerHost::statusChanged);
        host.start(freePort());
        QVERIFY(host.waitForStatus());
        QVERIFY(host.status().running);
        QVERIFY(host.status().httpPort != 0);
        QCOMPARE(host.status().authMode, QStringLiteral("none"));
        QVERIFY(changed.size() >= 1);
        host.stop();
        QVERIFY(host.waitForStatus());
        QVERIFY(!host.status().running);
        QCOMPARE(host.status().httpPort, quint16(0));
    }

    void batchesTrafficAndIndexesItByRequestId()
    {
        mock::MockServerHost host;
        host.start(freePort());
        QVERIFY(host.waitForStatus());
        QSignalSpy batches(&host, &mock::MockServerHost::trafficBatch);
        QNetworkAccessManager network;
        QNetworkReply *reply = get(network, host.status().httpPort, QStringLiteral("/v1/pets?limit=1"));
        QTRY_VERIFY(reply->isFinished());
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        const QByteArray requestId = reply->rawHeader("X-Request-Id");
        QVERIFY(!requestId.isEmpty());
        QTRY_VERIFY(!batches.isEmpty());
        const auto batch = batches.first().first().value<QVector<core::TrafficRecord>>();
        QCOMPARE(batch.size(), 1);
        QCOMPARE(QString::fromStdString(batch.first().summary).left(12), QStringLiteral("GET /v1/pets"));
        const auto captured = host.capturedExchange(requestId.toStdString());
        QVERIFY(captured.has_value());
        QVERIFY(QByteArray::fromStdString(captured->rawRequest).startsWith("GET /v1/pets?limit=1 HTTP/1.1\r\n"));
        QVERIFY(QByteArray::fromStdString(captured->rawResponse).startsWith("HTTP/1.1 200 OK\r\n"));
        QVERIFY(!host.capturedExchange("no-such-id").has_value());
        QTRY_COMPARE(host.status().requestCount, std::uint64_t(1));
        reply->deleteLater();
    }

    void reportsABusyPortAndMovesToAFreeOneLeavingOffListenersOff()
    {
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
        mock::MockServerHost host;
        mock::MockConfig config;
        config.httpPort = squatter.serverPort();
        config.grpc.port = -1;
        host.start(config);
        QVERIFY(host.waitForStatus());
        QVERIFY(!host.status().running);
        QVERIFY(host.status().portBusy);
        QVERIFY(host.status().error.contains(QString::number(squatter.serverPort())));
        host.startOnFreePort();
        QVERIFY(host.waitForStatus());
        QVERIFY2(host.status().running, qPrintable(host.status().error));
        QVERIFY(!host.status().portBusy);
        QVERIFY(host.status().error.isEmpty());
        QVERIFY(host.status().httpPort != squatter.serverPort());
        QVERIFY(host.status().mqttPort != 0);
        QCOMPARE(host.status().grpcPort, quint16(0));   // gRPC was off and stays off
    }

    void appliesRuntimeConfigAndRejectsBadPatches()
    {
        mock::MockServerHost host;
        host.start(freePort());
        QVERIFY(host.waitForStatus());
        host.applyRuntimeConfig({{"latencyMs", 20}, {"auth", "required"}});
        QVERIFY(host.waitForStatus());
        QCOMPARE(host.status().latencyMs, 20);
        QCOMPARE(host.status().authMode, QStringLiteral("required"));
        QSignalSpy rejected(&host, &mock::MockServerHost::runtimeConfigRejected);
        host.applyRuntimeConfig({{"latencyMs", -5}});
        QTRY_COMPARE(rejected.size(), 1);
        QVERIFY(rejected.first().first().toString().contains(QStringLiteral("latencyMs")));
        QCOMPARE(host.status().latencyMs, 20);
    }

    void resetsData()
    {
        mock::MockServerHost host;
        host.start(freePort());
        QVERIFY(host.waitForStatus());
        QSignalSpy reset(&host, &mock::MockServerHost::dataReset);
        host.resetData();
        QTRY_COMPARE(reset.size(), 1);
    }

    // A client the mock has accepted, halfway through its request head, when the host goes: the
    // destructor returns and the connection is closed. (A QNetworkAccessManager reply is no
    // witness here: when the listener closes while Qt's connection sits in the accept queue, Qt
    // sometimes never retries nor fails the request, so its reply would hang on Qt's side.)
    void destroyingARunningHostClosesItsConnections()
    {
        auto host = std::make_unique<mock::MockServerHost>();
        host->start(freePort());
        QVERIFY(host->waitForStatus());
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, host->status().httpPort);
        QVERIFY(client.waitForConnected(5000));
        client.write("GET /v1/pets HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        QTRY_COMPARE_WITH_TIMEOUT((host->waitForStatus(), host->status().activeConnections), 1, 5000);
        host.reset();
        QTRY_COMPARE(client.state(), QAbstractSocket::UnconnectedState);
    }

    // Correctness, not a benchmark (docs/performance.md has the numbers): the GUI thread's
    // timers keep firing while another thread hammers the mock.
    void guiThreadKeepsRunningUnderLoad()
    {
        mock::MockServerHost host;
        host.start(freePort());
        QVERIFY(host.waitForStatus());
        const quint16 port = host.status().httpPort;
        std::atomic<bool> done{false};
        std::atomic<int> answered{0};
        QThread *load = QThread::create([port, &done, &answered] {
            QNetworkAccessManager network;
            QEventLoop loop;
            std::function<void()> next = [&] {
                if (done)
                    return loop.quit();
                QNetworkReply *reply = get(network, port, QStringLiteral("/v1/pets?limit=5"));
                QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply] {
                    ++answered;
                    reply->deleteLater();
                    next();
                });
            };
            for (int i = 0; i < 6; ++i)
                next();
            loop.exec();
        });
        load->start();
        QElapsedTimer clock;
        clock.start();
        qint64 last = 0;
        qint64 worstGap = 0;
        QTimer tick;
        connect(&tick, &QTimer::timeout, this, [&] {
            const qint64 now = clock.elapsed();
            worstGap = std::max(worstGap, now - last);
            last = now;
        });
        tick.start(10);
        QTest::qWait(1500);
        tick.stop();
        done = true;
        load->wait();
        delete load;
        QVERIFY(answered > 50);
        QVERIFY2(worstGap < 200, qPrintable(QStringLiteral("worst gap %1 ms").arg(worstGap)));
    }
};

QTEST_GUILESS_MAIN(TestMockServerHost)
#include "tst_mockserverhost.moc"
