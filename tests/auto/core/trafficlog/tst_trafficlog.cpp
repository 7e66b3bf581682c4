// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/traffic/trafficlog.h"

#include <QtTest>

using petstore::core::TrafficLog;
using petstore::core::TrafficRecord;

class TestTrafficLog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void assignsMonotonicIdsAndReturnsNewestFirst();
    void keepsAtMostCapacityRecords();
    void cutsRawBytesPerRecord();
    void dropsOldestRecordsToStayWithinTotalRawBytes();
    void serializesInvalidUtf8AsValidJson();
};

static TrafficRecord recordWithRaw(std::size_t bytes)
{
    TrafficRecord record;
    record.rawRequest = std::string(bytes, 'q');
    return record;
}

void TestTrafficLog::assignsMonotonicIdsAndReturnsNewestFirst()
{
    TrafficLog log;
    log.append({});
    log.append({});
    const auto latest = log.latest(5);
    QCOMPARE(latest.size(), std::size_t(2));
    QCOMPARE(latest[0].id, std::uint64_t(2));
    QCOMPARE(latest[1].id, std::uint64_t(1));
}

void TestTrafficLog::keepsAtMostCapacityRecords()
{
    TrafficLog log(3);
    for (int i = 0; i < 10; ++i)
        log.append({});
    QCOMPARE(log.size(), std::size_t(3));
    QCOMPARE(log.latest(10).back().id, std::uint64_t(8));
    QCOMPARE(log.totalRecorded(), std::uint64_t(10));
}

void TestTrafficLog::cutsRawBytesPerRecord()
{
    TrafficLog log(10, 100);
    log.append(recordWithRaw(1000));
    QCOMPARE(log.latest(1).front().rawRequest.size(), std::size_t(100));
}

void TestTrafficLog::dropsOldestRecordsToStayWithinTotalRawBytes()
{
    TrafficLog log(1000, 100, 1000);
    for (int i = 0; i < 25; ++i)
        log.append(recordWithRaw(100));
    QCOMPARE(log.rawBytes(), std::size_t(1000));
    QCOMPARE(log.size(), std::size_t(10));
    QCOMPARE(log.latest(1).front().id, std::uint64_t(25));
    log.clear();
    QCOMPARE(log.rawBytes(), std::size_t(0));
}

void TestTrafficLog::serializesInvalidUtf8AsValidJson()
{
    TrafficRecord record;
    record.rawResponse = "HTTP/1.1 200 OK\r\n\r\n\xff\xfe";
    const std::string text = record.toJson(true).dump();
    QVERIFY(text.find("\\ufffd") != std::string::npos || text.find("\xef\xbf\xbd") != std::string::npos);
}

QTEST_APPLESS_MAIN(TestTrafficLog)
#include "tst_trafficlog.moc"
