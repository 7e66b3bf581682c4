// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/explorer/docks/mockserverdock.h"
#include "mock-server/mockserverhost.h"

#include "petstore/v1/pet_service.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTcpServer>
#include <QTcpSocket>
#include <QWebSocket>
#include <QTest>

using namespace petstore;
namespace v1 = petstore::v1;

namespace {

// The dock's second column holds a protocol's state over its endpoint.
QString stateOf(const QTableWidget *rows, int row) { return rows->item(row, 1)->text().section(QLatin1Char('\n'), 0, 0); }
QString endpointOf(const QTableWidget *rows, int row) { return rows->item(row, 1)->text().section(QLatin1Char('\n'), 1); }

} // namespace

class TestMockServerDock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsThePortStopsAndStartsAgain()
    {
        mock::MockServerHost host;
        mock::MockConfig config;
        config.useFreePorts();
        host.start(config);
        explorer::MockServerDock dock(host);
        dock.show();
        QVERIFY(host.waitForStatus());
        auto *state = dock.findChild<QLabel *>(QStringLiteral("mockState"));
        QCOMPARE(state->text(), QStringLiteral("Listening on http://127.0.0.1:%1").arg(host.status().httpPort));
        auto *button = dock.findChild<QPushButton *>(QStringLiteral("mockStartStop"));
        QCOMPARE(button->text(), QStringLiteral("Stop"));
        button->click();
        QVERIFY(host.waitForStatus());
        QCOMPARE(state->text(), QStringLiteral("Stopped"));
        QCOMPARE(button->text(), QStringLiteral("Start"));
        button->click();
        QVERIFY(host.waitForStatus());
        QVERIFY(host.status().running);
    }

    void latencyChangesTheRunningMock()
    {
        mock::MockServerHost host;
        mock::MockConfig config;
        config.useFreePorts();
        host.start(config);
        explorer::MockServerDock dock(host);
        dock.show();
        QVERIFY(host.waitForStatus());
        auto *latency = dock.findChild<QSpinBox *>(QStringLiteral("mockLatency"));
        latency->setFocus();
        latency->selectAll();
        QTest::keyClicks(latency, QStringLiteral("250"));
        QTest::keyClick(latency, Qt::Key_Return);
        QVERIFY(host.waitForStatus());
        QCOMPARE(host.status().latencyMs, 250);
    }

    void countsStreamSubscribersWebSocketConnectionsMqttClientsAndGrpcCalls()
    {
        mock::MockServerHost host;
        mock::MockConfig config;
        config.useFreePorts();
        host.start(config);
        explorer::MockServerDock dock(host);
        dock.resize(270, 500); // the dock's size in a 1280×800 main window
        dock.show();
        QVERIFY(host.waitForStatus());
        auto *rows = dock.findChild<QTableWidget *>(QStringLiteral("mockProtocols"));
        QCOMPARE(rows->rowCount(), 5);
        // Every protocol is visible at once in that narrow dock: no row hides below the table's edge.
        QTRY_VERIFY(rows->viewport()->height() >= rows->verticalHeader()->length());
        QCOMPARE(rows->item(1, 0)->text(), QStringLiteral("SSE"));
        QCOMPARE(stateOf(rows, 1), QStringLiteral("0 subscribers"));

        QWebSocket socket;
        socket.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/v1/ws/echo").arg(host.status().httpPort)));
        QTcpSocket stream;
        stream.connectToHost(QStringLiteral("127.0.0.1"), host.status().httpPort);
        QVERIFY(stream.waitForConnected(2000));
        stream.write("GET /v1/events HTTP/1.1\r\nHost: x\r\n\r\n");
        QTRY_COMPARE(stateOf(rows, 2), QStringLiteral("1 connection"));
        QTRY_COMPARE(stateOf(rows, 1), QStringLiteral("1 subscriber"));
        QCOMPARE(endpointOf(rows, 2), QStringLiteral("127.0.0.1:%1/v1/ws/…").arg(host.status().httpPort));

        // An MQTT 3.1.1 client (CONNECT "dock", clean session) publishing once.
        QCOMPARE(rows->item(3, 0)->text(), QStringLiteral("MQTT"));
        QTcpSocket mqtt;
        mqtt.connectToHost(QStringLiteral("127.0.0.1"), host.status().mqttPort);
        QVERIFY(mqtt.waitForConnected(2000));
        mqtt.write(QByteArray::fromHex("101000044d5154540402003c0004646f636b") + QByteArray::fromHex("30060003612f6278"));
        QTRY_COMPARE(stateOf(rows, 3).left(8), QStringLiteral("1 client"));
        QCOMPARE(endpointOf(rows, 3), QStringLiteral("127.0.0.1:%1 · 127.0.0.1:%2/mqtt").arg(host.status().mqttPort).arg(host.status().httpPort));
        QTRY_VERIFY_WITH_TIMEOUT(stateOf(rows, 3).contains(QStringLiteral(" in/s")), 3000);

        // One gRPC call, made by grpc++'s generated client.
        QCOMPARE(rows->item(4, 0)->text(), QStringLiteral("gRPC"));
        QCOMPARE(endpointOf(rows, 4), QStringLiteral("127.0.0.1:%1").arg(host.status().grpcPort));
        QCOMPARE(stateOf(rows, 4), QStringLiteral("0 calls running · 0 in all"));
        auto pets = v1::PetService::NewStub(grpc::CreateChannel("127.0.0.1:" + std::to_string(host.status().grpcPort),
                                                                grpc::InsecureChannelCredentials()));
        grpc::ClientContext context;
        v1::ListPetsRequest request;
        v1::ListPetsResponse response;
        QVERIFY(pets->ListPets(&context, request, &response).ok());
        QTRY_COMPARE(stateOf(rows, 4), QStringLiteral("0 calls running · 1 in all"));
    }

    void aBusyPortOffersAFreeOne()
    {
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
        mock::MockServerHost host;
        mock::MockConfig config;
        config.httpPort = squatter.serverPort();
        host.start(config);
        explorer::MockServerDock dock(host);
        dock.show();
        QVERIFY(host.waitForStatus());
        auto *freePort = dock.findChild<QPushButton *>(QStringLiteral("mockUseFreePort"));
        QVERIFY(freePort->isVisible());
        QVERIFY(dock.findChild<QLabel *>(QStringLiteral("mockState"))->text()
                    .startsWith(QStringLiteral("Port %1 is already in use").arg(squatter.serverPort())));
        freePort->click();
        QVERIFY(host.waitForStatus());
        QVERIFY(host.status().running);
        QVERIFY(!freePort->isVisible());
    }
};

QTEST_MAIN(TestMockServerDock)
#include "tst_mockserverdock.moc"
