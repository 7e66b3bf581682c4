// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/petstore/uuid.h"

#include <QTest>

#include <set>

using namespace petstore::core;

namespace {

TimePoint at(long long ms)
{
    return TimePoint(std::chrono::milliseconds(ms));
}

// 2026-01-01T00:00:00.000Z
constexpr long long NewYear2026 = 1767225600000;

unsigned counterOf(const std::string &id)
{
    // rand_a: the three hex digits after the version nibble (RFC 9562 §5.7).
    return unsigned(std::stoul(id.substr(15, 3), nullptr, 16));
}

} // namespace

class tst_Uuid : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void encodesTimestampVersionAndVariant();
    void ordersIdsWithinOneMillisecond();
    void ordersIdsAcrossMilliseconds();
    void staysMonotonicWhenClockStepsBack();
    void advancesTimestampOnCounterOverflow();
    void idsAreUnique();
    void recognisesCanonicalForm_data();
    void recognisesCanonicalForm();
};

void tst_Uuid::encodesTimestampVersionAndVariant()
{
    UuidV7Generator generator;
    const std::string id = generator.next(at(NewYear2026));
    QCOMPARE(id.size(), std::size_t(36));
    // 1767225600000 ms = 0x019b76daa800
    QCOMPARE(QString::fromStdString(id.substr(0, 15)), QStringLiteral("019b76da-a800-7"));
    QCOMPARE(id[23], '-');
    QVERIFY(std::string("89ab").find(id[19]) != std::string::npos);
    // A fresh millisecond starts the counter with its top bit clear (RFC 9562 §6.2).
    QVERIFY(counterOf(id) <= 0x7FF);
    QVERIFY(isUuid(id));
}

void tst_Uuid::ordersIdsWithinOneMillisecond()
{
    UuidV7Generator generator;
    const std::string first = generator.next(at(NewYear2026));
    const std::string second = generator.next(at(NewYear2026));
    const std::string third = generator.next(at(NewYear2026));
    QCOMPARE(counterOf(second), counterOf(first) + 1);
    QCOMPARE(counterOf(third), counterOf(first) + 2);
    QVERIFY(first < second);
    QVERIFY(second < third);
}

void tst_Uuid::ordersIdsAcrossMilliseconds()
{
    UuidV7Generator generator;
    const std::string early = generator.next(at(NewYear2026));
    const std::string late = generator.next(at(NewYear2026 + 1));
    QCOMPARE(QString::fromStdString(late.substr(0, 13)), QStringLiteral("019b76da-a801"));
    QVERIFY(early < late);
}

void tst_Uuid::staysMonotonicWhenClockStepsBack()
{
    UuidV7Generator generator;
    const std::string first = generator.next(at(NewYear2026 + 1000));
    const std::string second = generator.next(at(NewYear2026));
    // The earlier wall clock is ignored: the id keeps the last timestamp and counts on.
    QCOMPARE(second.substr(0, 13), first.substr(0, 13));
    QCOMPARE(counterOf(second), counterOf(first) + 1);
    QVERIFY(first < second);
}

void tst_Uuid::advancesTimestampOnCounterOverflow()
{
    UuidV7Generator generator;
    std::string previous = generator.next(at(NewYear2026));
    const unsigned start = counterOf(previous);
    for (unsigned c = start + 1; c <= 0xFFF; ++c) {
        const std::string id = generator.next(at(NewYear2026));
        QCOMPARE(counterOf(id), c);
        previous = id;
    }
    const std::string rolled = generator.next(at(NewYear2026));
    QCOMPARE(QString::fromStdString(rolled.substr(0, 13)), QStringLiteral("019b76da-a801"));
    QVERIFY(previous < rolled);
}

void tst_Uuid::idsAreUnique()
{
    UuidV7Generator a;
    UuidV7Generator b = a;   // copies (cloned tenant stores) still draw their own random tails
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) {
        QVERIFY(seen.insert(a.next(at(NewYear2026))).second);
        QVERIFY(seen.insert(b.next(at(NewYear2026))).second);
    }
}

void tst_Uuid::recognisesCanonicalForm_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::newRow("v7 lower") << "019b76da-a800-7000-8001-000000000001" << true;
    QTest::newRow("v4 upper") << "F47AC10B-58CC-4372-A567-0E02B2C3D479" << true;
    QTest::newRow("nil") << "00000000-0000-0000-0000-000000000000" << true;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("no dashes") << "019b76daa80070008001000000000001" << false;
    QTest::newRow("dash misplaced") << "019b76daa-800-7000-8001-000000000001" << false;
    QTest::newRow("non hex") << "019b76da-a800-7000-8001-00000000000g" << false;
    QTest::newRow("too long") << "019b76da-a800-7000-8001-0000000000011" << false;
    QTest::newRow("braces") << "{019b76da-a800-7000-8001-0000000001}" << false;
}

void tst_Uuid::recognisesCanonicalForm()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QCOMPARE(isUuid(text.toStdString()), valid);
}

QTEST_APPLESS_MAIN(tst_Uuid)
#include "tst_uuid.moc"
