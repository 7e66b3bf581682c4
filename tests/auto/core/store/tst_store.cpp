// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/petstore/domainjson.h"
#include "core/petstore/store.h"

#include <QTest>

#include <memory>

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

TimePoint at(const char *rfc3339)
{
    return *parseRfc3339(rfc3339);
}

const CardInput GoodCard{"4242 4242 4242 4242", 12, 2030, "987", "Alice Johnson"};
const CardInput DecliningCard{"4000-0000-0000-0002", 12, 2030, "987", "Alice Johnson"};

// One tenant's store on a fixed, steppable clock, recording every event it publishes.
class Harness
{
public:
    Harness()
        : bus([this] { return now; }), store("default", &bus, [this] { return now; })
    {
        bus.subscribe([this](const CloudEvent &e) { events.push_back(e); });
    }
    Harness(const Harness &) = delete;
    Harness &operator=(const Harness &) = delete;

    void tick(int ms = 1000) { now += std::chrono::milliseconds(ms); }
    QString eventTypes() const
    {
        QStringList types;
        for (const CloudEvent &e : events)
            types << QString::fromStdString(e.type);
        return types.join(QLatin1Char(' '));
    }
    Pet createPet(json body = {{"name", "Biscuit"}, {"species", "DOG"}, {"price", "450.00"}})
    {
        tick();
        return store.createPet(body).value();
    }

    TimePoint now = at("2026-03-01T12:00:00.000Z");
    DomainEventBus bus;
    Store store;
    std::vector<CloudEvent> events;
};

QString kindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::BadRequest: return "BadRequest";
    case ErrorKind::Validation: return "Validation";
    case ErrorKind::NotFound: return "NotFound";
    case ErrorKind::Conflict: return "Conflict";
    case ErrorKind::InvalidTransition: return "InvalidTransition";
    case ErrorKind::Unauthorized: return "Unauthorized";
    case ErrorKind::Forbidden: return "Forbidden";
    case ErrorKind::PreconditionFailed: return "PreconditionFailed";
    case ErrorKind::Internal: return "Internal";
    }
    return {};
}

template<typename T>
QString outcome(const Result<T> &result)
{
    return result.ok() ? QStringLiteral("ok") : kindName(result.error().kind);
}

QString fieldCodes(const Error &error)
{
    QStringList parts;
    for (const FieldError &e : error.fields)
        parts << QString::fromStdString(e.field + ":" + e.code);
    return parts.join(QLatin1Char(' '));
}

QString petStatus(const Store &store, const std::string &id)
{
    const Result<Pet> pet = store.getPet(id);
    return pet ? QString::fromUtf8(toString(pet->status).data()) : QStringLiteral("gone");
}

QString name(std::string_view wire)
{
    return QString::fromUtf8(wire.data(), int(wire.size()));
}

// A seed document with one inventory item (stock 12, reorder level 10).
json inventorySeed()
{
    return json::parse(R"({"pets": [], "users": [], "orders": [], "payments": [],
        "inventory": [{"productId": "019b7824-3f00-7000-8005-000000000001", "sku": "FOOD-DOG-001",
                       "name": "Premium Dog Food", "category": "food", "stock": 12,
                       "reorderLevel": 10, "unitPrice": "54.99", "currency": "USD",
                       "updatedAt": "2026-02-01T00:00:00.000Z"}]})");
}

constexpr const char *ProductId = "019b7824-3f00-7000-8005-000000000001";

} // namespace

class tst_Store : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createAcceptsOnlyEditableStatuses_data();
    void createAcceptsOnlyEditableStatuses();
    void petTransitions_data();
    void petTransitions();
    void orderTransitions_data();
    void orderTransitions();
    void paymentTransitions_data();
    void paymentTransitions();
    void completesPurchaseFlow();
    void decliningCardFailsAndAllowsRetry();
    void publishesPreviousStatusAndSubjects();
    void placeOrderChecksPetAndCallback();
    void rejectsInvalidCards_data();
    void rejectsInvalidCards();
    void detectsCardBrand_data();
    void detectsCardBrand();
    void neverKeepsCardNumberOrCvc();
    void adjustsStock_data();
    void adjustsStock();
    void reportsLowStockOnlyWhenCrossing();
    void validatesRegistration_data();
    void validatesRegistration();
    void rejectsDuplicateUsernameAndEmail();
    void authenticatesWithOneMessageForAllFailures();
    void editsUsersButNotUsernameOrRole();
    void mergePatchesPets();
    void replaceKeepsIdentityAndBumpsRevision();
    void filtersAndSortsPets_data();
    void filtersAndSortsPets();
    void listsOrdersNewestFirst();
    void countsPetsByStatus();
    void snapshotRestoresFullFidelity();
    void restoreRejectsGarbageAndKeepsState_data();
    void restoreRejectsGarbageAndKeepsState();
    void copiesPrototypeForAnotherTenant();
};

void tst_Store::createAcceptsOnlyEditableStatuses_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("expected");
    QTest::newRow("AVAILABLE") << "AVAILABLE" << "ok";
    QTest::newRow("NOT_AVAILABLE") << "NOT_AVAILABLE" << "ok";
    QTest::newRow("PENDING") << "PENDING" << "InvalidTransition";
    QTest::newRow("ADOPTED") << "ADOPTED" << "InvalidTransition";
}

void tst_Store::createAcceptsOnlyEditableStatuses()
{
    QFETCH(QString, status);
    QFETCH(QString, expected);
    Harness h;
    const Result<Pet> pet = h.store.createPet(
        {{"name", "Luna"}, {"species", "CAT"}, {"status", status.toStdString()}});
    QCOMPARE(outcome(pet), expected);
    QCOMPARE(h.eventTypes(), pet.ok() ? QStringLiteral("pet.created") : QString());
    if (pet.ok()) {
        QCOMPARE(pet->revision, std::uint64_t(1));
        QCOMPARE(pet->createdAt, h.now);
        QCOMPARE(h.events[0].data.dump(), toJson(*pet).dump());
    }
}

void tst_Store::petTransitions_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("op");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QString>("events");
    const QString updated = "pet.updated";
    const QString changed = "pet.updated pet.status_changed";
    const struct { const char *from, *op, *expected, *after; QString events; } rows[] = {
        {"AVAILABLE", "put:AVAILABLE", "ok", "AVAILABLE", updated},
        {"AVAILABLE", "put:NOT_AVAILABLE", "ok", "NOT_AVAILABLE", changed},
        {"AVAILABLE", "put:PENDING", "InvalidTransition", "AVAILABLE", ""},
        {"AVAILABLE", "put:ADOPTED", "InvalidTransition", "AVAILABLE", ""},
        {"AVAILABLE", "put", "ok", "AVAILABLE", updated},
        {"AVAILABLE", "patch:NOT_AVAILABLE", "ok", "NOT_AVAILABLE", changed},
        {"AVAILABLE", "patch:ADOPTED", "InvalidTransition", "AVAILABLE", ""},
        {"AVAILABLE", "delete", "ok", "gone", "pet.deleted"},
        {"AVAILABLE", "order", "ok", "PENDING", "order.created pet.status_changed"},
        {"NOT_AVAILABLE", "put:AVAILABLE", "ok", "AVAILABLE", changed},
        {"NOT_AVAILABLE", "put:NOT_AVAILABLE", "ok", "NOT_AVAILABLE", updated},
        {"NOT_AVAILABLE", "put:PENDING", "InvalidTransition", "NOT_AVAILABLE", ""},
        {"NOT_AVAILABLE", "put:ADOPTED", "InvalidTransition", "NOT_AVAILABLE", ""},
        {"NOT_AVAILABLE", "put", "ok", "NOT_AVAILABLE", updated},
        {"NOT_AVAILABLE", "patch:AVAILABLE", "ok", "AVAILABLE", changed},
        {"NOT_AVAILABLE", "delete", "ok", "gone", "pet.deleted"},
        {"NOT_AVAILABLE", "order", "Conflict", "NOT_AVAILABLE", ""},
        {"PENDING", "put:AVAILABLE", "InvalidTransition", "PENDING", ""},
        {"PENDING", "put:NOT_AVAILABLE", "InvalidTransition", "PENDING", ""},
        {"PENDING", "put:PENDING", "ok", "PENDING", updated},
        {"PENDING", "put:ADOPTED", "InvalidTransition", "PENDING", ""},
        {"PENDING", "put", "ok", "PENDING", updated},
        {"PENDING", "patch:AVAILABLE", "InvalidTransition", "PENDING", ""},
        {"PENDING", "delete", "Conflict", "PENDING", ""},
        {"PENDING", "order", "Conflict", "PENDING", ""},
        {"ADOPTED", "put:AVAILABLE", "InvalidTransition", "ADOPTED", ""},
        {"ADOPTED", "put:NOT_AVAILABLE", "InvalidTransition", "ADOPTED", ""},
        {"ADOPTED", "put:PENDING", "InvalidTransition", "ADOPTED", ""},
        {"ADOPTED", "put:ADOPTED", "ok", "ADOPTED", updated},
        {"ADOPTED", "put", "ok", "ADOPTED", updated},
        {"ADOPTED", "patch:AVAILABLE", "InvalidTransition", "ADOPTED", ""},
        {"ADOPTED", "delete", "ok", "gone", "pet.deleted"},
        {"ADOPTED", "order", "Conflict", "ADOPTED", ""},
    };
    for (const auto &r : rows) {
        QTest::addRow("%s %s", r.from, r.op) << r.from << r.op << r.expected << r.after << r.events;
    }
}

void tst_Store::petTransitions()
{
    QFETCH(QString, from);
    QFETCH(QString, op);
    QFETCH(QString, expected);
    QFETCH(QString, after);
    QFETCH(QString, events);
    Harness h;
    const std::string start = from == "NOT_AVAILABLE" ? "NOT_AVAILABLE" : "AVAILABLE";
    const Pet pet = h.createPet({{"name", "Biscuit"}, {"species", "DOG"}, {"status", start}});
    if (from == "PENDING" || from == "ADOPTED") {
        const Order order = h.store.placeOrder(pet.id, Actor{}, std::nullopt).value();
        if (from == "ADOPTED") {
            const Payment payment = h.store.payOrder(order.id, GoodCard, {}, {}).value();
            QVERIFY(h.store.startPaymentProcessing(payment.id).ok());
            QVERIFY(h.store.settlePayment(payment.id).ok());
        }
    }
    QCOMPARE(petStatus(h.store, pet.id), from);
    h.events.clear();
    h.tick();

    QString result;
    const json base = {{"name", "Biscuit II"}, {"species", "DOG"}};
    if (op.startsWith("put")) {
        json body = base;
        if (op.contains(':'))
            body["status"] = op.section(':', 1).toStdString();
        const Result<Pet> r = h.store.replacePet(pet.id, body);
        result = outcome(r);
        if (!r.ok() && r.error().kind == ErrorKind::InvalidTransition) {
            // The message names both states.
            QVERIFY(QString::fromStdString(r.error().message).contains(from));
            QVERIFY(QString::fromStdString(r.error().message).contains(op.section(':', 1)));
        }
    } else if (op.startsWith("patch")) {
        result = outcome(h.store.mergePatchPet(pet.id, {{"status", op.section(':', 1).toStdString()}}));
    } else if (op == "delete") {
        result = outcome(h.store.deletePet(pet.id));
    } else {
        const Result<Order> r = h.store.placeOrder(pet.id, Actor{}, std::nullopt);
        result = outcome(r);
        if (!r.ok())
            QCOMPARE(r.error().message, std::string("pet is not available"));
    }
    QCOMPARE(result, expected);
    QCOMPARE(petStatus(h.store, pet.id), after);
    QCOMPARE(h.eventTypes(), events);
}

void tst_Store::orderTransitions_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("op");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("orderAfter");
    QTest::addColumn<QString>("petAfter");
    QTest::addColumn<QString>("events");
    const QString changed = "order.status_changed";
    const QString released = "order.status_changed pet.status_changed";
    const QString adopted = "order.status_changed pet.status_changed pet.adopted";
    const char *inv = "InvalidTransition";
    const struct { const char *from, *op, *expected, *order, *pet; QString events; } rows[] = {
        {"PLACED", "PLACED", inv, "PLACED", "PENDING", ""},
        {"PLACED", "APPROVED", "ok", "APPROVED", "PENDING", changed},
        {"PLACED", "SHIPPED", inv, "PLACED", "PENDING", ""},
        {"PLACED", "DELIVERED", inv, "PLACED", "PENDING", ""},
        {"PLACED", "CANCELLED", "ok", "CANCELLED", "AVAILABLE", released},
        {"PLACED", "cancel", "ok", "CANCELLED", "AVAILABLE", released},
        {"APPROVED", "PLACED", inv, "APPROVED", "PENDING", ""},
        {"APPROVED", "APPROVED", inv, "APPROVED", "PENDING", ""},
        {"APPROVED", "SHIPPED", "ok", "SHIPPED", "PENDING", changed},
        {"APPROVED", "DELIVERED", inv, "APPROVED", "PENDING", ""},
        {"APPROVED", "CANCELLED", "ok", "CANCELLED", "AVAILABLE", released},
        {"APPROVED", "cancel", "ok", "CANCELLED", "AVAILABLE", released},
        {"SHIPPED", "PLACED", inv, "SHIPPED", "PENDING", ""},
        {"SHIPPED", "APPROVED", inv, "SHIPPED", "PENDING", ""},
        {"SHIPPED", "SHIPPED", inv, "SHIPPED", "PENDING", ""},
        {"SHIPPED", "DELIVERED", "ok", "DELIVERED", "ADOPTED", adopted},
        {"SHIPPED", "CANCELLED", inv, "SHIPPED", "PENDING", ""},
        {"SHIPPED", "cancel", inv, "SHIPPED", "PENDING", ""},
        {"DELIVERED", "PLACED", inv, "DELIVERED", "ADOPTED", ""},
        {"DELIVERED", "APPROVED", inv, "DELIVERED", "ADOPTED", ""},
        {"DELIVERED", "SHIPPED", inv, "DELIVERED", "ADOPTED", ""},
        {"DELIVERED", "DELIVERED", inv, "DELIVERED", "ADOPTED", ""},
        {"DELIVERED", "CANCELLED", inv, "DELIVERED", "ADOPTED", ""},
        {"DELIVERED", "cancel", inv, "DELIVERED", "ADOPTED", ""},
        {"CANCELLED", "PLACED", inv, "CANCELLED", "AVAILABLE", ""},
        {"CANCELLED", "APPROVED", inv, "CANCELLED", "AVAILABLE", ""},
        {"CANCELLED", "SHIPPED", inv, "CANCELLED", "AVAILABLE", ""},
        {"CANCELLED", "DELIVERED", inv, "CANCELLED", "AVAILABLE", ""},
        {"CANCELLED", "CANCELLED", inv, "CANCELLED", "AVAILABLE", ""},
        {"CANCELLED", "cancel", inv, "CANCELLED", "AVAILABLE", ""},
    };
    for (const auto &r : rows) {
        QTest::addRow("%s to %s", r.from, r.op)
            << r.from << r.op << r.expected << r.order << r.pet << r.events;
    }
}

void tst_Store::orderTransitions()
{
    QFETCH(QString, from);
    QFETCH(QString, op);
    QFETCH(QString, expected);
    QFETCH(QString, orderAfter);
    QFETCH(QString, petAfter);
    QFETCH(QString, events);
    Harness h;
    const Pet pet = h.createPet();
    const Order order = h.store.placeOrder(pet.id, Actor{}, std::nullopt).value();
    const QStringList path = {"APPROVED", "SHIPPED", "DELIVERED"};
    for (const QString &step : path) {
        if (from == "PLACED" || from == "CANCELLED")
            break;
        QVERIFY(h.store.transitionOrder(order.id, *orderStatusFromString(step.toStdString())).ok());
        if (step == from)
            break;
    }
    if (from == "CANCELLED")
        QVERIFY(h.store.cancelOrder(order.id).ok());
    h.events.clear();
    h.tick();

    const Result<Order> result = op == "cancel"
        ? h.store.cancelOrder(order.id)
        : h.store.transitionOrder(order.id, *orderStatusFromString(op.toStdString()));
    QCOMPARE(outcome(result), expected);
    if (!result.ok()) {
        QCOMPARE(result.error().message,
                 "cannot change order status from " + from.toStdString() + " to "
                     + (op == "cancel" ? std::string("CANCELLED") : op.toStdString()));
    }
    QCOMPARE(name(toString(h.store.getOrder(order.id)->status)), orderAfter);
    QCOMPARE(petStatus(h.store, pet.id), petAfter);
    QCOMPARE(h.eventTypes(), events);
}

void tst_Store::paymentTransitions_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("op");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("paymentAfter");
    QTest::addColumn<QString>("orderAfter");
    QTest::addColumn<QString>("petAfter");
    QTest::addColumn<QString>("events");
    const char *inv = "InvalidTransition";
    const QString released = "order.status_changed pet.status_changed";
    const struct { const char *from, *op, *expected, *payment, *order, *pet; QString events; } rows[] = {
        {"PENDING", "start", "ok", "PROCESSING", "PLACED", "PENDING", "payment.processing"},
        {"PENDING", "settle", inv, "PENDING", "PLACED", "PENDING", ""},
        {"PENDING", "pay", "Conflict", "PENDING", "PLACED", "PENDING", ""},
        {"PENDING", "cancel", "ok", "CANCELLED", "CANCELLED", "AVAILABLE", released},
        {"PROCESSING", "start", inv, "PROCESSING", "PLACED", "PENDING", ""},
        {"PROCESSING", "settle", "ok", "SUCCEEDED", "APPROVED", "ADOPTED",
         "payment.succeeded order.status_changed pet.status_changed pet.adopted"},
        {"PROCESSING", "pay", "Conflict", "PROCESSING", "PLACED", "PENDING", ""},
        {"PROCESSING", "cancel", "ok", "CANCELLED", "CANCELLED", "AVAILABLE", released},
        {"SUCCEEDED", "start", inv, "SUCCEEDED", "APPROVED", "ADOPTED", ""},
        {"SUCCEEDED", "settle", inv, "SUCCEEDED", "APPROVED", "ADOPTED", ""},
        {"SUCCEEDED", "pay", inv, "SUCCEEDED", "APPROVED", "ADOPTED", ""},
        {"SUCCEEDED", "cancel", "ok", "SUCCEEDED", "CANCELLED", "ADOPTED", "order.status_changed"},
        {"FAILED", "start", inv, "FAILED", "PLACED", "PENDING", ""},
        {"FAILED", "settle", inv, "FAILED", "PLACED", "PENDING", ""},
        {"FAILED", "pay", "ok", "FAILED", "PLACED", "PENDING", ""},
        {"FAILED", "cancel", "ok", "FAILED", "CANCELLED", "AVAILABLE", released},
        {"CANCELLED", "start", inv, "CANCELLED", "CANCELLED", "AVAILABLE", ""},
        {"CANCELLED", "settle", inv, "CANCELLED", "CANCELLED", "AVAILABLE", ""},
        {"CANCELLED", "pay", inv, "CANCELLED", "CANCELLED", "AVAILABLE", ""},
        {"CANCELLED", "cancel", inv, "CANCELLED", "CANCELLED", "AVAILABLE", ""},
    };
    for (const auto &r : rows) {
        QTest::addRow("%s %s", r.from, r.op)
            << r.from << r.op << r.expected << r.payment << r.order << r.pet << r.events;
    }
}

void tst_Store::paymentTransitions()
{
    QFETCH(QString, from);
    QFETCH(QString, op);
    QFETCH(QString, expected);
    QFETCH(QString, paymentAfter);
    QFETCH(QString, orderAfter);
    QFETCH(QString, petAfter);
    QFETCH(QString, events);
    Harness h;
    const Pet pet = h.createPet();
    const Order order = h.store.placeOrder(pet.id, Actor{}, std::nullopt).value();
    const CardInput &card = from == "FAILED" ? DecliningCard : GoodCard;
    const Payment payment = h.store.payOrder(order.id, card, {}, {}).value();
    if (from != "PENDING" && from != "CANCELLED")
        QVERIFY(h.store.startPaymentProcessing(payment.id).ok());
    if (from == "SUCCEEDED" || from == "FAILED")
        QVERIFY(h.store.settlePayment(payment.id).ok());
    if (from == "CANCELLED")
        QVERIFY(h.store.cancelOrder(order.id).ok());
    QCOMPARE(name(toString(h.store.getPayment(payment.id)->status)), from);
    h.events.clear();
    h.tick();

    QString result;
    if (op == "start")
        result = outcome(h.store.startPaymentProcessing(payment.id));
    else if (op == "settle")
        result = outcome(h.store.settlePayment(payment.id));
    else if (op == "pay")
        result = outcome(h.store.payOrder(order.id, GoodCard, {}, {}));
    else
        result = outcome(h.store.cancelOrder(order.id));
    QCOMPARE(result, expected);
    QCOMPARE(name(toString(h.store.getPayment(payment.id)->status)), paymentAfter);
    QCOMPARE(name(toString(h.store.getOrder(order.id)->status)), orderAfter);
    QCOMPARE(petStatus(h.store, pet.id), petAfter);
    QCOMPARE(h.eventTypes(), events);
}

void tst_Store::completesPurchaseFlow()
{
    Harness h;
    const Pet pet = h.createPet();
    h.events.clear();
    h.tick();
    const Actor alice{std::string("019b789f-d7a0-7000-8002-000000000002"), Role::Customer};
    const Order placed =
        h.store.placeOrder(pet.id, alice, std::string("https://hooks.example.com/cb")).value();
    QCOMPARE(wire(placed.status), QStringLiteral("PLACED"));
    QCOMPARE(placed.userId, alice.userId);
    QCOMPARE(placed.totalAmount, std::string("450.00"));
    QCOMPARE(placed.currency, std::string("USD"));
    QCOMPARE(placed.callbackUrl, std::optional<std::string>("https://hooks.example.com/cb"));

    h.tick();
    const Payment pending =
        h.store.payOrder(placed.id, GoodCard, std::string("450"), std::string("USD")).value();
    QCOMPARE(wire(pending.status), QStringLiteral("PENDING"));
    QCOMPARE(pending.amount, std::string("450.00"));
    QCOMPARE(h.store.getOrder(placed.id)->paymentId, std::optional<std::string>(pending.id));
    QCOMPARE(h.store.getOrder(placed.id)->revision, std::uint64_t(2));

    h.tick();
    QCOMPARE(wire(h.store.startPaymentProcessing(pending.id)->status), QStringLiteral("PROCESSING"));
    h.tick();
    const Payment settled = h.store.settlePayment(pending.id).value();
    QCOMPARE(wire(settled.status), QStringLiteral("SUCCEEDED"));
    QVERIFY(!settled.failureReason);
    QCOMPARE(settled.updatedAt, h.now);

    const Order approved = h.store.getOrder(placed.id).value();
    QCOMPARE(wire(approved.status), QStringLiteral("APPROVED"));
    QCOMPARE(approved.updatedAt, h.now);
    const Pet adopted = h.store.getPet(pet.id).value();
    QCOMPARE(wire(adopted.status), QStringLiteral("ADOPTED"));
    QCOMPARE(adopted.revision, std::uint64_t(3));  // created, PENDING, ADOPTED
    QCOMPARE(h.eventTypes(), QStringLiteral("order.created pet.status_changed payment.processing "
                                            "payment.succeeded order.status_changed "
                                            "pet.status_changed pet.adopted"));
    QCOMPARE(h.events[0].subject, "/v1/orders/" + placed.id);
    QCOMPARE(h.events[2].subject, "/v1/payments/" + pending.id);
    QCOMPARE(h.events[4].data.at("previousStatus").get<std::string>(), std::string("PLACED"));
    QCOMPARE(h.events[4].data.at("status").get<std::string>(), std::string("APPROVED"));
    QCOMPARE(h.events[6].data.at("status").get<std::string>(), std::string("ADOPTED"));
}

void tst_Store::decliningCardFailsAndAllowsRetry()
{
    Harness h;
    const Pet pet = h.createPet();
    const Order order = h.store.placeOrder(pet.id, Actor{}, std::nullopt).value();
    const Payment declined = h.store.payOrder(order.id, DecliningCard, {}, {}).value();
    QVERIFY(declined.declines);
    QCOMPARE(declined.card.last4, std::string("0002"));
    QVERIFY(h.store.startPaymentProcessing(declined.id).ok());
    h.events.clear();
    const Payment failed = h.store.settlePayment(declined.id).value();
    QCOMPARE(wire(failed.status), QStringLiteral("FAILED"));
    QCOMPARE(failed.failureReason, std::optional<std::string>("card_declined"));
    QCOMPARE(h.eventTypes(), QStringLiteral("payment.failed"));
    QCOMPARE(h.events[0].data.at("failureReason").get<std::string>(), std::string("card_declined"));
    QCOMPARE(wire(h.store.getOrder(order.id)->status), QStringLiteral("PLACED"));
    QCOMPARE(petStatus(h.store, pet.id), QStringLiteral("PENDING"));

    const Payment retry = h.store.payOrder(order.id, GoodCard, {}, {}).value();
    QVERIFY(!retry.declines);
    QCOMPARE(h.store.getOrder(order.id)->paymentId, std::optional<std::string>(retry.id));
}

void tst_Store::publishesPreviousStatusAndSubjects()
{
    Harness h;
    const Pet pet = h.createPet();
    QVERIFY(h.store.mergePatchPet(pet.id, {{"status", "NOT_AVAILABLE"}}).ok());
    QVERIFY(h.store.deletePet(pet.id).ok());
    QCOMPARE(h.eventTypes(), QStringLiteral("pet.created pet.updated pet.status_changed pet.deleted"));
    for (const CloudEvent &e : h.events) {
        QCOMPARE(e.subject, "/v1/pets/" + pet.id);
        QCOMPARE(e.tenantId, std::string("default"));
    }
    QCOMPARE(h.events[2].data.at("previousStatus").get<std::string>(), std::string("AVAILABLE"));
    QCOMPARE(h.events[2].data.at("status").get<std::string>(), std::string("NOT_AVAILABLE"));
    QVERIFY(!h.events[1].data.contains("previousStatus"));
    QCOMPARE(h.events[3].data.dump(), json({{"id", pet.id}}).dump());
    QCOMPARE(h.events[3].sequence, h.events[0].sequence + 3);
}

void tst_Store::placeOrderChecksPetAndCallback()
{
    Harness h;
    const Pet pet = h.createPet();
    const std::string missing = "019b76da-a800-7000-8001-00000000ffff";
    const Result<Order> notFound = h.store.placeOrder(missing, Actor{}, std::nullopt);
    QCOMPARE(outcome(notFound), QStringLiteral("NotFound"));
    QCOMPARE(notFound.error().message, "pet " + missing + " does not exist");
    const Result<Order> badUrl = h.store.placeOrder(pet.id, Actor{}, std::string("ftp://x/cb"));
    QCOMPARE(outcome(badUrl), QStringLiteral("Validation"));
    QCOMPARE(fieldCodes(badUrl.error()), QStringLiteral("/callbackUrl:format"));
    QCOMPARE(outcome(h.store.placeOrder(pet.id, Actor{}, std::string("/relative"))),
             QStringLiteral("Validation"));
    const Result<Order> anonymous = h.store.placeOrder(pet.id, Actor{}, std::nullopt);
    QVERIFY(anonymous.ok());
    QVERIFY(!anonymous->userId);
    QCOMPARE(toJson(*anonymous).at("userId").dump(), std::string("null"));
}

void tst_Store::rejectsInvalidCards_data()
{
    QTest::addColumn<QString>("number");
    QTest::addColumn<int>("expMonth");
    QTest::addColumn<int>("expYear");
    QTest::addColumn<QString>("cvc");
    QTest::addColumn<QString>("holder");
    QTest::addColumn<QString>("amount");     // "-" for absent
    QTest::addColumn<QString>("currency");   // "-" for absent
    QTest::addColumn<QString>("errors");
    const QString ok = "4242 4242 4242 4242";
    QTest::newRow("valid") << ok << 12 << 2030 << "987" << "A" << "-" << "-" << "";
    QTest::newRow("dashes") << "4242-4242-4242-4242" << 12 << 2030 << "987" << "A" << "-" << "-" << "";
    QTest::newRow("letters") << "4242 42x2" << 12 << 2030 << "987" << "A" << "-" << "-"
                             << "/source/number:format";
    QTest::newRow("empty number") << "" << 12 << 2030 << "987" << "A" << "-" << "-"
                                  << "/source/number:format";
    QTest::newRow("11 digits") << "42424242424" << 12 << 2030 << "987" << "A" << "-" << "-"
                               << "/source/number:length";
    QTest::newRow("20 digits") << "42424242424242424242" << 12 << 2030 << "987" << "A" << "-"
                               << "-" << "/source/number:length";
    QTest::newRow("12 digits luhn ok") << "420000000000" << 12 << 2030 << "987" << "A" << "-" << "-" << "";
    QTest::newRow("19 digits luhn ok") << "4444444444444444442" << 12 << 2030 << "987" << "A" << "-"
                                       << "-" << "";
    QTest::newRow("luhn") << "4242424242424241" << 12 << 2030 << "987" << "A" << "-" << "-"
                          << "/source/number:luhn";
    QTest::newRow("month 0") << ok << 0 << 2030 << "987" << "A" << "-" << "-" << "/source/expMonth:range";
    QTest::newRow("month 13") << ok << 13 << 2030 << "987" << "A" << "-" << "-" << "/source/expMonth:range";
    QTest::newRow("expired last month") << ok << 2 << 2026 << "987" << "A" << "-" << "-"
                                        << "/source/expYear:expired";
    QTest::newRow("expires this month") << ok << 3 << 2026 << "987" << "A" << "-" << "-" << "";
    QTest::newRow("expired last year") << ok << 12 << 2025 << "987" << "A" << "-" << "-"
                                       << "/source/expYear:expired";
    QTest::newRow("cvc short") << ok << 12 << 2030 << "98" << "A" << "-" << "-" << "/source/cvc:format";
    QTest::newRow("cvc long") << ok << 12 << 2030 << "98765" << "A" << "-" << "-" << "/source/cvc:format";
    QTest::newRow("cvc letters") << ok << 12 << 2030 << "98a" << "A" << "-" << "-" << "/source/cvc:format";
    QTest::newRow("cvc 4 digits") << ok << 12 << 2030 << "9876" << "A" << "-" << "-" << "";
    QTest::newRow("no name") << ok << 12 << 2030 << "987" << "" << "-" << "-" << "/source/name:length";
    QTest::newRow("101 char name") << ok << 12 << 2030 << "987" << QString(101, QLatin1Char('n'))
                                   << "-" << "-" << "/source/name:length";
    QTest::newRow("same amount other form") << ok << 12 << 2030 << "987" << "A" << "450" << "USD" << "";
    QTest::newRow("amount mismatch") << ok << 12 << 2030 << "987" << "A" << "449.99" << "-"
                                     << "/amount:amountMismatch";
    QTest::newRow("amount malformed") << ok << 12 << 2030 << "987" << "A" << "4.5e2" << "-"
                                      << "/amount:pattern";
    QTest::newRow("currency mismatch") << ok << 12 << 2030 << "987" << "A" << "-" << "EUR"
                                       << "/currency:currencyMismatch";
    QTest::newRow("everything wrong") << "1234" << 13 << 2030 << "1" << "" << "1.00" << "GBP"
                                      << "/source/number:length /source/expMonth:range "
                                         "/source/cvc:format /source/name:length "
                                         "/amount:amountMismatch /currency:currencyMismatch";
}

void tst_Store::rejectsInvalidCards()
{
    QFETCH(QString, number);
    QFETCH(int, expMonth);
    QFETCH(int, expYear);
    QFETCH(QString, cvc);
    QFETCH(QString, holder);
    QFETCH(QString, amount);
    QFETCH(QString, currency);
    QFETCH(QString, errors);
    Harness h;
    const Order order = h.store.placeOrder(h.createPet().id, Actor{}, std::nullopt).value();
    const CardInput card{number.toStdString(), expMonth, expYear, cvc.toStdString(),
                         holder.toStdString()};
    const auto optional = [](const QString &s) {
        return s == "-" ? std::nullopt : std::optional<std::string>(s.toStdString());
    };
    const Result<Payment> payment = h.store.payOrder(order.id, card, optional(amount), optional(currency));
    if (errors.isEmpty()) {
        QVERIFY(payment.ok());
        return;
    }
    QCOMPARE(outcome(payment), QStringLiteral("Validation"));
    QCOMPARE(fieldCodes(payment.error()), errors);
    QVERIFY(!h.store.getOrder(order.id)->paymentId);
}

void tst_Store::detectsCardBrand_data()
{
    QTest::addColumn<QString>("number");
    QTest::addColumn<QString>("brand");
    QTest::newRow("visa") << "4242424242424242" << "VISA";
    QTest::newRow("mastercard 5x") << "5555555555554444" << "MASTERCARD";
    QTest::newRow("mastercard 2221") << "2221000000000009" << "MASTERCARD";
    QTest::newRow("mastercard 2720") << "2720000000000005" << "MASTERCARD";
    QTest::newRow("amex 37") << "378282246310005" << "AMEX";
    QTest::newRow("discover 6011") << "6011111111111117" << "DISCOVER";
    QTest::newRow("discover 65") << "6500000000000002" << "DISCOVER";
    QTest::newRow("jcb") << "3530111333300000" << "UNKNOWN";
}

void tst_Store::detectsCardBrand()
{
    QFETCH(QString, number);
    QFETCH(QString, brand);
    Harness h;
    const Order order = h.store.placeOrder(h.createPet().id, Actor{}, std::nullopt).value();
    const Payment payment =
        h.store.payOrder(order.id, {number.toStdString(), 1, 2031, "987", "A"}, {}, {}).value();
    QCOMPARE(QString::fromStdString(payment.card.brand), brand);
    QCOMPARE(QString::fromStdString(payment.card.last4), number.right(4));
}

void tst_Store::neverKeepsCardNumberOrCvc()
{
    Harness h;
    const Order order = h.store.placeOrder(h.createPet().id, Actor{}, std::nullopt).value();
    const Payment payment = h.store.payOrder(order.id, {"5555555555554444", 7, 2031, "9182", "Bob"},
                                             {}, {}).value();
    QVERIFY(h.store.startPaymentProcessing(payment.id).ok());
    const std::string everything = h.store.snapshot().dump() + toJson(payment).dump()
        + h.events.back().toJson().dump();
    QVERIFY(everything.find("5555555555554444") == std::string::npos);
    QVERIFY(everything.find("9182") == std::string::npos);
    QCOMPARE(toJson(payment).at("source").dump(),
             std::string(R"({"brand":"MASTERCARD","expMonth":7,"expYear":2031,"last4":"4444","name":"Bob","type":"card"})"));
}

void tst_Store::adjustsStock_data()
{
    QTest::addColumn<int>("delta");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("stock");
    QTest::addColumn<QString>("events");
    QTest::newRow("to reorder level") << -2 << "ok" << 10 << "inventory.stock_changed inventory.low_stock";
    QTest::newRow("stays above") << -1 << "ok" << 11 << "inventory.stock_changed";
    QTest::newRow("restock") << 5 << "ok" << 17 << "inventory.stock_changed";
    QTest::newRow("to zero") << -12 << "ok" << 0 << "inventory.stock_changed inventory.low_stock";
    QTest::newRow("below zero") << -13 << "Conflict" << 12 << "";
    QTest::newRow("zero delta") << 0 << "Validation" << 12 << "";
    QTest::newRow("max delta") << 100000 << "ok" << 100012 << "inventory.stock_changed";
    QTest::newRow("too large") << 100001 << "Validation" << 12 << "";
    QTest::newRow("too small") << -100001 << "Validation" << 12 << "";
}

void tst_Store::adjustsStock()
{
    QFETCH(int, delta);
    QFETCH(QString, expected);
    QFETCH(int, stock);
    QFETCH(QString, events);
    Harness h;
    QVERIFY(h.store.loadSeed(inventorySeed()).ok());
    h.tick();
    const Result<InventoryItem> item = h.store.adjustStock(ProductId, delta, "sale");
    QCOMPARE(outcome(item), expected);
    QCOMPARE(h.store.getInventoryItem(ProductId)->stock, stock);
    QCOMPARE(h.eventTypes(), events);
    if (item.ok()) {
        QCOMPARE(item->updatedAt, h.now);
        QCOMPARE(h.events[0].subject, std::string("/v1/inventory/") + ProductId);
        QCOMPARE(h.events[0].data.at("delta").get<int>(), delta);
        QCOMPARE(h.events[0].data.at("reason").get<std::string>(), std::string("sale"));
        QCOMPARE(h.events[0].data.at("stock").get<int>(), stock);
    }
    QCOMPARE(outcome(h.store.adjustStock("019b7824-3f00-7000-8005-00000000ffff", 1, "")),
             QStringLiteral("NotFound"));
}

void tst_Store::reportsLowStockOnlyWhenCrossing()
{
    Harness h;
    QVERIFY(h.store.loadSeed(inventorySeed()).ok());
    QVERIFY(h.store.adjustStock(ProductId, -3, "sale").ok());   // 12 -> 9: crosses
    QVERIFY(h.store.adjustStock(ProductId, -1, "sale").ok());   // 9 -> 8: already low
    QVERIFY(h.store.adjustStock(ProductId, 10, "restock").ok()); // 8 -> 18
    QVERIFY(h.store.adjustStock(ProductId, -8, "sale").ok());   // 18 -> 10: crosses again
    QCOMPARE(h.eventTypes(),
             QStringLiteral("inventory.stock_changed inventory.low_stock inventory.stock_changed "
                            "inventory.stock_changed inventory.stock_changed inventory.low_stock"));
}

void tst_Store::validatesRegistration_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("errors");
    QTest::newRow("valid") << R"({"username":"a.b_c-1","email":"x@y.io","password":"12345678","phone":"+14155550123"})" << "";
    QTest::newRow("empty phone") << R"({"username":"abc","email":"x@y.io","password":"12345678","phone":""})" << "";
    QTest::newRow("missing all") << "{}" << "/username:required /email:required /password:required";
    QTest::newRow("short username") << R"({"username":"ab","email":"x@y.io","password":"12345678"})" << "/username:minLength";
    QTest::newRow("username chars") << R"({"username":"a b!","email":"x@y.io","password":"12345678"})" << "/username:pattern";
    QTest::newRow("email no tld") << R"({"username":"abc","email":"x@y","password":"12345678"})" << "/email:format";
    QTest::newRow("email two at") << R"({"username":"abc","email":"x@y@z.io","password":"12345678"})" << "/email:format";
    QTest::newRow("email empty label") << R"({"username":"abc","email":"x@y..io","password":"12345678"})" << "/email:format";
    QTest::newRow("short password") << R"({"username":"abc","email":"x@y.io","password":"1234567"})" << "/password:minLength";
    QTest::newRow("long password") << QString(R"({"username":"abc","email":"x@y.io","password":"%1"})").arg(QString(129, QLatin1Char('p'))) << "/password:maxLength";
    QTest::newRow("phone no plus") << R"({"username":"abc","email":"x@y.io","password":"12345678","phone":"14155550123"})" << "/phone:pattern";
    QTest::newRow("phone leading zero") << R"({"username":"abc","email":"x@y.io","password":"12345678","phone":"+04155550123"})" << "/phone:pattern";
    QTest::newRow("phone 16 digits") << R"({"username":"abc","email":"x@y.io","password":"12345678","phone":"+1234567890123456"})" << "/phone:maxLength";
}

void tst_Store::validatesRegistration()
{
    QFETCH(QString, body);
    QFETCH(QString, errors);
    Harness h;
    const Result<User> user = h.store.registerUser(json::parse(body.toStdString()), Role::Admin);
    if (errors.isEmpty()) {
        QVERIFY(user.ok());
        QCOMPARE(wire(user->role), QStringLiteral("ADMIN"));
        QCOMPARE(h.eventTypes(), QStringLiteral("user.created"));
        QCOMPARE(h.events[0].subject, "/v1/users/" + user->id);
        QVERIFY(!h.events[0].data.contains("passwordHash"));
        QVERIFY(!h.events[0].data.contains("password"));
        return;
    }
    QCOMPARE(outcome(user), QStringLiteral("Validation"));
    QCOMPARE(fieldCodes(user.error()), errors);
    QCOMPARE(h.eventTypes(), QString());
}

void tst_Store::rejectsDuplicateUsernameAndEmail()
{
    Harness h;
    QVERIFY(h.store.registerUser({{"username", "alice"}, {"email", "alice@example.com"},
                                  {"password", "alice-password-1"}}).ok());
    const Result<User> sameName = h.store.registerUser(
        {{"username", "ALICE"}, {"email", "other@example.com"}, {"password", "12345678"}});
    QCOMPARE(outcome(sameName), QStringLiteral("Conflict"));
    const Result<User> sameEmail = h.store.registerUser(
        {{"username", "alice2"}, {"email", "Alice@Example.com"}, {"password", "12345678"}});
    QCOMPARE(outcome(sameEmail), QStringLiteral("Conflict"));
    QCOMPARE(h.store.listUsers().size(), std::size_t(1));
}

void tst_Store::authenticatesWithOneMessageForAllFailures()
{
    Harness h;
    const User alice = h.store.registerUser({{"username", "alice"}, {"email", "a@example.com"},
                                             {"password", "alice-password-1"}}).value();
    QVERIFY(alice.passwordHash.rfind("pbkdf2-sha256$100000$", 0) == 0);
    QCOMPARE(h.store.authenticate("alice", "alice-password-1")->id, alice.id);
    QCOMPARE(h.store.authenticate("Alice", "alice-password-1")->id, alice.id);
    const Result<User> wrong = h.store.authenticate("alice", "alice-password-2");
    const Result<User> unknown = h.store.authenticate("mallory", "alice-password-1");
    QCOMPARE(outcome(wrong), QStringLiteral("Unauthorized"));
    QCOMPARE(outcome(unknown), QStringLiteral("Unauthorized"));
    QCOMPARE(wrong.error().message, unknown.error().message);
}

void tst_Store::editsUsersButNotUsernameOrRole()
{
    Harness h;
    const User user = h.store.registerUser({{"username", "bob"}, {"email", "bob@example.com"},
                                            {"password", "bob-password-1"}, {"firstName", "Bob"},
                                            {"phone", "+14155550102"}}).value();
    QVERIFY(h.store.registerUser({{"username", "carol"}, {"email", "carol@example.com"},
                                  {"password", "carol-password-1"}}).ok());
    h.events.clear();
    h.tick();

    const Result<User> patched = h.store.mergePatchUser(
        user.id, {{"lastName", "Smith"}, {"phone", nullptr}, {"password", "bob-password-2"}});
    QVERIFY(patched.ok());
    QCOMPARE(patched->firstName, std::string("Bob"));
    QCOMPARE(patched->lastName, std::string("Smith"));
    QCOMPARE(patched->phone, std::string());
    QCOMPARE(patched->revision, std::uint64_t(2));
    QCOMPARE(patched->updatedAt, h.now);
    QVERIFY(h.store.authenticate("bob", "bob-password-2").ok());
    QVERIFY(!h.store.authenticate("bob", "bob-password-1").ok());

    const auto codes = [&](const Result<User> &r) { return r.ok() ? QString("ok") : fieldCodes(r.error()); };
    QCOMPARE(codes(h.store.mergePatchUser(user.id, {{"username", "robert"}})), QStringLiteral("/username:immutable"));
    QCOMPARE(codes(h.store.mergePatchUser(user.id, {{"username", nullptr}})), QStringLiteral("/username:immutable"));
    QCOMPARE(codes(h.store.mergePatchUser(user.id, {{"role", "ADMIN"}})), QStringLiteral("/role:immutable"));
    QCOMPARE(codes(h.store.mergePatchUser(user.id, {{"email", nullptr}})), QStringLiteral("/email:required"));
    QCOMPARE(codes(h.store.mergePatchUser(user.id, {{"password", "short"}})), QStringLiteral("/password:minLength"));
    QCOMPARE(codes(h.store.mergePatchUser(user.id, {{"username", "bob"}, {"role", "CUSTOMER"}})), QStringLiteral("ok"));
    QCOMPARE(outcome(h.store.mergePatchUser(user.id, {{"email", "CAROL@example.com"}})),
             QStringLiteral("Conflict"));

    const Result<User> replaced = h.store.replaceUser(user.id, {{"username", "bob"}, {"email", "bob@new.example"}});
    QVERIFY(replaced.ok());
    QCOMPARE(replaced->email, std::string("bob@new.example"));
    QCOMPARE(replaced->firstName, std::string());  // PUT replaces: absent means removed
    QCOMPARE(wire(replaced->role), QStringLiteral("CUSTOMER"));
    QVERIFY(h.store.authenticate("bob", "bob-password-2").ok());  // no password: keep it
    QCOMPARE(codes(h.store.replaceUser(user.id, {{"email", "bob@new.example"}, {"role", "ADMIN"}})),
             QStringLiteral("/role:immutable"));
    QCOMPARE(h.eventTypes(), QString());

    QVERIFY(h.store.deleteUser(user.id).ok());
    QCOMPARE(outcome(h.store.getUser(user.id)), QStringLiteral("NotFound"));
    QCOMPARE(outcome(h.store.deleteUser(user.id)), QStringLiteral("NotFound"));
}

void tst_Store::mergePatchesPets()
{
    Harness h;
    const Pet pet = h.createPet({{"name", "Rex"}, {"species", "DOG"}, {"breed", "Boxer"},
                                 {"ageMonths", 30}, {"goodWithKids", true},
                                 {"medicalInfo", {{"vaccinated", true}, {"notes", "ok"}}}});
    h.tick();
    // RFC 7396: null deletes, nested objects merge, other members stay untouched.
    const Pet patched = h.store.mergePatchPet(pet.id, {{"breed", nullptr}, {"ageMonths", nullptr},
                                                       {"color", "fawn"},
                                                       {"medicalInfo", {{"notes", nullptr}}}})
                            .value();
    QCOMPARE(patched.name, std::string("Rex"));
    QCOMPARE(patched.breed, std::string());
    QVERIFY(!patched.ageMonths);
    QCOMPARE(patched.color, std::string("fawn"));
    QCOMPARE(patched.goodWithKids, std::optional<bool>(true));
    QCOMPARE(patched.medicalInfo.vaccinated, true);
    QCOMPARE(patched.medicalInfo.notes, std::string());
    QCOMPARE(patched.id, pet.id);
    QCOMPARE(patched.createdAt, pet.createdAt);
    QCOMPARE(patched.updatedAt, h.now);
    QCOMPARE(patched.revision, std::uint64_t(2));
    QVERIFY(!toJson(patched).contains("breed"));

    const Result<Pet> noName = h.store.mergePatchPet(pet.id, {{"name", nullptr}});
    QCOMPARE(fieldCodes(noName.error()), QStringLiteral("/name:required"));
    const Result<Pet> notObject = h.store.mergePatchPet(pet.id, json::array());
    QCOMPARE(fieldCodes(notObject.error()), QStringLiteral(":type"));
    QCOMPARE(h.store.mergePatchPet(pet.id, {{"id", "other"}, {"createdAt", "x"}})->id, pet.id);
    QCOMPARE(outcome(h.store.mergePatchPet("nope", json::object())), QStringLiteral("NotFound"));
    QCOMPARE(h.store.getPet(pet.id)->revision, std::uint64_t(3));
}

void tst_Store::replaceKeepsIdentityAndBumpsRevision()
{
    Harness h;
    const Pet pet = h.createPet({{"name", "Rex"}, {"species", "DOG"}, {"breed", "Boxer"}});
    h.tick();
    const Pet replaced = h.store.replacePet(pet.id, {{"name", "Max"}, {"species", "CAT"}}).value();
    QCOMPARE(replaced.id, pet.id);
    QCOMPARE(replaced.createdAt, pet.createdAt);
    QCOMPARE(replaced.updatedAt, h.now);
    QCOMPARE(replaced.revision, std::uint64_t(2));
    QCOMPARE(replaced.breed, std::string());   // PUT replaces the whole representation
    QCOMPARE(wire(replaced.species), QStringLiteral("CAT"));
    QCOMPARE(outcome(h.store.replacePet(pet.id, {{"name", ""}, {"species", "CAT"}})),
             QStringLiteral("Validation"));
    QCOMPARE(outcome(h.store.replacePet("nope", {{"name", "a"}, {"species", "CAT"}})),
             QStringLiteral("NotFound"));
    QCOMPARE(outcome(h.store.deletePet("nope")), QStringLiteral("NotFound"));
}

void tst_Store::filtersAndSortsPets_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("sort");
    QTest::addColumn<QString>("names");   // or "error:<field>"
    QTest::newRow("default createdAt") << "" << "" << "Rex bella Zed Ana Milo";
    QTest::newRow("-createdAt") << "" << "-createdAt" << "Milo Ana Zed bella Rex";
    QTest::newRow("name ignores case") << "" << "name" << "Ana bella Milo Rex Zed";
    QTest::newRow("-name") << "" << "-name" << "Zed Rex Milo bella Ana";
    QTest::newRow("-price,name") << "" << "-price,name" << "Milo Rex bella Zed Ana";
    QTest::newRow("ageMonths unknown first, ties by id") << "" << "ageMonths" << "Zed Ana bella Rex Milo";
    QTest::newRow("updatedAt") << "" << "updatedAt" << "Rex bella Zed Ana Milo";
    QTest::newRow("species") << "species=DOG" << "" << "Rex Zed";
    QTest::newRow("status") << "status=NOT_AVAILABLE" << "" << "Ana";
    QTest::newRow("size") << "size=SMALL" << "" << "bella Zed Ana";
    QTest::newRow("q description") << "q=train" << "" << "Zed";
    QTest::newRow("q breed") << "q=SIAM" << "" << "bella";
    QTest::newRow("q name") << "q=MIL" << "" << "Milo";
    QTest::newRow("maxPrice inclusive") << "maxPrice=150" << "" << "bella Zed Ana";
    QTest::newRow("age range") << "minAge=12;maxAge=36" << "" << "Rex bella Milo";
    QTest::newRow("good with kids") << "kids=true" << "" << "Rex";
    QTest::newRow("not good with kids") << "kids=false" << "" << "bella";
    QTest::newRow("good with pets") << "pets=true" << "" << "Milo";
    QTest::newRow("combined") << "species=CAT;maxPrice=200" << "-name" << "bella";
    QTest::newRow("unknown sort") << "" << "weight" << "error:sort";
    QTest::newRow("empty sort item") << "" << "name," << "error:sort";
    QTest::newRow("bad maxPrice") << "maxPrice=abc" << "" << "error:maxPrice";
}

void tst_Store::filtersAndSortsPets()
{
    QFETCH(QString, filter);
    QFETCH(QString, sort);
    QFETCH(QString, names);
    Harness h;
    h.createPet({{"name", "Rex"}, {"species", "DOG"}, {"size", "LARGE"}, {"ageMonths", 36},
                 {"price", "300.00"}, {"goodWithKids", true}, {"breed", "Boxer"},
                 {"description", "loves balls"}});
    h.createPet({{"name", "bella"}, {"species", "CAT"}, {"size", "SMALL"}, {"ageMonths", 12},
                 {"price", "150"}, {"goodWithKids", false}, {"breed", "Siamese"}});
    h.createPet({{"name", "Zed"}, {"species", "DOG"}, {"size", "SMALL"}, {"price", "99.99"},
                 {"breed", "Pug"}, {"description", "Snores like a TRAIN"}});
    h.createPet({{"name", "Ana"}, {"species", "BIRD"}, {"size", "SMALL"}, {"ageMonths", 6},
                 {"price", "35.00"}, {"status", "NOT_AVAILABLE"}});
    h.createPet({{"name", "Milo"}, {"species", "CAT"}, {"size", "MEDIUM"}, {"ageMonths", 36},
                 {"price", "300.00"}, {"goodWithPets", true}});

    PetFilter f;
    for (const QString &part : filter.split(';', Qt::SkipEmptyParts)) {
        const QString key = part.section('=', 0, 0);
        const std::string value = part.section('=', 1).toStdString();
        if (key == "species") f.species = speciesFromString(value);
        if (key == "status") f.status = petStatusFromString(value);
        if (key == "size") f.size = petSizeFromString(value);
        if (key == "q") f.q = value;
        if (key == "maxPrice") f.maxPrice = value;
        if (key == "minAge") f.minAgeMonths = std::stoi(value);
        if (key == "maxAge") f.maxAgeMonths = std::stoi(value);
        if (key == "kids") f.goodWithKids = value == "true";
        if (key == "pets") f.goodWithPets = value == "true";
    }
    const Result<std::vector<Pet>> pets = h.store.listPets(f, sort.toStdString());
    if (names.startsWith("error:")) {
        QCOMPARE(outcome(pets), QStringLiteral("Validation"));
        QCOMPARE(QString::fromStdString(pets.error().fields.at(0).field), names.mid(6));
        return;
    }
    QVERIFY(pets.ok());
    QStringList got;
    for (const Pet &p : *pets)
        got << QString::fromStdString(p.name);
    QCOMPARE(got.join(' '), names);
}

void tst_Store::listsOrdersNewestFirst()
{
    Harness h;
    const Actor alice{std::string("019b789f-d7a0-7000-8002-000000000002"), Role::Customer};
    const Order first = h.store.placeOrder(h.createPet().id, alice, std::nullopt).value();
    h.tick();
    const Order second = h.store.placeOrder(h.createPet().id, Actor{}, std::nullopt).value();
    h.tick();
    const Order third = h.store.placeOrder(h.createPet().id, alice, std::nullopt).value();
    QVERIFY(h.store.cancelOrder(third.id).ok());

    const auto ids = [&](const OrderFilter &f) {
        QStringList out;
        for (const Order &o : valueOf(h.store.listOrders(f)))
            out << QString::fromStdString(o.id == first.id ? "first" : o.id == second.id ? "second" : "third");
        return out.join(' ');
    };
    QCOMPARE(ids({}), QStringLiteral("third second first"));
    QCOMPARE(ids({alice.userId, std::nullopt}), QStringLiteral("third first"));
    QCOMPARE(ids({alice.userId, OrderStatus::Placed}), QStringLiteral("first"));
    QCOMPARE(ids({std::nullopt, OrderStatus::Cancelled}), QStringLiteral("third"));
    QCOMPARE(outcome(h.store.getOrder("nope")), QStringLiteral("NotFound"));
}

void tst_Store::countsPetsByStatus()
{
    Harness h;
    QCOMPARE(h.store.petCountsByStatus().dump(),
             std::string(R"({"ADOPTED":0,"AVAILABLE":0,"NOT_AVAILABLE":0,"PENDING":0})"));
    h.createPet();
    h.createPet({{"name", "b"}, {"species", "CAT"}, {"status", "NOT_AVAILABLE"}});
    QVERIFY(h.store.placeOrder(h.createPet().id, Actor{}, std::nullopt).ok());
    QCOMPARE(h.store.petCountsByStatus().dump(),
             std::string(R"({"ADOPTED":0,"AVAILABLE":1,"NOT_AVAILABLE":1,"PENDING":1})"));
}

void tst_Store::snapshotRestoresFullFidelity()
{
    Harness h;
    QVERIFY(h.store.loadSeed(inventorySeed()).ok());
    const User user = h.store.registerUser({{"username", "alice"}, {"email", "a@example.com"},
                                            {"password", "alice-password-1"}}).value();
    const Pet pet = h.createPet();
    QVERIFY(h.store.mergePatchPet(pet.id, {{"color", "red"}}).ok());
    const Order order = h.store.placeOrder(pet.id, Actor{user.id, Role::Customer},
                                           std::string("https://hooks.example.com/x")).value();
    const Payment payment = h.store.payOrder(order.id, DecliningCard, {}, {}).value();
    QVERIFY(h.store.adjustStock(ProductId, -5, "sale").ok());
    const json snapshot = h.store.snapshot();

    DomainEventBus otherBus;
    Store copy("other", &otherBus, [] { return TimePoint{}; });
    QVERIFY(copy.restore(snapshot).ok());
    QCOMPARE(copy.snapshot().dump(), snapshot.dump());
    QCOMPARE(copy.getPet(pet.id)->revision, std::uint64_t(3));
    QCOMPARE(copy.getOrder(order.id)->revision, std::uint64_t(2));
    QVERIFY(copy.getPayment(payment.id)->declines);
    QCOMPARE(copy.getInventoryItem(ProductId)->stock, 7);
    QVERIFY(copy.authenticate("alice", "alice-password-1").ok());
    QCOMPARE(otherBus.lastSequence(), std::uint64_t(0));   // restoring publishes nothing
    QVERIFY(snapshot.at("users").at(0).contains("passwordHash"));
    QVERIFY(!snapshot.at("pets").at(0).contains("links"));
}

void tst_Store::restoreRejectsGarbageAndKeepsState_data()
{
    QTest::addColumn<QString>("document");
    QTest::addColumn<QString>("firstField");
    QTest::newRow("not an object") << "42" << "";
    QTest::newRow("missing arrays") << "{}" << "/pets";
    QTest::newRow("pets not array") << R"({"pets":{},"users":[],"orders":[],"payments":[],"inventory":[]})" << "/pets";
    QTest::newRow("pet without id") << R"({"pets":[{"name":"a","species":"DOG","createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-01T00:00:00Z"}],"users":[],"orders":[],"payments":[],"inventory":[]})" << "/pets/0/id";
    QTest::newRow("pet bad name") << R"({"pets":[{"id":"019b76da-a800-7000-8001-000000000001","name":"","species":"DOG","createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-01T00:00:00Z"}],"users":[],"orders":[],"payments":[],"inventory":[]})" << "/pets/0/name";
    QTest::newRow("pet is a string") << R"({"pets":["x"],"users":[],"orders":[],"payments":[],"inventory":[]})" << "/pets/0";
    QTest::newRow("order bad status") << R"({"pets":[],"users":[],"orders":[{"id":"019b76da-a800-7000-8003-000000000001","petId":"019b76da-a800-7000-8001-000000000001","status":"LOST","totalAmount":"1.00","currency":"USD","createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-01T00:00:00Z"}],"payments":[],"inventory":[]})" << "/orders/0/status";
    QTest::newRow("payment without source") << R"({"pets":[],"users":[],"orders":[],"payments":[{"id":"019b76da-a800-7000-8004-000000000001","orderId":"019b76da-a800-7000-8003-000000000001","amount":"1.00","currency":"USD","status":"PENDING","createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-01T00:00:00Z"}],"inventory":[]})" << "/payments/0/source";
    QTest::newRow("negative stock") << R"({"pets":[],"users":[],"orders":[],"payments":[],"inventory":[{"productId":"019b7824-3f00-7000-8005-000000000001","sku":"S","name":"N","category":"c","stock":-1,"reorderLevel":0,"unitPrice":"1.00","currency":"USD","updatedAt":"2026-01-01T00:00:00Z"}]})" << "/inventory/0/stock";
    QTest::newRow("duplicate product") << R"({"pets":[],"users":[],"orders":[],"payments":[],"inventory":[{"productId":"019b7824-3f00-7000-8005-000000000001","sku":"S","name":"N","category":"c","stock":1,"reorderLevel":0,"unitPrice":"1.00","currency":"USD","updatedAt":"2026-01-01T00:00:00Z"},{"productId":"019b7824-3f00-7000-8005-000000000001","sku":"S","name":"N","category":"c","stock":1,"reorderLevel":0,"unitPrice":"1.00","currency":"USD","updatedAt":"2026-01-01T00:00:00Z"}]})" << "/inventory/1/productId";
    QTest::newRow("user without hash") << R"({"pets":[],"users":[{"id":"019b76da-a800-7000-8002-000000000001","username":"abc","email":"a@b.io","role":"CUSTOMER","createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-01T00:00:00Z"}],"orders":[],"payments":[],"inventory":[]})" << "/users/0/passwordHash";
}

void tst_Store::restoreRejectsGarbageAndKeepsState()
{
    QFETCH(QString, document);
    QFETCH(QString, firstField);
    Harness h;
    QVERIFY(h.store.loadSeed(inventorySeed()).ok());
    const std::string before = h.store.snapshot().dump();
    const Status status = h.store.restore(json::parse(document.toStdString()));
    QVERIFY(!status.ok());
    QCOMPARE(status.error().kind, ErrorKind::Validation);
    QCOMPARE(QString::fromStdString(status.error().fields.at(0).field), firstField);
    QCOMPARE(h.store.snapshot().dump(), before);
}

void tst_Store::copiesPrototypeForAnotherTenant()
{
    Harness h;
    const Pet pet = h.createPet();
    Store tenant("ci-7", h.store);
    QCOMPARE(tenant.tenantId(), std::string("ci-7"));
    h.events.clear();
    QVERIFY(tenant.deletePet(pet.id).ok());
    QVERIFY(h.store.getPet(pet.id).ok());   // the prototype keeps its own data
    QCOMPARE(h.events.size(), std::size_t(1));
    QCOMPARE(h.events[0].tenantId, std::string("ci-7"));
}

QTEST_APPLESS_MAIN(tst_Store)
#include "tst_store.moc"
