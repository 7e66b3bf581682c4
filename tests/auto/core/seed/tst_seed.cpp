// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/petstore/domainjson.h"
#include "core/petstore/store.h"

#include <QFile>
#include <QTest>

#include <map>
#include <set>

using namespace petstore::core;
using nlohmann::json;

namespace {

// A range-for over `temporary.value()` would dangle (Result::value() && returns T&&).
template<typename T>
T valueOf(Result<T> result)
{
    return std::move(result).value();
}

// Enums compare by wire name: QCOMPARE cannot print them (our toString returns string_view).
template<typename Enum>
QString wire(Enum value)
{
    const std::string_view name = toString(value);
    return QString::fromUtf8(name.data(), int(name.size()));
}

} // namespace

// The seed is data (STYLE "data is data"): this test is what keeps it loadable and consistent.
class tst_Seed : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void loadsIntoStore();
    void hasDocumentedCounts();
    void usesPublicShapes();
    void usesFixedUuidV7Ids();
    void keepsTimestampsIn2026();
    void keepsOrdersAndPetsConsistent();
    void keepsPaymentsConsistent();
    void hasLowStockProduct();
    void authenticatesEveryDemoCredential();

private:
    json m_seed;
    DomainEventBus m_bus;
    std::unique_ptr<Store> m_store;
};

void tst_Seed::initTestCase()
{
    const QString dir = qEnvironmentVariable("PETSTORE_SOURCE_DIR");
    const QString path = dir.isEmpty() ? QFINDTESTDATA("../../../../resources/seed/petstore.json")
                                       : dir + "/resources/seed/petstore.json";
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
    m_seed = json::parse(file.readAll().toStdString(), nullptr, false);
    QVERIFY(m_seed.is_object());
    m_store = std::make_unique<Store>("default", &m_bus);
}

void tst_Seed::loadsIntoStore()
{
    const Status status = m_store->loadSeed(m_seed);
    if (!status.ok()) {
        for (const FieldError &e : status.error().fields)
            qWarning("%s: %s", e.field.c_str(), e.message.c_str());
    }
    QVERIFY(status.ok());
    QCOMPARE(m_bus.lastSequence(), std::uint64_t(0));
}

void tst_Seed::hasDocumentedCounts()
{
    QCOMPARE(m_seed.at("pets").size(), std::size_t(50));
    QCOMPARE(m_seed.at("users").size(), std::size_t(10));
    QCOMPARE(m_seed.at("orders").size(), std::size_t(20));
    QCOMPARE(m_seed.at("payments").size(), std::size_t(13));
    QCOMPARE(m_seed.at("inventory").size(), std::size_t(8));
    QCOMPARE(m_seed.at("demoCredentials").size(), std::size_t(10));
    QCOMPARE(m_store->petCountsByStatus().dump(),
             std::string(R"({"ADOPTED":11,"AVAILABLE":30,"NOT_AVAILABLE":4,"PENDING":5})"));
    std::set<std::string> species;
    for (const json &pet : m_seed.at("pets"))
        species.insert(pet.at("species").get<std::string>());
    QCOMPARE(species.size(), std::size_t(6));
    int anonymous = 0;
    for (const json &order : m_seed.at("orders"))
        anonymous += order.at("userId").is_null() ? 1 : 0;
    QCOMPARE(anonymous, 2);
    const User admin = m_store->findUserByUsername("admin").value();
    QCOMPARE(wire(admin.role), QStringLiteral("ADMIN"));
    QCOMPARE(m_seed.at("users").at(0).at("username").get<std::string>(), std::string("admin"));
    int admins = 0;
    for (const User &u : m_store->listUsers())
        admins += u.role == Role::Admin ? 1 : 0;
    QCOMPARE(admins, 1);
}

void tst_Seed::usesPublicShapes()
{
    // Each element is exactly what the API returns for it (users add only passwordHash), so
    // docs may quote the seed verbatim.
    for (const json &pet : m_seed.at("pets"))
        QCOMPARE(toJson(*m_store->getPet(pet.at("id"))).dump(), pet.dump());
    for (const json &user : m_seed.at("users")) {
        json expected = toJson(*m_store->getUser(user.at("id")));
        expected["passwordHash"] = user.at("passwordHash");
        QCOMPARE(expected.dump(), user.dump());
    }
    for (const json &order : m_seed.at("orders"))
        QCOMPARE(toJson(*m_store->getOrder(order.at("id"))).dump(), order.dump());
    for (const json &payment : m_seed.at("payments"))
        QCOMPARE(toJson(*m_store->getPayment(payment.at("id"))).dump(), payment.dump());
    for (const json &item : m_seed.at("inventory"))
        QCOMPARE(toJson(*m_store->getInventoryItem(item.at("productId"))).dump(), item.dump());
}

void tst_Seed::usesFixedUuidV7Ids()
{
    std::set<std::string> ids;
    const auto check = [&ids](const std::string &id) {
        QVERIFY2(isUuid(id), id.c_str());
        QCOMPARE(id[14], '7');                                   // version (RFC 9562 §4.2)
        QVERIFY2(std::string("89ab").find(id[19]) != std::string::npos, id.c_str());  // variant 10xx
        QVERIFY2(ids.insert(id).second, id.c_str());
    };
    for (const char *collection : {"pets", "users", "orders", "payments"}) {
        for (const json &element : m_seed.at(collection))
            check(element.at("id").get<std::string>());
    }
    for (const json &item : m_seed.at("inventory"))
        check(item.at("productId").get<std::string>());
    // Docs name these ids: keep them stable.
    QCOMPARE(m_seed.at("pets").at(0).at("id").get<std::string>(),
             std::string("019b7def-6680-7000-8001-000000000001"));
    QCOMPARE(m_seed.at("users").at(0).at("id").get<std::string>(),
             std::string("019b789f-d7a0-7000-8002-000000000001"));
}

void tst_Seed::keepsTimestampsIn2026()
{
    const TimePoint from = *parseRfc3339("2026-01-01T00:00:00Z");
    const TimePoint to = *parseRfc3339("2027-01-01T00:00:00Z");
    const auto inYear = [&](TimePoint t) { return t >= from && t < to; };
    for (const Pet &p : valueOf(m_store->listPets({})))
        QVERIFY(inYear(p.createdAt) && inYear(p.updatedAt) && p.createdAt <= p.updatedAt);
    for (const Order &o : valueOf(m_store->listOrders({})))
        QVERIFY(inYear(o.createdAt) && inYear(o.updatedAt) && o.createdAt <= o.updatedAt);
    for (const User &u : m_store->listUsers())
        QVERIFY(inYear(u.createdAt));
    for (const InventoryItem &i : m_store->listInventory())
        QVERIFY(inYear(i.updatedAt));
}

void tst_Seed::keepsOrdersAndPetsConsistent()
{
    std::map<std::string, int> openOrdersByPet;
    for (const Order &order : valueOf(m_store->listOrders({}))) {
        const Result<Pet> pet = m_store->getPet(order.petId);
        QVERIFY2(pet.ok(), order.id.c_str());
        QCOMPARE(order.totalAmount, pet->price);
        QCOMPARE(order.currency, pet->currency);
        if (order.userId)
            QVERIFY(m_store->getUser(*order.userId).ok());
        switch (order.status) {
        case OrderStatus::Placed:
            QCOMPARE(wire(pet->status), QStringLiteral("PENDING"));
            break;
        case OrderStatus::Approved:
        case OrderStatus::Shipped:
        case OrderStatus::Delivered:
            QCOMPARE(wire(pet->status), QStringLiteral("ADOPTED"));
            break;
        case OrderStatus::Cancelled:
            QCOMPARE(wire(pet->status), QStringLiteral("AVAILABLE"));
            break;
        }
        if (order.status != OrderStatus::Cancelled)
            ++openOrdersByPet[order.petId];
    }
    // Every held pet is held by exactly one order.
    for (const Pet &pet : valueOf(m_store->listPets({}))) {
        const bool held = pet.status == PetStatus::Pending || pet.status == PetStatus::Adopted;
        QCOMPARE(openOrdersByPet[pet.id], held ? 1 : 0);
    }
}

void tst_Seed::keepsPaymentsConsistent()
{
    std::map<std::string, PaymentStatus> latest;
    for (const json &element : m_seed.at("payments")) {
        const Payment payment = m_store->getPayment(element.at("id")).value();
        const Order order = m_store->getOrder(payment.orderId).value();
        QCOMPARE(payment.amount, order.totalAmount);
        QCOMPARE(payment.currency, order.currency);
        QCOMPARE(order.paymentId, std::optional<std::string>(payment.id));
        QCOMPARE(payment.failureReason.has_value(), payment.status == PaymentStatus::Failed);
        latest[order.id] = payment.status;
    }
    for (const Order &order : valueOf(m_store->listOrders({}))) {
        const bool paid = order.status == OrderStatus::Approved
            || order.status == OrderStatus::Shipped || order.status == OrderStatus::Delivered;
        if (paid)
            QCOMPARE(latest.count(order.id), std::size_t(1));
        if (latest.count(order.id))
            QCOMPARE(latest[order.id] == PaymentStatus::Succeeded, paid);
    }
}

void tst_Seed::hasLowStockProduct()
{
    int low = 0;
    for (const InventoryItem &item : m_store->listInventory())
        low += item.stock <= item.reorderLevel ? 1 : 0;
    QVERIFY(low >= 1);
}

void tst_Seed::authenticatesEveryDemoCredential()
{
    for (const json &credential : m_seed.at("demoCredentials")) {
        const std::string username = credential.at("username");
        const Result<User> user = m_store->authenticate(username, credential.at("password"));
        QVERIFY2(user.ok(), username.c_str());
        QCOMPARE(std::string(toString(user->role)), credential.at("role").get<std::string>());
        QCOMPARE(credential.at("password").get<std::string>(), username + "-password-1");
    }
}

QTEST_APPLESS_MAIN(tst_Seed)
#include "tst_seed.moc"
