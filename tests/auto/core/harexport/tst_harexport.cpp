// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/traffic/harexport.h"

#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace petstore::core;

namespace {

TrafficRecord postRecord()
{
    TrafficRecord record;
    record.id = 1;
    record.time = TimePoint(std::chrono::milliseconds(1'790'000'000'123));
    record.method = "POST";
    record.path = "/v1/pets";
    record.status = 201;
    record.durationMs = 1.5;
    record.requestId = "req-1";
    record.rawRequest = "POST /v1/pets?dryRun=true&x=a+b HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n"
                        "Content-Type: application/json\r\nContent-Length: 13\r\n\r\n{\"name\":\"R\"}\n";
    record.rawResponse = "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                         "Location: /v1/pets/1\r\n\r\n4\r\n{\"id\r\n3\r\n\":1\r\n1\r\n}\r\n0\r\n\r\n";
    return record;
}

} // namespace

class TestHarExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rebuildsEntriesFromRawBytes()
    {
        TrafficRecord mqtt;
        mqtt.protocol = "mqtt";
        const auto har = HarExport::document({postRecord(), mqtt}, "0.2.0");
        QCOMPARE(QString::fromStdString(har["log"]["version"]), QStringLiteral("1.2"));
        QCOMPARE(QString::fromStdString(har["log"]["creator"]["version"]), QStringLiteral("0.2.0"));
        QCOMPARE(har["log"]["entries"].size(), std::size_t(1));
        const auto &entry = har["log"]["entries"][0];
        QCOMPARE(QString::fromStdString(entry["startedDateTime"]), QStringLiteral("2026-09-21T14:13:20.123Z"));
        QCOMPARE(QString::fromStdString(entry["request"]["url"]), QStringLiteral("http://127.0.0.1:8080/v1/pets?dryRun=true&x=a+b"));
        QCOMPARE(QString::fromStdString(entry["request"]["httpVersion"]), QStringLiteral("HTTP/1.1"));
        QCOMPARE(QString::fromStdString(entry["request"]["queryString"][1]["value"]), QStringLiteral("a b"));
        QCOMPARE(QString::fromStdString(entry["request"]["postData"]["text"]), QStringLiteral("{\"name\":\"R\"}\n"));
        QCOMPARE(entry["response"]["status"].get<int>(), 201);
        QCOMPARE(QString::fromStdString(entry["response"]["statusText"]), QStringLiteral("Created"));
        QCOMPARE(QString::fromStdString(entry["response"]["content"]["text"]), QStringLiteral("{\"id\":1}"));
        QCOMPARE(QString::fromStdString(entry["response"]["redirectURL"]), QStringLiteral("/v1/pets/1"));
        QCOMPARE(entry["timings"]["wait"].get<double>(), 1.5);
    }

    void recordsWithoutBytesStillMakeValidEntries()
    {
        TrafficRecord record;
        record.method = "GET";
        record.path = "/v1/pets";
        record.status = 200;
        const auto entry = HarExport::document({record}, "x")["log"]["entries"][0];
        QCOMPARE(QString::fromStdString(entry["request"]["url"]), QStringLiteral("http://localhost/v1/pets"));
        QCOMPARE(entry["request"]["headersSize"].get<long>(), -1L);
        QCOMPARE(entry["response"]["status"].get<int>(), 200);
    }

    void jsonLinesHasOneRecordPerLine()
    {
        TrafficRecord mqtt;
        mqtt.protocol = "mqtt";
        mqtt.summary = "PUBLISH pets/1/status";
        const std::string lines = HarExport::jsonLines({postRecord(), mqtt});
        const auto split = QString::fromStdString(lines).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(split.size(), 2);
        QVERIFY(split[1].contains(QStringLiteral("\"protocol\":\"mqtt\"")));
        QVERIFY(split[0].contains(QStringLiteral("\"rawRequest\":\"POST /v1/pets")));
    }

    void npmHarValidatorAcceptsTheDocument()
    {
        const QString source = qEnvironmentVariable("PETSTORE_SOURCE_DIR");
        const QString script = source + QStringLiteral("/tests/interop/har-validate.mjs");
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        if (node.isEmpty() || !QDir(source + QStringLiteral("/tests/interop/node_modules/har-validator")).exists())
            QSKIP("node or tests/interop/node_modules (npm ci) is missing");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("traffic.har"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        TrafficRecord bare;
        bare.method = "DELETE";
        bare.path = "/v1/pets/9";
        bare.status = 204;
        file.write(QByteArray::fromStdString(HarExport::document({postRecord(), bare}, "0.2.0").dump(2)));
        file.close();
        QProcess process;
        process.start(node, {script, path});
        QVERIFY(process.waitForFinished(30000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    }
};

QTEST_GUILESS_MAIN(TestHarExport)
#include "tst_harexport.moc"
