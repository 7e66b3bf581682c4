// SPDX-License-Identifier: GPL-3.0-or-later
// The broker's session and delivery rules (MQTT 5.0 §3, §4), driven by a bare client and a
// clock the test moves: keep alive, takeover, receive maximum, expiry of messages, sessions and
// delayed wills, subscription options and identifiers, topic aliases, the client's maximum
// packet size, bounded offline queues, users and access lists, and the Traffic record.
#include "mqtttestclient.h"

#include "mock-server/mqtt/mqttbroker.h"
#include "mock-server/mqtt/mqttlistener.h"

#include <QHostAddress>

using namespace petstore::core;
using petstore::mock::MqttBroker;
using petstore::mock::MqttConfig;
using petstore::mock::MqttListener;

class TestMqttBroker : public QObject
{
    Q_OBJECT

private:
    std::int64_t m_now = 1'700'000'000'000;
    std::vector<TrafficRecord> m_traffic;   // before the broker: it records until it is gone
    std::unique_ptr<MqttBroker> m_broker;
    std::unique_ptr<MqttListener> m_listener;

    quint16 start(MqttConfig config = {})
    {
        m_listener.reset();
        m_broker = std::make_unique<MqttBroker>(config, nullptr, [this] { return m_now; });
        m_broker->setTrafficSink([this](TrafficRecord record) { m_traffic.push_back(std::move(record)); });
        m_listener = std::make_unique<MqttListener>(m_broker.get(), std::nullopt);
        m_listener->listen(QHostAddress::LocalHost, 0);
        return m_listener->serverPort();
    }
    // Moves the clock and lets the broker's sweep (every 500 ms) see it.
    void advance(int ms)
    {
        m_now += ms;
        QTest::qWait(600);
    }
    static std::optional<MqttPublish> publishOf(MqttTestClient &client, int ms = 3000) { return client.nextOf<MqttPublish>(ms); }

private Q_SLOTS:
    void init() { m_traffic.clear(); }

    void deliversQos2ExactlyOnceInBothDirections()
    {
        const quint16 port = start();
        MqttTestClient subscriber(port), publisher(port);
        QCOMPARE(int(subscriber.connect("sub").reasonCode), 0);
        QCOMPARE(int(publisher.connect("pub").reasonCode), 0);
        subscriber.subscribe("q/#", 2);
        publisher.publish("q/a", "once", 2);
        const auto rec = publisher.nextOf<MqttPubAck>();
        QVERIFY(rec && rec->type == MqttPacketType::PubRec);
        publisher.publish("q/a", "once", 2, false, [&](MqttPublish &p) { p.packetId = rec->packetId; p.dup = true; });   // retransmitted
        QCOMPARE(int(publisher.nextOf<MqttPubAck>()->type), int(MqttPacketType::PubRec));
        publisher.send(MqttPubAck{MqttPacketType::PubRel, rec->packetId, 0, {}});
        QCOMPARE(int(publisher.nextOf<MqttPubAck>()->type), int(MqttPacketType::PubComp));

        const auto delivered = publishOf(subscriber);
        QVERIFY(delivered && delivered->qos == 2 && delivered->payload == "once");
        subscriber.send(MqttPubAck{MqttPacketType::PubRec, delivered->packetId, 0, {}});
        const auto rel = subscriber.nextOf<MqttPubAck>();
        QVERIFY(rel && rel->type == MqttPacketType::PubRel && rel->packetId == delivered->packetId);
        subscriber.send(MqttPubAck{MqttPacketType::PubComp, delivered->packetId, 0, {}});
        QVERIFY2(!subscriber.next(300), "the retransmission must not be delivered twice");
        QVERIFY(!m_traffic.empty());
        QVERIFY(std::any_of(m_traffic.begin(), m_traffic.end(), [](const TrafficRecord &r) {
            return r.protocol == "mqtt" && r.summary.find("PUBLISH q/a QoS 2") != std::string::npos;
        }));
    }

    void redeliversUnacknowledgedMessagesWithDupAfterReconnect()
    {
        const quint16 port = start();
        auto persistent = [](MqttConnect &c) { c.properties.sessionExpiryInterval = 300; };
        std::uint16_t firstId = 0;
        {
            MqttTestClient subscriber(port);
            subscriber.connect("forgetful", true, persistent);
            subscriber.subscribe("dup/#", 2);
            MqttTestClient publisher(port);
            publisher.connect("p");
            publisher.publish("dup/one", "q1", 1);
            publisher.publish("dup/two", "q2", 2);
            const auto one = publishOf(subscriber);
            const auto two = publishOf(subscriber);
            QVERIFY(one && two && !one->dup && !two->dup);
            firstId = one->packetId;
            // PUBREC for the QoS 2 message only, then the link dies: PUBACK and PUBCOMP never come.
            subscriber.send(MqttPubAck{MqttPacketType::PubRec, two->packetId, 0, {}});
            QCOMPARE(int(subscriber.nextOf<MqttPubAck>()->type), int(MqttPacketType::PubRel));
            subscriber.abort();
        }
        QTest::qWait(100);
        MqttTestClient back(port);
        QVERIFY(back.connect("forgetful", false, persistent).sessionPresent);
        const auto again = publishOf(back);
        QVERIFY(again);
        QVERIFY2(again->dup, "a resent PUBLISH has DUP set (§4.4)");
        QCOMPARE(again->packetId, firstId);
        QCOMPARE(again->payload, std::string("q1"));
        const auto release = back.nextOf<MqttPubAck>();
        QVERIFY2(release && release->type == MqttPacketType::PubRel, "a QoS 2 message already received is released, not resent");
    }

    void disconnectsAClientSilentForOneAndAHalfKeepAlives()
    {
        const quint16 port = start();
        MqttTestClient client(port);
        QCOMPARE(int(client.connect("sleepy", true, [](MqttConnect &c) { c.keepAlive = 10; }).reasonCode), 0);
        advance(14000);
        QVERIFY(!client.next(100));
        advance(2000);
        const auto disconnect = client.nextOf<MqttDisconnect>();
        QVERIFY(disconnect && disconnect->reasonCode == 0x8D);
    }

    void takesOverASessionByClientId()
    {
        const quint16 port = start();
        MqttTestClient first(port), second(port);
        QCOMPARE(int(first.connect("same", false, [](MqttConnect &c) { c.properties.sessionExpiryInterval = 60; }).reasonCode), 0);
        first.subscribe("kept/#", 1);
        const auto ack = second.connect("same", false, [](MqttConnect &c) { c.properties.sessionExpiryInterval = 60; });
        QVERIFY(ack.sessionPresent);
        QCOMPARE(int(first.nextOf<MqttDisconnect>()->reasonCode), 0x8E);
        MqttTestClient publisher(port);
        publisher.connect("p");
        publisher.publish("kept/x", "to the new connection", 1);
        QCOMPARE(publishOf(second)->payload, std::string("to the new connection"));
    }

    void refusesMoreUnreleasedQos2MessagesThanTheReceiveMaximum()
    {
        MqttConfig config;
        config.receiveMaximum = 2;
        const quint16 port = start(config);
        MqttTestClient client(port);
        QCOMPARE(*client.connect("eager").properties.receiveMaximum, std::uint16_t(2));
        for (int i = 0; i < 3; ++i)
            client.publish("r/m", "x", 2);
        QCOMPARE(int(client.nextOf<MqttPubAck>()->type), int(MqttPacketType::PubRec));
        QCOMPARE(int(client.nextOf<MqttPubAck>()->type), int(MqttPacketType::PubRec));
        QCOMPARE(int(client.nextOf<MqttDisconnect>()->reasonCode), 0x93);
    }

    void dropsRetainedMessagesWhoseExpiryPassed()
    {
        const quint16 port = start();
        MqttTestClient publisher(port);
        publisher.connect("p");
        publisher.publish("exp/short", "soon gone", 0, true, [](MqttPublish &p) { p.properties.messageExpiryInterval = 5; });
        publisher.publish("exp/long", "stays", 0, true, [](MqttPublish &p) { p.properties.messageExpiryInterval = 100; });
        QTest::qWait(100);
        advance(6000);
        MqttTestClient late(port);
        late.connect("late");
        late.subscribe("exp/#", 1);
        const auto kept = publishOf(late);
        QVERIFY(kept && kept->payload == "stays" && kept->retain);
        QVERIFY(*kept->properties.messageExpiryInterval <= 94);   // what is left, not what was asked
        QVERIFY(!late.next(200));
    }

    void publishesTheWillAfterItsDelayUnlessTheClientReturns()
    {
        const quint16 port = start();
        MqttTestClient observer(port);
        observer.connect("observer");
        observer.subscribe("wills/#", 1);
        auto willing = [](const char *payload) {
            return [payload](MqttConnect &c) {
                c.properties.sessionExpiryInterval = 600;
                c.will = MqttWill{"wills/device", payload, 1, false, {}};
                c.will->properties.willDelayInterval = 30;
            };
        };
        {
            MqttTestClient device(port);
            QCOMPARE(int(device.connect("device", true, willing("returns")).reasonCode), 0);
            device.abort();
        }
        QTest::qWait(200);
        advance(10000);
        MqttTestClient back(port);
        QVERIFY(back.connect("device", false, willing("later")).sessionPresent);
        advance(31000);
        QVERIFY2(!observer.next(200), "a client back within the delay cancels its will");
        back.abort();
        QTest::qWait(200);
        QVERIFY(!observer.next(200));
        advance(31000);
        QCOMPARE(publishOf(observer)->payload, std::string("later"));
    }

    void endsSessionsWhenTheirExpiryPassesAndQueuesBoundedly()
    {
        MqttConfig config;
        config.maxQueuedMessages = 3;
        const quint16 port = start(config);
        {
            MqttTestClient client(port);
            client.connect("offline", true, [](MqttConnect &c) { c.properties.sessionExpiryInterval = 60; });
            client.subscribe("queue/#", 1);
            client.send(MqttDisconnect{});
        }
        MqttTestClient publisher(port);
        publisher.connect("p");
        for (int i = 0; i < 5; ++i)
            publisher.publish("queue/n", std::to_string(i), 1);
        QTest::qWait(200);
        {
            MqttTestClient back(port);
            QVERIFY(back.connect("offline", false, [](MqttConnect &c) { c.properties.sessionExpiryInterval = 60; }).sessionPresent);
            for (const char *expected : {"0", "1", "2"}) {
                const auto message = publishOf(back);
                QVERIFY(message);
                QCOMPARE(message->payload, std::string(expected));
                back.send(MqttPubAck{MqttPacketType::PubAck, message->packetId, 0, {}});
            }
            QVERIFY2(!back.next(200), "the queue holds at most mqtt.maxQueuedMessages");
            back.send(MqttDisconnect{});
        }
        QTest::qWait(100);
        advance(61000);
        MqttTestClient expired(port);
        QVERIFY(!expired.connect("offline", false).sessionPresent);
    }

    void honoursSubscriptionOptionsAndIdentifiers()
    {
        const quint16 port = start();
        MqttTestClient client(port);
        client.connect("options");
        client.subscribe("opt/local", 1, [](MqttSubscribe &s) { s.subscriptions[0].noLocal = true; });
        client.subscribe("opt/+", 1, [](MqttSubscribe &s) {
            s.subscriptions[0].retainAsPublished = true;
            s.properties.subscriptionIdentifiers = {42};
        });
        client.publish("opt/local", "own", 0, true);
        const auto echoed = publishOf(client);
        QVERIFY(echoed);
        QCOMPARE(echoed->properties.subscriptionIdentifiers, std::vector<std::uint32_t>{42});   // only opt/+ matched: No Local
        QVERIFY2(echoed->retain, "Retain As Published keeps the flag");
        QVERIFY(!client.next(200));

        MqttTestClient other(port);
        other.connect("other");
        other.subscribe("opt/#", 0, [](MqttSubscribe &s) { s.subscriptions[0].retainHandling = 2; });
        QVERIFY2(!other.next(200), "Retain Handling 2 sends no retained message");
    }

    void resolvesInboundTopicAliasesAndAssignsClientIds()
    {
        const quint16 port = start();
        MqttTestClient subscriber(port), publisher(port);
        subscriber.connect("aliases");
        subscriber.subscribe("alias/#", 0);
        const auto ack = publisher.connect("");
        QVERIFY(ack.properties.assignedClientIdentifier && !ack.properties.assignedClientIdentifier->empty());
        publisher.publish("alias/long/topic", "first", 0, false, [](MqttPublish &p) { p.properties.topicAlias = 1; });
        publisher.publish("", "second", 0, false, [](MqttPublish &p) { p.properties.topicAlias = 1; });
        QCOMPARE(publishOf(subscriber)->topic, std::string("alias/long/topic"));
        const auto second = publishOf(subscriber);
        QVERIFY(second && second->topic == "alias/long/topic" && second->payload == "second");
    }

    void skipsMessagesAboveTheClientsMaximumPacketSize()
    {
        const quint16 port = start();
        MqttTestClient small(port), publisher(port);
        small.connect("small", true, [](MqttConnect &c) { c.properties.maximumPacketSize = 64; });
        small.subscribe("size/#", 0);
        publisher.connect("p");
        publisher.publish("size/big", std::string(200, 'x'));
        publisher.publish("size/small", "fits");
        QCOMPARE(publishOf(small)->payload, std::string("fits"));
    }

    void authenticatesUsersAndEnforcesTheirAccessLists()
    {
        MqttConfig config;
        const nlohmann::json document = {{"allowAnonymous", false},
                                         {"users", {{{"username", "collar"}, {"password", "s3cret"},
                                                     {"acl", {{{"filter", "pets/+/health"}, {"access", "write"}},
                                                              {{"filter", "pets/#"}, {"access", "read"}}}}}}}};
        QVERIFY(config.applyJson(document).ok());
        const quint16 port = start(config);
        MqttTestClient anonymous(port), wrong(port), v311(port, MqttVersion::V311), device(port);
        QCOMPARE(int(anonymous.connect("anon").reasonCode), 0x87);
        QCOMPARE(int(wrong.connect("wrong", true, [](MqttConnect &c) { c.username = "collar"; c.password = "nope"; }).reasonCode), 0x86);
        QCOMPARE(int(v311.connect("old", true, [](MqttConnect &c) { c.username = "collar"; c.password = "nope"; }).reasonCode), 0x04);
        auto login = [](MqttConnect &c) { c.username = "collar"; c.password = "s3cret"; };
        QCOMPARE(int(device.connect("device", true, login).reasonCode), 0);
        MqttSubscribe subscribe;
        subscribe.packetId = 1;
        subscribe.subscriptions = {{"pets/+/status", 1, false, false, 0}, {"#", 1, false, false, 0}};
        device.send(subscribe);
        QCOMPARE(device.nextOf<MqttSubAck>()->reasonCodes, (std::vector<std::uint8_t>{1, 0x87}));
        device.publish("pets/p1/health", "{}", 1);
        QCOMPARE(int(device.nextOf<MqttPubAck>()->reasonCode), 0x10);
        device.publish("pets/p1/status", "{}", 1);
        QCOMPARE(int(device.nextOf<MqttPubAck>()->reasonCode), 0x87);
    }
};

QTEST_GUILESS_MAIN(TestMqttBroker)
#include "tst_mqttbroker.moc"
