// SPDX-License-Identifier: GPL-3.0-or-later
// Bad input to the broker: every malformed or forbidden packet gets the reply MQTT 5.0 §4.13
// prescribes — the reason code in DISCONNECT, CONNACK or the ack — and a 3.1.1 client gets its
// connection closed where its protocol has no way to say why. After each, the broker serves on.
#include "mqtttestclient.h"

#include "core/protocols/mqtt/mqttbytewriter.h"
#include "core/protocols/mqtt/mqttpacketsummary.h"
#include "mock-server/mqtt/mqttbroker.h"
#include "mock-server/mqtt/mqttlistener.h"

#include <QHostAddress>

using namespace petstore::core;
using petstore::mock::MqttBroker;
using petstore::mock::MqttConfig;
using petstore::mock::MqttListener;

namespace {

std::string bytes(std::initializer_list<int> values)
{
    std::string s;
    for (int v : values)
        s += char(v);
    return s;
}

std::string encode(const MqttPacket &packet, MqttVersion version = MqttVersion::V5)
{
    return MqttPacketWriter::encode(packet, version);
}

MqttPublish publishTo(const std::string &topic)
{
    MqttPublish p;
    p.topic = topic;
    p.payload = "x";
    return p;
}

// "DISCONNECT 0x81", "SUBACK 0x8F", "PINGRESP"...: the type and the first reason code.
QString describe(const MqttPacket &packet)
{
    QString text = QString::fromLatin1(MqttPacketSummary::typeName(packetType(packet)));
    auto code = [&text](int value) { text += QStringLiteral(" 0x%1").arg(value, 2, 16, QLatin1Char('0')).toUpper().replace(QStringLiteral("0X"), QStringLiteral("0x")); };
    if (const auto *p = std::get_if<MqttDisconnect>(&packet))
        code(p->reasonCode);
    else if (const auto *p = std::get_if<MqttConnAck>(&packet))
        code(p->reasonCode);
    else if (const auto *p = std::get_if<MqttPubAck>(&packet))
        code(p->reasonCode);
    else if (const auto *p = std::get_if<MqttSubAck>(&packet))
        code(p->reasonCodes.empty() ? 0 : p->reasonCodes.front());
    return text;
}

} // namespace

class TestMqttBrokerMalformed : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        MqttConfig config;
        config.maxPacketBytes = 1024;
        config.topicAliasMaximum = 4;
        m_broker = std::make_unique<MqttBroker>(config);
        m_listener = std::make_unique<MqttListener>(m_broker.get(), std::nullopt);
        QVERIFY(m_listener->listen(QHostAddress::LocalHost, 0));
    }

    void answersEachBadPacketAsTheSpecificationSays_data()
    {
        QTest::addColumn<int>("version");
        QTest::addColumn<bool>("connectFirst");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("reply");

        auto row = [](const char *name, MqttVersion version, bool connectFirst, const std::string &input, const char *reply) {
            QTest::newRow(name) << int(version) << connectFirst << QByteArray::fromStdString(input) << QString::fromLatin1(reply);
        };
        const auto v5 = MqttVersion::V5, v311 = MqttVersion::V311;

        // Before CONNECT.
        row("first packet is not CONNECT", v5, false, encode(MqttPing{}), "closed");
        row("protocol level 6", v5, false, bytes({0x10, 0x0D, 0, 4, 'M', 'Q', 'T', 'T', 6, 0x02, 0, 60, 0, 0, 1, 'a', 0}) , "CONNACK 0x84");
        row("protocol level 3 (MQIsdp)", v311, false, bytes({0x10, 0x0F, 0, 6, 'M', 'Q', 'I', 's', 'd', 'p', 3, 0x02, 0, 60, 0, 1, 'a'}), "CONNACK 0x01");
        MqttConnect noId;
        noId.version = v311;
        noId.cleanStart = false;
        row("3.1.1 empty client id without a clean session", v311, false, encode(noId, v311), "CONNACK 0x02");
        MqttConnect enhanced;
        enhanced.clientId = "auth";
        enhanced.properties.authenticationMethod = "SCRAM-SHA-1";
        row("enhanced authentication", v5, false, encode(enhanced), "CONNACK 0x8C");
        MqttConnect badWill;
        badWill.clientId = "will";
        badWill.will = MqttWill{"pets/+/status", "gone", 0, false, {}};
        row("wildcard in the will topic", v5, false, encode(badWill), "CONNACK 0x90");
        row("reserved connect flag", v5, false, bytes({0x10, 0x0E, 0, 4, 'M', 'Q', 'T', 'T', 5, 0x03, 0, 60, 0, 0, 2, 'i', 'd'}), "CONNACK 0x81");
        row("malformed 3.1.1 CONNECT", v311, false, bytes({0x10, 0x0D, 0, 4, 'M', 'Q', 'T', 'T', 4, 0x03, 0, 60, 0, 1, 'a'}), "closed");

        // After CONNECT: malformed packets (0x81), protocol errors (0x82) and the named refusals.
        row("PUBLISH with QoS 3", v5, true, bytes({0x36, 0x04, 0, 1, 'a', 0}), "DISCONNECT 0x81");
        row("PUBLISH with QoS 3 (3.1.1)", v311, true, bytes({0x36, 0x03, 0, 1, 'a'}), "closed");
        row("reserved packet type 0", v5, true, bytes({0x00, 0x00}), "DISCONNECT 0x81");
        row("SUBSCRIBE with wrong fixed-header flags", v5, true, bytes({0x80, 0x06, 0, 1, 0, 0, 1, 'a', 0}), "DISCONNECT 0x81");
        row("remaining length of five bytes", v5, true, bytes({0x30, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F}), "DISCONNECT 0x81");
        row("invalid UTF-8 in a topic", v5, true, bytes({0x30, 0x05, 0, 2, 0xC3, 0x28, 0}), "DISCONNECT 0x81");
        row("trailing bytes after PINGREQ", v5, true, bytes({0xC0, 0x01, 0x00}), "DISCONNECT 0x81");
        row("packet above the Maximum Packet Size", v5, true, bytes({0x30, 0xFF, 0x0F}), "DISCONNECT 0x95");
        row("packet above the Maximum Packet Size (3.1.1)", v311, true, bytes({0x30, 0xFF, 0x0F}), "closed");
        MqttConnect again;
        again.clientId = "again";
        row("second CONNECT", v5, true, encode(again), "DISCONNECT 0x82");
        row("SUBSCRIBE without a filter", v5, true, bytes({0x82, 0x03, 0, 1, 0}), "DISCONNECT 0x82");
        row("AUTH without an authentication method", v5, true, bytes({0xF0, 0x00}), "DISCONNECT 0x82");
        row("wildcard in a topic name", v5, true, encode(publishTo("pets/#")), "DISCONNECT 0x90");
        MqttPublish aliasTooHigh = publishTo("a/b");
        aliasTooHigh.properties.topicAlias = 5;
        row("topic alias above the maximum", v5, true, encode(aliasTooHigh), "DISCONNECT 0x94");
        MqttPublish unknownAlias = publishTo("");
        unknownAlias.properties.topicAlias = 3;
        row("topic alias that was never set", v5, true, encode(unknownAlias), "DISCONNECT 0x82");
        MqttPublish withSubscriptionId = publishTo("a/b");
        withSubscriptionId.properties.subscriptionIdentifiers = {7};
        row("subscription identifier from a client", v5, true, encode(withSubscriptionId), "DISCONNECT 0x82");
        MqttSubscribe sharedNoLocal;
        sharedNoLocal.packetId = 1;
        sharedNoLocal.subscriptions.push_back({"$share/g/pets/#", 1, true, false, 0});
        row("No Local on a shared subscription", v5, true, encode(sharedNoLocal), "DISCONNECT 0x82");
        MqttDisconnect lateExpiry;
        lateExpiry.properties.sessionExpiryInterval = 60;
        row("session expiry at DISCONNECT after none at CONNECT", v5, true, encode(lateExpiry), "DISCONNECT 0x82");
        row("topic name too short (3.1.1)", v311, true, encode(publishTo(""), v311), "closed");

        // Refusals that keep the connection.
        row("PUBREL for an unknown packet id", v5, true, encode(MqttPubAck{MqttPacketType::PubRel, 9, 0, {}}), "PUBCOMP 0x92");
        MqttSubscribe badFilter;
        badFilter.packetId = 2;
        badFilter.subscriptions.push_back({"pets/#/status", 1, false, false, 0});
        row("invalid topic filter", v5, true, encode(badFilter), "SUBACK 0x8F");
        row("invalid topic filter (3.1.1)", v311, true, encode(badFilter, v311), "SUBACK 0x80");
        MqttSubscribe sysFilter;
        sysFilter.packetId = 3;
        sysFilter.subscriptions.push_back({"nothing/here", 2, false, false, 0});
        row("QoS 2 subscription is granted", v5, true, encode(sysFilter), "SUBACK 0x02");
        MqttPublish toSys = publishTo("$SYS/broker/uptime");
        toSys.qos = 1;
        toSys.packetId = 4;
        row("publishing to $SYS", v5, true, encode(toSys), "PUBACK 0x87");
        MqttPublish notUtf8 = publishTo("declared/text");
        notUtf8.qos = 1;
        notUtf8.packetId = 6;
        notUtf8.payload = "\xC3\x28";
        notUtf8.properties.payloadFormatIndicator = 1;
        row("payload declared UTF-8 that is not", v5, true, encode(notUtf8), "PUBACK 0x99");
        notUtf8.qos = 0;
        row("payload declared UTF-8 that is not (QoS 0)", v5, true, encode(notUtf8), "DISCONNECT 0x99");
        MqttPublish nobody = publishTo("nobody/listens");
        nobody.qos = 1;
        nobody.packetId = 5;
        row("QoS 1 with no subscriber", v5, true, encode(nobody), "PUBACK 0x10");
    }

    void answersEachBadPacketAsTheSpecificationSays()
    {
        QFETCH(int, version);
        QFETCH(bool, connectFirst);
        QFETCH(QByteArray, input);
        QFETCH(QString, reply);
        MqttTestClient client(m_listener->serverPort(), MqttVersion(version));
        if (connectFirst)
            QCOMPARE(int(client.connect(QTest::currentDataTag()).reasonCode), 0);
        client.sendRaw(input.toStdString());
        if (reply == QLatin1String("closed")) {
            QVERIFY2(client.closedByPeer(), "the broker should have closed the connection");
        } else {
            const auto packet = client.next();
            QVERIFY2(packet.has_value(), "no reply");
            QCOMPARE(describe(*packet), reply);
            if (reply.startsWith(QLatin1String("DISCONNECT")) || (reply.startsWith(QLatin1String("CONNACK")) && !reply.endsWith(QLatin1String(" 0x00"))))
                QVERIFY(client.closedByPeer());
        }
        // The broker serves on.
        MqttTestClient after(m_listener->serverPort());
        QCOMPARE(int(after.connect("after").reasonCode), 0);
    }

private:
    std::unique_ptr<MqttBroker> m_broker;
    std::unique_ptr<MqttListener> m_listener;
};

QTEST_GUILESS_MAIN(TestMqttBrokerMalformed)
#include "tst_mqttbrokermalformed.moc"
