// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/idempotencycache.h"

#include <QTest>

using petstore::core::HttpResponse;
using petstore::core::IdempotencyCache;

namespace {

using Outcome = IdempotencyCache::Outcome;

constexpr std::int64_t Hour = 60LL * 60 * 1000;
const std::string Scope = "user:alice POST /v1/orders";

HttpResponse created(const std::string &id)
{
    HttpResponse response;
    response.status = 201;
    response.setHeader("Content-Type", "application/json");
    response.setHeader("Location", "/v1/orders/" + id);
    response.body = R"({"id":")" + id + R"("})";
    return response;
}

const char *name(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Miss: return "Miss";
    case Outcome::Replay: return "Replay";
    case Outcome::Mismatch: return "Mismatch";
    }
    return "?";
}

} // namespace

class tst_IdempotencyCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void missesUnknownKey();
    void replaysSameResponseForSameKey();
    void reportsMismatchForDifferentBody();
    void separatesScopes();
    void expiresAfterTimeToLive();
    void evictsLeastRecentlyUsed();
    void storeReplacesEntryAndRestartsTtl();
    void validatesKeys_data();
    void validatesKeys();
};

void tst_IdempotencyCache::missesUnknownKey()
{
    IdempotencyCache cache;
    QCOMPARE(name(cache.lookup(Scope, "k1", "{}", 0).outcome), "Miss");
    QCOMPARE(cache.size(), std::size_t(0));
}

void tst_IdempotencyCache::replaysSameResponseForSameKey()
{
    IdempotencyCache cache;
    cache.store(Scope, "k1", R"({"petId":"p1"})", created("o1"), 1000);

    const auto first = cache.lookup(Scope, "k1", R"({"petId":"p1"})", 2000);
    QCOMPARE(name(first.outcome), "Replay");
    QCOMPARE(first.response.status, 201);
    QCOMPARE(first.response.header("location"), std::string("/v1/orders/o1"));
    QCOMPARE(first.response.header("Content-Type"), std::string("application/json"));
    QCOMPARE(first.response.body, std::string(R"({"id":"o1"})"));
    QCOMPARE(first.response.headers.size(), std::size_t(2));

    const auto second = cache.lookup(Scope, "k1", R"({"petId":"p1"})", 3000);
    QCOMPARE(name(second.outcome), "Replay");
    QCOMPARE(second.response.body, std::string(R"({"id":"o1"})"));
}

void tst_IdempotencyCache::reportsMismatchForDifferentBody()
{
    IdempotencyCache cache;
    cache.store(Scope, "k1", R"({"petId":"p1"})", created("o1"), 0);
    const auto result = cache.lookup(Scope, "k1", R"({"petId":"p2"})", 1);
    QCOMPARE(name(result.outcome), "Mismatch");
    QCOMPARE(result.response.body, std::string());
    // Byte-exact fingerprint: even insignificant whitespace is a different request body.
    QCOMPARE(name(cache.lookup(Scope, "k1", R"({"petId": "p1"})", 2).outcome), "Mismatch");
    // The original entry is untouched.
    QCOMPARE(name(cache.lookup(Scope, "k1", R"({"petId":"p1"})", 3).outcome), "Replay");
}

void tst_IdempotencyCache::separatesScopes()
{
    IdempotencyCache cache;
    cache.store(Scope, "k1", "body", created("o1"), 0);
    QCOMPARE(name(cache.lookup("user:bob POST /v1/orders", "k1", "body", 1).outcome), "Miss");
    QCOMPARE(name(cache.lookup("user:alice POST /v1/pets", "k1", "body", 1).outcome), "Miss");
    // The scope/key boundary is unambiguous: moving characters across it is another entry.
    cache.store("a", "bc", "body", created("o2"), 0);
    QCOMPARE(name(cache.lookup("ab", "c", "body", 1).outcome), "Miss");
    QCOMPARE(name(cache.lookup("a", "bc", "body", 1).outcome), "Replay");
}

void tst_IdempotencyCache::expiresAfterTimeToLive()
{
    IdempotencyCache cache; // 24 h by default
    cache.store(Scope, "k1", "body", created("o1"), 1000);
    QCOMPARE(name(cache.lookup(Scope, "k1", "body", 1000 + 24 * Hour - 1).outcome), "Replay");
    QCOMPARE(name(cache.lookup(Scope, "k1", "body", 1000 + 24 * Hour).outcome), "Miss");
    QCOMPARE(cache.size(), std::size_t(0));

    IdempotencyCache shortLived(10, 500);
    shortLived.store(Scope, "k1", "body", created("o1"), 0);
    shortLived.store(Scope, "k2", "body", created("o2"), 100);
    // Any call drops entries that expired at the cold end.
    QCOMPARE(name(shortLived.lookup(Scope, "k2", "body", 550).outcome), "Replay");
    QCOMPARE(shortLived.size(), std::size_t(1));
}

void tst_IdempotencyCache::evictsLeastRecentlyUsed()
{
    IdempotencyCache cache(2, 24 * Hour);
    cache.store(Scope, "k1", "b", created("o1"), 0);
    cache.store(Scope, "k2", "b", created("o2"), 1);
    QCOMPARE(name(cache.lookup(Scope, "k1", "b", 2).outcome), "Replay"); // k1 most recent
    cache.store(Scope, "k3", "b", created("o3"), 3);                     // evicts k2
    QCOMPARE(cache.size(), std::size_t(2));
    QCOMPARE(name(cache.lookup(Scope, "k2", "b", 4).outcome), "Miss");
    QCOMPARE(name(cache.lookup(Scope, "k1", "b", 4).outcome), "Replay");
    QCOMPARE(name(cache.lookup(Scope, "k3", "b", 4).outcome), "Replay");
}

void tst_IdempotencyCache::storeReplacesEntryAndRestartsTtl()
{
    IdempotencyCache cache(10, 1000);
    cache.store(Scope, "k1", "old", created("o1"), 0);
    cache.store(Scope, "k1", "new", created("o2"), 800);
    QCOMPARE(cache.size(), std::size_t(1));
    const auto result = cache.lookup(Scope, "k1", "new", 1500);
    QCOMPARE(name(result.outcome), "Replay");
    QCOMPARE(result.response.body, std::string(R"({"id":"o2"})"));
    QCOMPARE(name(cache.lookup(Scope, "k1", "new", 1800).outcome), "Miss");
}

void tst_IdempotencyCache::validatesKeys_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<bool>("valid");

    QTest::newRow("uuid") << QByteArray("8e03978e-40d5-43e8-bc93-6894a57f9324") << true;
    QTest::newRow("oneChar") << QByteArray("x") << true;
    QTest::newRow("printablePunctuation") << QByteArray("a b~!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}")
                                          << true;
    QTest::newRow("max255") << QByteArray(255, 'k') << true;
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("tooLong256") << QByteArray(256, 'k') << false;
    QTest::newRow("tab") << QByteArray("a\tb") << false;
    QTest::newRow("newline") << QByteArray("a\nb") << false;
    QTest::newRow("nul") << QByteArray("a\0b", 3) << false;
    QTest::newRow("del") << QByteArray("a\x7f") << false;
    QTest::newRow("utf8") << QByteArray("cl\xc3\xa9") << false;
}

void tst_IdempotencyCache::validatesKeys()
{
    QFETCH(QByteArray, key);
    QFETCH(bool, valid);
    QCOMPARE(IdempotencyCache::isValidKey(std::string_view(key.constData(), key.size())), valid);
}

QTEST_APPLESS_MAIN(tst_IdempotencyCache)
#include "tst_idempotencycache.moc"
