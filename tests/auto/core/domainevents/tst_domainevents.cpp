// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/petstore/domainevents.h"

#include <QTest>

#include <vector>

using namespace petstore::core;
using nlohmann::json;

namespace {

// 2026-03-01T12:00:00.000Z
const TimePoint FixedTime{std::chrono::milliseconds(1772366400000)};

TimePoint fixedClock()
{
    return FixedTime;
}

} // namespace

class tst_DomainEvents : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void serialisesCloudEventEnvelope();
    void stampsMonotonicSequenceAcrossTenants();
    void deliversToEverySubscriberInOrder();
    void stopsDeliveringAfterUnsubscribe();
    void toleratesHandlerUnsubscribingItself();
    void deliversNestedPublishes();
};

void tst_DomainEvents::serialisesCloudEventEnvelope()
{
    CloudEvent event;
    event.sequence = 42;
    event.source = "/petstore-mock";
    event.type = "pet.created";
    event.time = FixedTime;
    event.subject = "/v1/pets/019ca945-0a00-7000-8001-000000000001";
    event.data = json{{"id", "019ca945-0a00-7000-8001-000000000001"}};
    event.tenantId = "default";
    QCOMPARE(event.id(), std::string("42"));
    const json expected = json::parse(R"({
        "specversion": "1.0", "id": "42", "source": "/petstore-mock", "type": "pet.created",
        "time": "2026-03-01T12:00:00.000Z",
        "subject": "/v1/pets/019ca945-0a00-7000-8001-000000000001",
        "datacontenttype": "application/json",
        "data": {"id": "019ca945-0a00-7000-8001-000000000001"}, "tenantid": "default"})");
    QCOMPARE(event.toJson().dump(), expected.dump());
}

void tst_DomainEvents::stampsMonotonicSequenceAcrossTenants()
{
    DomainEventBus bus(fixedClock, "/custom-source");
    QCOMPARE(bus.lastSequence(), std::uint64_t(0));
    const CloudEvent first = bus.publish("default", "pet.created", "/v1/pets/a", json{{"n", 1}});
    const CloudEvent second = bus.publish("ci-42", "order.created", "/v1/orders/b", json::object());
    QCOMPARE(first.sequence, std::uint64_t(1));
    QCOMPARE(second.sequence, std::uint64_t(2));
    QCOMPARE(bus.lastSequence(), std::uint64_t(2));
    QCOMPARE(first.source, std::string("/custom-source"));
    QCOMPARE(first.time, FixedTime);
    QCOMPARE(first.tenantId, std::string("default"));
    QCOMPARE(second.tenantId, std::string("ci-42"));
    QCOMPARE(second.type, std::string("order.created"));
    QCOMPARE(second.subject, std::string("/v1/orders/b"));
    QCOMPARE(first.data.dump(), std::string(R"({"n":1})"));
}

void tst_DomainEvents::deliversToEverySubscriberInOrder()
{
    DomainEventBus bus(fixedClock);
    std::vector<std::string> seen;
    bus.subscribe([&seen](const CloudEvent &e) { seen.push_back("a:" + e.id()); });
    bus.subscribe([&seen](const CloudEvent &e) { seen.push_back("b:" + e.type); });
    bus.publish("default", "pet.deleted", "/v1/pets/x", json::object());
    QCOMPARE(seen, (std::vector<std::string>{"a:1", "b:pet.deleted"}));
}

void tst_DomainEvents::stopsDeliveringAfterUnsubscribe()
{
    DomainEventBus bus(fixedClock);
    int calls = 0;
    const auto id = bus.subscribe([&calls](const CloudEvent &) { ++calls; });
    bus.publish("default", "user.created", "/v1/users/u", json::object());
    bus.unsubscribe(id);
    bus.unsubscribe(id);  // unknown ids are ignored
    bus.publish("default", "user.created", "/v1/users/u", json::object());
    QCOMPARE(calls, 1);
}

void tst_DomainEvents::toleratesHandlerUnsubscribingItself()
{
    DomainEventBus bus(fixedClock);
    DomainEventBus::SubscriptionId self = 0;
    int selfCalls = 0, otherCalls = 0;
    self = bus.subscribe([&](const CloudEvent &) {
        ++selfCalls;
        bus.unsubscribe(self);
    });
    bus.subscribe([&otherCalls](const CloudEvent &) { ++otherCalls; });
    bus.publish("default", "pet.updated", "/v1/pets/x", json::object());
    bus.publish("default", "pet.updated", "/v1/pets/x", json::object());
    QCOMPARE(selfCalls, 1);
    QCOMPARE(otherCalls, 2);
}

void tst_DomainEvents::deliversNestedPublishes()
{
    DomainEventBus bus(fixedClock);
    std::vector<std::uint64_t> seen;
    bus.subscribe([&](const CloudEvent &e) {
        seen.push_back(e.sequence);
        if (e.type == "payment.succeeded")
            bus.publish(e.tenantId, "order.status_changed", "/v1/orders/o", json::object());
    });
    bus.publish("default", "payment.succeeded", "/v1/payments/p", json::object());
    QCOMPARE(seen, (std::vector<std::uint64_t>{1, 2}));
}

QTEST_APPLESS_MAIN(tst_DomainEvents)
#include "tst_domainevents.moc"
