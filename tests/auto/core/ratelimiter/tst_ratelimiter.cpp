// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/tokenbucketratelimiter.h"

#include <QTest>

#include <limits>

using petstore::core::ErrorKind;
using petstore::core::TokenBucketRateLimiter;

namespace {

// "+remaining,reset,retryAfter" for an allowed request, "-..." for a denied one: the values of
// RateLimit-Remaining, RateLimit-Reset and Retry-After.
QString describe(const TokenBucketRateLimiter::Decision &d)
{
    return QStringLiteral("%1%2,%3,%4")
        .arg(d.allowed ? QStringLiteral("+") : QStringLiteral("-"))
        .arg(d.remaining)
        .arg(d.resetSeconds)
        .arg(d.retryAfterSeconds);
}

} // namespace

class tst_RateLimiter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reportsHeaderValuesAfterEachTake_data();
    void reportsHeaderValuesAfterEachTake();
    void unlimitedAllowsEverythingWithoutTracking();
    void keysHaveSeparateBuckets();
    void rejectsInvalidConfiguration_data();
    void rejectsInvalidConfiguration();
    void reconfigureStartsBucketsAfresh();
    void evictsLeastRecentlyUsedBeyondMaxKeys();
    void dropsBucketsThatRefilledCompletely();
};

void tst_RateLimiter::reportsHeaderValuesAfterEachTake_data()
{
    QTest::addColumn<int>("capacity");
    QTest::addColumn<double>("refill");
    QTest::addColumn<QString>("times");    // ms, one take each
    QTest::addColumn<QString>("expected"); // one decision per take

    QTest::newRow("drainThenRefill")
        << 3 << 1.0 << "0 0 0 0 500 1000 2500 10000"
        << "+2,1,0 +1,2,0 +0,3,1 -0,3,1 -0,3,1 +0,3,1 +0,3,1 +2,1,0";
    QTest::newRow("slowRefillRetryAfterTwo")
        << 2 << 0.5 << "0 0 0 1500 2000 3000"
        << "+1,2,0 +0,4,2 -0,4,2 -0,3,1 +0,4,2 -0,3,1";
    QTest::newRow("fastRefillWholeTokenAfter100ms")
        << 5 << 10.0 << "0 0 0 0 0 0 100 250"
        << "+4,1,0 +3,1,0 +2,1,0 +1,1,0 +0,1,1 -0,1,1 +0,1,1 +0,1,1";
    QTest::newRow("refillCapsAtCapacity")
        << 60 << 1.0 << "0 0 30000 90000"
        << "+59,1,0 +58,2,0 +59,1,0 +59,1,0";
    QTest::newRow("clockGoingBackwardsAddsNothing")
        << 2 << 1.0 << "5000 4000 4500 6000"
        << "+1,1,0 +0,2,1 -0,2,1 +0,2,1";
}

void tst_RateLimiter::reportsHeaderValuesAfterEachTake()
{
    QFETCH(int, capacity);
    QFETCH(double, refill);
    QFETCH(QString, times);
    QFETCH(QString, expected);

    TokenBucketRateLimiter limiter(capacity, refill);
    QStringList actual;
    for (const QString &t : times.split(u' ')) {
        const TokenBucketRateLimiter::Decision d = limiter.take("client-1", t.toLongLong());
        QCOMPARE(d.limit, capacity);
        actual << describe(d);
    }
    QCOMPARE(actual.join(u' '), expected);
}

void tst_RateLimiter::unlimitedAllowsEverythingWithoutTracking()
{
    TokenBucketRateLimiter limiter; // capacity 0 by default
    for (int i = 0; i < 1000; ++i) {
        const auto d = limiter.take("client-" + std::to_string(i % 7), 0);
        QVERIFY(d.allowed);
        QCOMPARE(describe(d), QStringLiteral("+0,0,0"));
        QCOMPARE(d.limit, 0);
    }
    QCOMPARE(limiter.trackedKeys(), std::size_t(0));
}

void tst_RateLimiter::keysHaveSeparateBuckets()
{
    TokenBucketRateLimiter limiter(1, 1.0);
    QCOMPARE(describe(limiter.take("alice", 0)), QStringLiteral("+0,1,1"));
    QCOMPARE(describe(limiter.take("alice", 0)), QStringLiteral("-0,1,1"));
    QCOMPARE(describe(limiter.take("bob", 0)), QStringLiteral("+0,1,1"));
    QCOMPARE(limiter.trackedKeys(), std::size_t(2));
}

void tst_RateLimiter::rejectsInvalidConfiguration_data()
{
    QTest::addColumn<int>("capacity");
    QTest::addColumn<double>("refill");
    QTest::addColumn<QString>("field");

    QTest::newRow("negativeCapacity") << -1 << 1.0 << "capacity:minimum";
    QTest::newRow("zeroRefill") << 5 << 0.0 << "refillPerSecond:exclusiveMinimum";
    QTest::newRow("negativeRefill") << 5 << -2.0 << "refillPerSecond:exclusiveMinimum";
    QTest::newRow("nanRefill") << 5 << std::numeric_limits<double>::quiet_NaN()
                               << "refillPerSecond:exclusiveMinimum";
    QTest::newRow("infiniteRefill") << 5 << std::numeric_limits<double>::infinity()
                                    << "refillPerSecond:exclusiveMinimum";
}

void tst_RateLimiter::rejectsInvalidConfiguration()
{
    QFETCH(int, capacity);
    QFETCH(double, refill);
    QFETCH(QString, field);

    TokenBucketRateLimiter limiter(4, 2.0);
    const auto status = limiter.configure(capacity, refill);
    QVERIFY(!status.ok());
    QCOMPARE(status.error().kind, ErrorKind::Validation);
    QCOMPARE(status.error().fields.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(status.error().fields[0].field + ':'
                                    + status.error().fields[0].code),
             field);
    QCOMPARE(limiter.capacity(), 4);
    QCOMPARE(limiter.refillPerSecond(), 2.0);
}

void tst_RateLimiter::reconfigureStartsBucketsAfresh()
{
    TokenBucketRateLimiter limiter(1, 1.0);
    QVERIFY(limiter.take("alice", 0).allowed);
    QVERIFY(!limiter.take("alice", 0).allowed);

    QVERIFY(limiter.configure(3, 1.0).ok());
    QCOMPARE(limiter.trackedKeys(), std::size_t(0));
    const auto d = limiter.take("alice", 0);
    QCOMPARE(describe(d), QStringLiteral("+2,1,0"));
    QCOMPARE(d.limit, 3);
}

void tst_RateLimiter::evictsLeastRecentlyUsedBeyondMaxKeys()
{
    // One token refilling over 1000 s: a denied key stays denied unless its bucket is evicted.
    TokenBucketRateLimiter limiter(1, 0.001, 2);
    QVERIFY(limiter.take("a", 0).allowed);
    QVERIFY(limiter.take("b", 0).allowed);
    QVERIFY(!limiter.take("a", 1).allowed); // a is now the most recently used
    QVERIFY(limiter.take("c", 2).allowed);  // evicts b
    QCOMPARE(limiter.trackedKeys(), std::size_t(2));
    QVERIFY(!limiter.take("a", 3).allowed); // a survived
    QVERIFY(limiter.take("b", 4).allowed);  // fresh bucket; evicts c
    QVERIFY(!limiter.take("a", 5).allowed);
    QCOMPARE(limiter.trackedKeys(), std::size_t(2));
}

void tst_RateLimiter::dropsBucketsThatRefilledCompletely()
{
    TokenBucketRateLimiter limiter(2, 1.0);
    limiter.take("a", 0);
    limiter.take("b", 0);
    limiter.take("c", 500);
    QCOMPARE(limiter.trackedKeys(), std::size_t(3)); // a and b are not full until 1000 ms
    const auto d = limiter.take("c", 1000);
    QCOMPARE(limiter.trackedKeys(), std::size_t(1)); // a and b are full again: dropped
    QCOMPARE(describe(d), QStringLiteral("+0,2,1"));  // c kept its own state
}

QTEST_APPLESS_MAIN(tst_RateLimiter)
#include "tst_ratelimiter.moc"
