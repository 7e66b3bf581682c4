// SPDX-License-Identifier: GPL-3.0-or-later
// The Traffic dock fed by a real embedded mock and by synthetic batches: filter, pause, clear,
// the 100,000-record cap, and HAR export checked by npm har-validator.
#include "app/explorer/docks/trafficdock.h"
#include "app/explorer/docks/traffictablemodel.h"
#include "core/protocols/mqtt/mqttpacketwriter.h"
#include "mock-server/mockserverhost.h"
#include "panels/common/jsontreemodel.h"
#include "panels/common/jsonview.h"

#include "petstore/v1/pet_service.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace petstore;
namespace v1 = petstore::v1;

namespace {

QVector<core::TrafficRecord> batch(int count, const std::string &protocol = "http", int firstId = 1)
{
    QVector<core::TrafficRecord> records;
    for (int i = 0; i < count; ++i) {
        core::TrafficRecord record;
        record.id = std::uint64_t(firstId + i);
        record.protocol = protocol;
        record.method = "GET";
        record.path = "/v1/pets/" + std::to_string(firstId + i);
        record.summary = "GET " + record.path + " -> 200";
        record.status = 200;
        records.push_back(record);
    }
    return records;
}

} // namespace

class TestTrafficDock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsRealExchangesAndExportsValidHar()
    {
        mock::MockServerHost host;
        mock::MockConfig config;
        config.useFreePorts();
        host.start(config);
        QVERIFY(host.waitForStatus());
        explorer::TrafficDock dock(host);
        dock.show();
        QNetworkAccessManager network;
        for (const char *path : {"/v1/pets?limit=1", "/v1/inventory", "/v1/pets/01900000-0000-7000-8000-000000000000"}) {
            QNetworkReply *reply = network.get(QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(host.status().httpPort).arg(QLatin1String(path)))));
            QTRY_VERIFY(reply->isFinished());
            reply->deleteLater();
        }
        auto *table = dock.findChild<QTableView *>(QStringLiteral("trafficTable"));
        QTRY_COMPARE(table->model()->rowCount(), 3);
        QCOMPARE(table->model()->index(2, 4).data().toInt(), 404);
        table->selectRow(1);
        auto *headers = dock.findChild<QTableWidget *>(QStringLiteral("trafficDecodedHeaders"));
        QVERIFY(!headers->isHidden());
        QVERIFY(headers->rowCount() > 2);

        QTest::keyClicks(dock.findChild<QLineEdit *>(QStringLiteral("trafficFilter")), QStringLiteral("inventory"));
        QCOMPARE(table->model()->rowCount(), 1);
        dock.findChild<QLineEdit *>(QStringLiteral("trafficFilter"))->clear();

        QTemporaryDir dir;
        const QString har = dir.filePath(QStringLiteral("traffic.har"));
        QVERIFY(dock.exportHar(har).ok());
        const QString lines = dir.filePath(QStringLiteral("traffic.jsonl"));
        QVERIFY(dock.exportJsonLines(lines).ok());
        QFile jsonl(lines);
        QVERIFY(jsonl.open(QIODevice::ReadOnly));
        QCOMPARE(jsonl.readAll().count('\n'), 3);

        const QString source = qEnvironmentVariable("PETSTORE_SOURCE_DIR");
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        if (node.isEmpty() || !QDir(source + QStringLiteral("/tests/interop/node_modules/har-validator")).exists())
            QSKIP("node or tests/interop/node_modules (npm ci) is missing");
        QProcess validator;
        validator.start(node, {source + QStringLiteral("/tests/interop/har-validate.mjs"), har});
        QVERIFY(validator.waitForFinished(30000));
        QVERIFY2(validator.exitCode() == 0, validator.readAllStandardError().constData());
        QVERIFY(validator.readAllStandardOutput().startsWith("valid HAR 1.2: 3 entries"));
    }

    void filtersByProtocolPausesAndClears()
    {
        mock::MockServerHost host;
        explorer::TrafficDock dock(host);
        Q_EMIT host.trafficBatch(batch(3));
        Q_EMIT host.trafficBatch(batch(2, "mqtt", 10));
        auto *table = dock.findChild<QTableView *>(QStringLiteral("trafficTable"));
        QCOMPARE(table->model()->rowCount(), 5);
        auto *protocol = dock.findChild<QComboBox *>(QStringLiteral("trafficProtocol"));
        protocol->setCurrentIndex(protocol->findData(QStringLiteral("mqtt")));
        QCOMPARE(table->model()->rowCount(), 2);
        protocol->setCurrentIndex(0);

        auto *pause = dock.findChild<QPushButton *>(QStringLiteral("trafficPause"));
        auto *status = dock.findChild<QLabel *>(QStringLiteral("trafficStatus"));
        pause->click();
        Q_EMIT host.trafficBatch(batch(4, "http", 20));
        QCOMPARE(table->model()->rowCount(), 5);
        QCOMPARE(status->text(), QStringLiteral("5 exchange(s) · Paused — 4 new"));
        pause->click();
        QCOMPARE(table->model()->rowCount(), 9);
        dock.findChild<QPushButton *>(QStringLiteral("trafficClear"))->click();
        QCOMPARE(table->model()->rowCount(), 0);
    }

    void listsGrpcCallsWithTheirStatusAndDecodedMessages()
    {
        mock::MockServerHost host;
        mock::MockConfig config;
        config.useFreePorts();
        host.start(config);
        QVERIFY(host.waitForStatus());
        explorer::TrafficDock dock(host);
        dock.show();
        auto pets = v1::PetService::NewStub(grpc::CreateChannel("127.0.0.1:" + std::to_string(host.status().grpcPort),
                                                                grpc::InsecureChannelCredentials()));
        {
            grpc::ClientContext context;
            v1::GetPetRequest request;
            request.set_id("missing");
            v1::GetPetResponse response;
            QCOMPARE(int(pets->GetPet(&context, request, &response).error_code()), int(grpc::StatusCode::NOT_FOUND));
        }
        {
            grpc::ClientContext context;
            v1::ListPetsRequest request;
            request.set_page_size(2);
            v1::ListPetsResponse response;
            QVERIFY(pets->ListPets(&context, request, &response).ok());
        }
        auto *table = dock.findChild<QTableView *>(QStringLiteral("trafficTable"));
        QTRY_COMPARE(table->model()->rowCount(), 2);
        QCOMPARE(table->model()->index(0, 1).data().toString(), QStringLiteral("GRPC"));
        // The client as host:port, like every other protocol's row (not gRPC's "ipv4:" URI).
        QVERIFY2(table->model()->index(0, 2).data().toString().startsWith(QStringLiteral("127.0.0.1:")),
                 qPrintable(table->model()->index(0, 2).data().toString()));
        QCOMPARE(table->model()->index(0, 4).data().toString(), QStringLiteral("NOT_FOUND"));
        QCOMPARE(table->model()->index(1, 4).data().toString(), QStringLiteral("OK"));
        QVERIFY(table->model()->index(1, 6).data().toString().endsWith(QStringLiteral(" ms")));

        table->selectRow(1);
        auto *line = dock.findChild<QLabel *>(QStringLiteral("trafficDecodedLine"));
        QVERIFY2(line->text().startsWith(QStringLiteral("gRPC · /petstore.v1.PetService/ListPets -> OK, 1 in, 1 out")),
                 qPrintable(line->text()));
        QVERIFY(dock.findChild<QTableWidget *>(QStringLiteral("trafficDecodedHeaders"))->isHidden());
        auto *json = dock.findChild<panels::JsonView *>();
        QStringList keys;
        for (int row = 0; row < json->model()->rowCount(); ++row)
            keys << json->model()->index(row, 0).data().toString();
        keys.sort();
        QCOMPARE(keys, (QStringList{QStringLiteral("method"), QStringLiteral("requestMessages"), QStringLiteral("responseMessages"),
                                    QStringLiteral("status")}));
    }

    void decodesAnMqttPacketForItsProtocolVersion()
    {
        mock::MockServerHost host;
        explorer::TrafficDock dock(host);
        core::MqttPublish publish;
        publish.topic = "pets/p1/health";
        publish.qos = 1;
        publish.packetId = 7;
        publish.payload = R"({"heartRate":90})";
        publish.properties.userProperties = {{"device", "collar-7"}};
        QVector<core::TrafficRecord> records = batch(1, "mqtt");
        records[0].protocolVersion = "5";
        records[0].status = 0;
        records[0].summary = "PUBLISH pets/p1/health QoS 1 id 7";
        records[0].rawRequest = core::MqttPacketWriter::encode(publish, core::MqttVersion::V5);
        Q_EMIT host.trafficBatch(records);
        auto *table = dock.findChild<QTableView *>(QStringLiteral("trafficTable"));
        table->selectRow(0);
        auto *line = dock.findChild<QLabel *>(QStringLiteral("trafficDecodedLine"));
        QCOMPARE(line->text(), QStringLiteral("MQTT 5 · PUBLISH pets/p1/health QoS 1 id 7"));
        auto *json = dock.findChild<panels::JsonView *>();
        QVERIFY(json);
        QStringList keys;
        for (int row = 0; row < json->model()->rowCount(); ++row)
            keys << json->model()->index(row, 0).data().toString();
        for (const char *key : {"type", "topic", "qos", "packetId", "properties", "payload", "payloadJson"})
            QVERIFY2(keys.contains(QString::fromLatin1(key)), qPrintable(keys.join(QLatin1Char(','))));
    }

    void capsAtOneHundredThousandAndSaysHowManyWereDropped()
    {
        mock::MockServerHost host;
        explorer::TrafficDock dock(host);
        for (int sent = 0; sent < 100005; sent += 5000)
            Q_EMIT host.trafficBatch(batch(std::min(5000, 100005 - sent), "http", sent + 1));
        QCOMPARE(dock.model().rowCount(), 100000);
        QCOMPARE(dock.model().droppedCount(), std::uint64_t(5));
        QCOMPARE(dock.model().record(0).id, std::uint64_t(6));
        QVERIFY(dock.findChild<QLabel *>(QStringLiteral("trafficStatus"))->text()
                    .contains(QStringLiteral("5 older exchanges dropped")));
    }
};

QTEST_MAIN(TestTrafficDock)
#include "tst_trafficdock.moc"
