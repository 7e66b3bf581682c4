// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/petstore/tenantregistry.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTest>

using namespace petstore::core;
using nlohmann::json;

namespace {

const TimePoint FixedTime{std::chrono::milliseconds(1772366400000)};  // 2026-03-01T12:00:00Z

TimePoint fixedClock()
{
    return FixedTime;
}

constexpr const char *PetId = "019b7def-6680-7000-8001-000000000001";

json smallSeed()
{
    return json::parse(R"({"pets": [{"id": "019b7def-6680-7000-8001-000000000001",
        "name": "Biscuit", "species": "DOG", "status": "AVAILABLE", "price": "450.00",
        "currency": "USD", "createdAt": "2026-01-02T09:00:00.000Z",
        "updatedAt": "2026-01-02T09:00:00.000Z"}],
        "users": [], "orders": [], "payments": [], "inventory": []})");
}

} // namespace

class tst_TenantRegistry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void seedsDefaultTenant();
    void treatsEmptyIdAsDefault();
    void isolatesTenants();
    void validatesTenantIds_data();
    void validatesTenantIds();
    void boundsNumberOfTenants();
    void resetDropsTenantsAndReseedsDefault();
    void roundTripsSnapshot();
    void restoreRejectsGarbageAndKeepsTenants_data();
    void restoreRejectsGarbageAndKeepsTenants();
    void reportsRejectedSeed();
    void seedsNewTenantInWellUnderOneMillisecond();
};

void tst_TenantRegistry::seedsDefaultTenant()
{
    DomainEventBus bus(fixedClock);
    TenantRegistry registry(smallSeed(), &bus, fixedClock);
    QVERIFY(registry.seedStatus().ok());
    QCOMPARE(registry.tenantIds(), std::vector<std::string>{"default"});
    QCOMPARE(registry.defaultStore().tenantId(), std::string("default"));
    QCOMPARE(registry.defaultStore().getPet(PetId)->name, std::string("Biscuit"));
    QCOMPARE(bus.lastSequence(), std::uint64_t(0));
}

void tst_TenantRegistry::treatsEmptyIdAsDefault()
{
    DomainEventBus bus(fixedClock);
    TenantRegistry registry(smallSeed(), &bus, fixedClock);
    QCOMPARE(registry.store("").value(), &registry.defaultStore());
    QCOMPARE(registry.store("default").value(), &registry.defaultStore());
}

void tst_TenantRegistry::isolatesTenants()
{
    DomainEventBus bus(fixedClock);
    std::vector<std::string> tenantsSeen;
    bus.subscribe([&](const CloudEvent &e) { tenantsSeen.push_back(e.tenantId); });
    TenantRegistry registry(smallSeed(), &bus, fixedClock);
    Store *ci = registry.store("ci-job-1").value();
    QCOMPARE(ci->tenantId(), std::string("ci-job-1"));
    QCOMPARE(registry.store("ci-job-1").value(), ci);   // same store on later calls
    QVERIFY(ci->deletePet(PetId).ok());
    QVERIFY(!ci->getPet(PetId).ok());
    QVERIFY(registry.defaultStore().getPet(PetId).ok());
    QVERIFY(registry.store("ci-job-2").value()->getPet(PetId).ok());  // seeded from the template
    QCOMPARE(registry.tenantIds(), (std::vector<std::string>{"ci-job-1", "ci-job-2", "default"}));
    QCOMPARE(tenantsSeen, std::vector<std::string>{"ci-job-1"});
}

void tst_TenantRegistry::validatesTenantIds_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("valid");
    QTest::newRow("simple") << "team-a" << true;
    QTest::newRow("all classes") << "A.z_0-9" << true;
    QTest::newRow("64 chars") << QString(64, QLatin1Char('t')) << true;
    QTest::newRow("65 chars") << QString(65, QLatin1Char('t')) << false;
    QTest::newRow("slash") << "a/b" << false;
    QTest::newRow("space") << "a b" << false;
    QTest::newRow("non ascii") << QString::fromUtf8("t\xC3\xBC") << false;
    QTest::newRow("empty") << "" << false;
}

void tst_TenantRegistry::validatesTenantIds()
{
    QFETCH(QString, id);
    QFETCH(bool, valid);
    const std::string text = id.toStdString();
    QCOMPARE(TenantRegistry::isValidTenantId(text), valid);
    if (text.empty())
        return;
    DomainEventBus bus(fixedClock);
    TenantRegistry registry(smallSeed(), &bus, fixedClock);
    const Result<Store *> store = registry.store(text);
    QCOMPARE(store.ok(), valid);
    if (!valid) {
        QCOMPARE(store.error().kind, ErrorKind::Validation);
        QCOMPARE(registry.tenantIds().size(), std::size_t(1));
    }
}

void tst_TenantRegistry::boundsNumberOfTenants()
{
    DomainEventBus bus(fixedClock);
    TenantRegistry registry(smallSeed(), &bus, fixedClock, 3);
    QVERIFY(registry.store("a").ok());
    QVERIFY(registry.store("b").ok());
    const Result<Store *> refused = registry.store("c");
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind, ErrorKind::Conflict);
    QVERIFY(registry.store("a").ok());          // existing tenants stay reachable
    QVERIFY(registry.store("").ok());
    QCOMPARE(registry.tenantIds().size(), std::size_t(3));
}

void tst_TenantRegistry::resetDropsTenantsAndReseedsDefault()
{
    DomainEventBus bus(fixedClock);
    TenantRegistry registry(smallSeed(), &bus, fixedClock);
    QVERIFY(registry.store("x").ok());
    QVERIFY(registry.defaultStore().deletePet(PetId).ok());
    registry.reset();
    QCOMPARE(registry.tenantIds(), std::vector<std::string>{"default"});
    QVERIFY(registry.defaultStore().getPet(PetId).ok());
}

void tst_TenantRegistry::roundTripsSnapshot()
{
    DomainEventBus bus(fixedClock);
    TenantRegistry registry(smallSeed(), &bus, fixedClock);
    QVERIFY(registry.store("x").value()->deletePet(PetId).ok());
    const json snapshot = registry.snapshot();
    QCOMPARE(snapshot.at("tenants").size(), std::size_t(2));
    QCOMPARE(snapshot.at("tenants").at("x").at("pets").size(), std::size_t(0));

    TenantRegistry other(json{{"pets", json::array()}, {"users", json::array()},
                              {"orders", json::array()}, {"payments", json::array()},
                              {"inventory", json::array()}},
                         &bus, fixedClock);
    QVERIFY(other.restore(snapshot).ok());
    QCOMPARE(other.tenantIds(), (std::vector<std::string>{"default", "x"}));
    QCOMPARE(other.snapshot().dump(), snapshot.dump());
    QVERIFY(!other.store("x").value()->getPet(PetId).ok());

    // A snapshot without the default tenant gets it seeded from the template.
    QVERIFY(registry.restore(json{{"tenants", {{"y", snapshot.at("tenants").at("x")}}}}).ok());
    QCOMPARE(registry.tenantIds(), (std::vector<std::string>{"default", "y"}));
    QVERIFY(registry.defaultStore().getPet(PetId).ok());
}

void tst_TenantRegistry::restoreRejectsGarbageAndKeepsTenants_data()
{
    QTest::addColumn<QString>("document");
    QTest::addColumn<QString>("field");
    QTest::newRow("array") << "[]" << "/tenants";
    QTest::newRow("no tenants") << "{}" << "/tenants";
    QTest::newRow("tenants not object") << R"({"tenants":[]})" << "/tenants";
    QTest::newRow("bad tenant id") << R"({"tenants":{"a b":{}}})" << "/tenants/a b";
    QTest::newRow("bad store") << R"({"tenants":{"t1":{"pets":5}}})" << "/tenants/t1/pets";
    QTest::newRow("too many") << R"({"tenants":{"a":{},"b":{},"c":{},"d":{}}})" << "/tenants";
}

void tst_TenantRegistry::restoreRejectsGarbageAndKeepsTenants()
{
    QFETCH(QString, document);
    QFETCH(QString, field);
    DomainEventBus bus(fixedClock);
    TenantRegistry registry(smallSeed(), &bus, fixedClock, 3);
    QVERIFY(registry.store("kept").ok());
    const Status status = registry.restore(json::parse(document.toStdString()));
    QVERIFY(!status.ok());
    QCOMPARE(status.error().kind, ErrorKind::Validation);
    QCOMPARE(QString::fromStdString(status.error().fields.at(0).field), field);
    QCOMPARE(registry.tenantIds(), (std::vector<std::string>{"default", "kept"}));
}

void tst_TenantRegistry::reportsRejectedSeed()
{
    DomainEventBus bus(fixedClock);
    QTest::ignoreMessage(QtWarningMsg,
                         "seed rejected, tenants start empty: the snapshot is not valid");
    TenantRegistry registry(json{{"pets", "nope"}}, &bus, fixedClock);
    QVERIFY(!registry.seedStatus().ok());
    QCOMPARE(registry.defaultStore().petCountsByStatus().at("AVAILABLE").get<int>(), 0);
    QVERIFY(registry.store("other").ok());
}

void tst_TenantRegistry::seedsNewTenantInWellUnderOneMillisecond()
{
    const QString dir = qEnvironmentVariable("PETSTORE_SOURCE_DIR");
    const QString path = dir.isEmpty() ? QFINDTESTDATA("../../../../resources/seed/petstore.json")
                                       : dir + "/resources/seed/petstore.json";
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    DomainEventBus bus(fixedClock);
    TenantRegistry registry(json::parse(file.readAll().toStdString()), &bus, fixedClock, 300);
    QVERIFY(registry.seedStatus().ok());
    constexpr int Tenants = 200;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < Tenants; ++i)
        QVERIFY(registry.store("tenant-" + std::to_string(i)).ok());
    const qint64 perTenantUs = timer.nsecsElapsed() / 1000 / Tenants;
    qInfo("new tenant: %lld us", perTenantUs);
    QVERIFY2(perTenantUs < 500, qPrintable(QString::number(perTenantUs)));
    QCOMPARE(registry.store("tenant-7").value()->listPets({}).value().size(), std::size_t(50));
}

QTEST_APPLESS_MAIN(tst_TenantRegistry)
#include "tst_tenantregistry.moc"
