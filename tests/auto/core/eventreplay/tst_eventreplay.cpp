// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/petstore/eventchannels.h"
#include "core/petstore/eventfilter.h"
#include "core/petstore/eventreplaybuffer.h"

#include <QTest>

using namespace petstore::core;

namespace {

CloudEvent makeEvent(std::uint64_t sequence, std::string type = "pet.updated", std::string subject = "/v1/pets/p1",
                 nlohmann::json data = nlohmann::json::object())
{
    CloudEvent e;
    e.sequence = sequence;
    e.type = std::move(type);
    e.subject = std::move(subject);
    e.data = std::move(data);
    return e;
}

std::vector<std::uint64_t> ids(const EventReplayBuffer::Replay &replay)
{
    std::vector<std::uint64_t> out;
    for (const auto &e : replay.events)
        out.push_back(e.sequence);
    return out;
}

} // namespace

class tst_EventReplay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void replaysEverythingAfterTheLastSeenId();
    void reportsAGapWhenTheIdFellOutOfTheBuffer();
    void reportsAGapForAnIdFromAnotherServerRun();
    void staysBoundedByCapacity();
    void mapsEventsToTheirChannels();
    void validatesChannelNames();
    void picksTheMostSpecificSubscribedChannel();
    void filtersByTypeListPrefixAndSubjectTree();
};

void tst_EventReplay::replaysEverythingAfterTheLastSeenId()
{
    EventReplayBuffer buffer(10);
    for (std::uint64_t i = 1; i <= 5; ++i)
        buffer.append(makeEvent(i));
    const auto replay = buffer.after(2, 5);
    QCOMPARE(ids(replay), (std::vector<std::uint64_t>{3, 4, 5}));
    QVERIFY(!replay.gapBefore);
    QVERIFY(buffer.after(5, 5).events.empty());
    QVERIFY(!buffer.after(5, 5).gapBefore);
    QCOMPARE(ids(buffer.after(0, 5)).size(), std::size_t(5));
}

void tst_EventReplay::reportsAGapWhenTheIdFellOutOfTheBuffer()
{
    EventReplayBuffer buffer(3);
    for (std::uint64_t i = 1; i <= 10; ++i)
        buffer.append(makeEvent(i));
    const auto replay = buffer.after(4, 10);
    QCOMPARE(ids(replay), (std::vector<std::uint64_t>{8, 9, 10}));
    QCOMPARE(replay.gapBefore.value_or(0), std::uint64_t(8));
    // Exactly reaching back is not a gap.
    QVERIFY(!buffer.after(7, 10).gapBefore);
}

void tst_EventReplay::reportsAGapForAnIdFromAnotherServerRun()
{
    EventReplayBuffer buffer(3);
    buffer.append(makeEvent(1));
    const auto replay = buffer.after(999, 1);
    QVERIFY(replay.events.empty());
    QCOMPARE(replay.gapBefore.value_or(99), std::uint64_t(1));
    EventReplayBuffer none(0);
    none.append(makeEvent(1));
    QCOMPARE(none.size(), std::size_t(0));
    QCOMPARE(none.after(0, 1).gapBefore.value_or(99), std::uint64_t(0));
}

void tst_EventReplay::staysBoundedByCapacity()
{
    EventReplayBuffer buffer(100);
    for (std::uint64_t i = 1; i <= 10000; ++i)
        buffer.append(makeEvent(i));
    QCOMPARE(buffer.size(), std::size_t(100));
    buffer.setCapacity(10);
    QCOMPARE(buffer.size(), std::size_t(10));
    QCOMPARE(ids(buffer.after(9990, 10000)).front(), std::uint64_t(9991));
}

void tst_EventReplay::mapsEventsToTheirChannels()
{
    using Channels = std::vector<std::string>;
    QCOMPARE(EventChannels::of(makeEvent(1, "pet.status_changed", "/v1/pets/abc")), (Channels{"pets", "pet:abc"}));
    QCOMPARE(EventChannels::of(makeEvent(1, "order.created", "/v1/orders/o-1")), (Channels{"orders", "order:o-1"}));
    QCOMPARE(EventChannels::of(makeEvent(1, "payment.succeeded", "/v1/payments/x", {{"orderId", "o-1"}})),
             (Channels{"orders", "order:o-1"}));
    QCOMPARE(EventChannels::of(makeEvent(1, "inventory.low_stock", "/v1/inventory/p")), (Channels{"inventory"}));
    QCOMPARE(EventChannels::of(makeEvent(1, "user.created", "/v1/users/u")), Channels{});
}

void tst_EventReplay::validatesChannelNames()
{
    for (const char *good : {"pets", "orders", "inventory", "pet:0190b8e4-5a6f-7c3d-9e21-4b5a6c7d8e01", "order:1"})
        QVERIFY2(EventChannels::isValid(good), good);
    for (const char *bad : {"", "pet:", "Pets", "users", "pet:a b", "order:../x", "pets:"})
        QVERIFY2(!EventChannels::isValid(bad), bad);
}

void tst_EventReplay::picksTheMostSpecificSubscribedChannel()
{
    const CloudEvent pet = makeEvent(1, "pet.status_changed", "/v1/pets/abc");
    QCOMPARE(EventChannels::mostSpecific(pet, {"pets", "pet:abc"}).value_or(""), std::string("pet:abc"));
    QCOMPARE(EventChannels::mostSpecific(pet, {"pets"}).value_or(""), std::string("pets"));
    QVERIFY(!EventChannels::mostSpecific(pet, {"orders", "pet:xyz"}));
    QVERIFY(!EventChannels::mostSpecific(pet, {}));
}

void tst_EventReplay::filtersByTypeListPrefixAndSubjectTree()
{
    const CloudEvent petChange = makeEvent(1, "pet.status_changed", "/v1/pets/abc");
    const CloudEvent order = makeEvent(2, "order.created", "/v1/orders/o1");
    QVERIFY(EventFilter().matches(petChange));
    const EventFilter types("pet.status_changed,order.*", "");
    QVERIFY(types.matches(petChange));
    QVERIFY(types.matches(order));
    QVERIFY(!types.matches(makeEvent(3, "pet.created", "/v1/pets/abc")));
    QVERIFY(EventFilter("", "/v1/pets").matches(petChange));
    QVERIFY(EventFilter("", "/v1/pets/").matches(petChange));
    QVERIFY(EventFilter("", "/v1/pets/abc").matches(petChange));
    QVERIFY(!EventFilter("", "/v1/pets/ab").matches(petChange));
    QVERIFY(!EventFilter("", "/v1/pets").matches(order));
    QVERIFY(!EventFilter("pet.*", "/v1/pets/xyz").matches(petChange));
    QVERIFY(EventFilter(",,pet.status_changed,", "").matches(petChange));
}

QTEST_APPLESS_MAIN(tst_EventReplay)
#include "tst_eventreplay.moc"
