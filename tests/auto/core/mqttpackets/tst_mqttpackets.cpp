// SPDX-License-Identifier: GPL-3.0-or-later
// Every MQTT packet type in both protocol versions: exact bytes, decode(encode(p)) == p, and a
// table of malformed packets with the error class the broker answers (0x81 malformed, 0x82
// protocol error; 3.1.1 closes the connection either way).
#include "core/protocols/mqtt/mqttpacketreader.h"
#include "core/protocols/mqtt/mqttpacketwriter.h"

#include <QTest>

using namespace petstore::core;

Q_DECLARE_METATYPE(MqttPacket)
Q_DECLARE_METATYPE(MqttVersion)

namespace {

MqttFrame frameOf(const std::string &bytes)
{
    MqttFrameDecoder decoder;
    decoder.feed(bytes);
    return decoder.hasFrame() ? decoder.takeFrame() : MqttFrame{};
}

MqttPacket publishQos1()
{
    MqttPublish p;
    p.qos = 1;
    p.retain = true;
    p.topic = "pets/1/status";
    p.packetId = 10;
    p.payload = "{\"status\":\"PENDING\"}";
    return p;
}

} // namespace

class TestMqttPackets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void encodesExactBytes_data()
    {
        QTest::addColumn<MqttPacket>("packet");
        QTest::addColumn<MqttVersion>("version");
        QTest::addColumn<QByteArray>("hex");
        MqttConnect connect311;
        connect311.version = MqttVersion::V311;
        connect311.keepAlive = 60;
        connect311.clientId = "c1";
        QTest::newRow("CONNECT 3.1.1") << MqttPacket(connect311) << MqttVersion::V311
                                       << QByteArray("100e00044d5154540402003c00026331");
        MqttConnect connect5 = connect311;
        connect5.version = MqttVersion::V5;
        connect5.properties.sessionExpiryInterval = 10;
        connect5.username = "u";
        connect5.password = "p";
        QTest::newRow("CONNECT 5 with credentials") << MqttPacket(connect5) << MqttVersion::V5
                                                    << QByteArray("101a00044d51545405c2003c05110000000a0002633100017500017"
                                                                  "0");
        MqttConnect withWill = connect311;
        withWill.will = MqttWill{"w", "bye", 1, true, {}};
        QTest::newRow("CONNECT 3.1.1 with will") << MqttPacket(withWill) << MqttVersion::V311
                                                 << QByteArray("101600044d515454042e003c0002633100017700036279"
                                                               "65");
        QTest::newRow("CONNACK 3.1.1") << MqttPacket(MqttConnAck{true, 0, {}}) << MqttVersion::V311 << QByteArray("20020100");
        QTest::newRow("CONNACK 5") << MqttPacket(MqttConnAck{false, 0x84, {}}) << MqttVersion::V5 << QByteArray("2003008400");
        QTest::newRow("PUBLISH QoS 0") << MqttPacket(MqttPublish{false, 0, false, "a/b", 0, "hi", {}}) << MqttVersion::V311
                                       << QByteArray("300700036" "12f626869");
        QTest::newRow("PUBLISH QoS 1 v5") << publishQos1() << MqttVersion::V5
                                          << QByteArray("3326000d706574732f312f737461747573000a00"
                                                        "7b22737461747573223a2250454e44494e47227d");
        QTest::newRow("PUBACK short") << MqttPacket(MqttPubAck{MqttPacketType::PubAck, 10, 0, {}}) << MqttVersion::V5
                                      << QByteArray("4002000a");
        QTest::newRow("PUBREC with reason") << MqttPacket(MqttPubAck{MqttPacketType::PubRec, 10, 0x10, {}}) << MqttVersion::V5
                                            << QByteArray("5003000a10");
        QTest::newRow("PUBREL flags") << MqttPacket(MqttPubAck{MqttPacketType::PubRel, 10, 0, {}}) << MqttVersion::V311
                                      << QByteArray("6202000a");
        QTest::newRow("PUBCOMP") << MqttPacket(MqttPubAck{MqttPacketType::PubComp, 10, 0, {}}) << MqttVersion::V311
                                 << QByteArray("7002000a");
        MqttSubscribe subscribe;
        subscribe.packetId = 1;
        subscribe.subscriptions = {{"pets/#", 1, true, false, 2}};
        QTest::newRow("SUBSCRIBE v5 options") << MqttPacket(subscribe) << MqttVersion::V5
                                              << QByteArray("820c00010000067065747"
                                                            "32f2325");
        subscribe.subscriptions = {{"pets/#", 1, false, false, 0}};
        QTest::newRow("SUBSCRIBE 3.1.1") << MqttPacket(subscribe) << MqttVersion::V311
                                         << QByteArray("820b000100067065747"
                                                       "32f2301");
        QTest::newRow("SUBACK") << MqttPacket(MqttSubAck{MqttPacketType::SubAck, 1, {1, 0x80}, {}}) << MqttVersion::V311
                                << QByteArray("900400010180");
        QTest::newRow("SUBACK v5") << MqttPacket(MqttSubAck{MqttPacketType::SubAck, 1, {0x8F}, {}}) << MqttVersion::V5
                                   << QByteArray("90040001008f");
        QTest::newRow("UNSUBSCRIBE") << MqttPacket(MqttUnsubscribe{2, {"a"}, {}}) << MqttVersion::V311
                                     << QByteArray("a20500020001" "61");
        QTest::newRow("UNSUBACK 3.1.1") << MqttPacket(MqttSubAck{MqttPacketType::UnsubAck, 2, {}, {}}) << MqttVersion::V311
                                        << QByteArray("b0020002");
        QTest::newRow("UNSUBACK v5") << MqttPacket(MqttSubAck{MqttPacketType::UnsubAck, 2, {0x11}, {}}) << MqttVersion::V5
                                     << QByteArray("b00400020011");
        QTest::newRow("PINGREQ") << MqttPacket(MqttPing{false}) << MqttVersion::V311 << QByteArray("c000");
        QTest::newRow("PINGRESP") << MqttPacket(MqttPing{true}) << MqttVersion::V5 << QByteArray("d000");
        QTest::newRow("DISCONNECT 3.1.1") << MqttPacket(MqttDisconnect{}) << MqttVersion::V311 << QByteArray("e000");
        QTest::newRow("DISCONNECT v5 reason") << MqttPacket(MqttDisconnect{MqttPacketType::Disconnect, 0x8E, {}})
                                              << MqttVersion::V5 << QByteArray("e0018e");
        QTest::newRow("AUTH success") << MqttPacket(MqttDisconnect{MqttPacketType::Auth, 0, {}}) << MqttVersion::V5
                                      << QByteArray("f000");
    }

    void encodesExactBytes()
    {
        QFETCH(MqttPacket, packet);
        QFETCH(MqttVersion, version);
        QFETCH(QByteArray, hex);
        const std::string bytes = MqttPacketWriter::encode(packet, version);
        QCOMPARE(QByteArray::fromStdString(bytes).toHex(), hex);
        const auto back = MqttPacketReader::decode(frameOf(bytes), version);
        QVERIFY2(back.ok(), back.ok() ? "" : back.error().message.c_str());
        QVERIFY(back.value() == packet);
    }

    void roundTripsPropertiesOnEveryV5Packet()
    {
        MqttProperties reason;
        reason.reasonString = "because";
        reason.userProperties = {{"k", "v"}};
        MqttConnect connect;
        connect.clientId = "c";
        connect.properties.receiveMaximum = 5;
        connect.will = MqttWill{"pets/1/offline", "gone", 2, false, {}};
        connect.will->properties.willDelayInterval = 30;
        MqttPublish publish = std::get<MqttPublish>(publishQos1());
        publish.qos = 2;
        publish.dup = true;
        publish.properties.responseTopic = "replies";
        publish.properties.correlationData = "42";
        publish.properties.subscriptionIdentifiers = {3, 9};
        MqttPublish aliased;
        aliased.properties.topicAlias = 4;   // empty topic allowed with an alias
        MqttConnAck connAck{true, 0, {}};
        connAck.properties.assignedClientIdentifier = "auto-7";
        MqttSubscribe subscribe{3, {{"$share/g/pets/+", 2, false, true, 1}}, {}};
        subscribe.properties.subscriptionIdentifiers = {12};
        const std::vector<MqttPacket> packets = {
            connect, connAck, publish, aliased,
            MqttPubAck{MqttPacketType::PubAck, 7, 0x10, reason}, MqttPubAck{MqttPacketType::PubComp, 7, 0, reason},
            subscribe, MqttSubAck{MqttPacketType::SubAck, 3, {2}, reason},
            MqttUnsubscribe{4, {"a", "b"}, {}}, MqttSubAck{MqttPacketType::UnsubAck, 4, {0, 0x11}, reason},
            MqttDisconnect{MqttPacketType::Disconnect, 0x04, reason}, MqttDisconnect{MqttPacketType::Auth, 0x18, {}},
        };
        for (const MqttPacket &packet : packets) {
            const auto back = MqttPacketReader::decode(frameOf(MqttPacketWriter::encode(packet, MqttVersion::V5)), MqttVersion::V5);
            QVERIFY2(back.ok(), back.ok() ? "" : back.error().message.c_str());
            QVERIFY2(back.value() == packet, std::to_string(int(packetType(packet))).c_str());
        }
    }

    void refusesMalformedPackets_data()
    {
        QTest::addColumn<QByteArray>("hex");
        QTest::addColumn<MqttVersion>("version");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("message");
        const int malformed = int(ErrorKind::BadRequest);
        const int protocol = int(ErrorKind::Validation);
        QTest::newRow("PINGREQ with flags") << QByteArray("c100") << MqttVersion::V5 << malformed
                                            << "wrong fixed header flags for packet type 12";
        QTest::newRow("SUBSCRIBE flags 0") << QByteArray("800600010001610") + "0" << MqttVersion::V311 << malformed
                                           << "wrong fixed header flags for packet type 8";
        QTest::newRow("PUBLISH QoS 3") << QByteArray("36050001610001") << MqttVersion::V311 << malformed
                                       << "PUBLISH with QoS 3";
        QTest::newRow("DUP on QoS 0") << QByteArray("38030001" "61") << MqttVersion::V311 << malformed
                                      << "DUP set on a QoS 0 PUBLISH";
        QTest::newRow("packet id 0") << QByteArray("320500016" "10000") << MqttVersion::V311 << protocol
                                     << "packet identifier 0";
        QTest::newRow("empty topic without alias") << QByteArray("3003000000") << MqttVersion::V5 << protocol
                                                   << "an empty topic name without a topic alias";
        QTest::newRow("reserved connect flag") << QByteArray("100f00044d5154540403003c0002633100") << MqttVersion::V311
                                               << malformed << "the reserved connect flag is set";
        QTest::newRow("will QoS without will") << QByteArray("100e00044d5154540408003c00026331") << MqttVersion::V311
                                               << malformed << "will QoS or retain set without a will";
        QTest::newRow("password without user 3.1.1") << QByteArray("101100044d5154540440003c00026331000170")
                                                     << MqttVersion::V311 << malformed << "a password without a user name";
        QTest::newRow("unknown protocol") << QByteArray("100e00044d5154540302003c00026331") << MqttVersion::V311 << malformed
                                          << "unsupported protocol MQTT level 3";
        QTest::newRow("CONNECT trailing bytes") << QByteArray("100f00044d5154540402003c00026331ff") << MqttVersion::V311
                                                << malformed << "CONNECT has 1 bytes too many";
        QTest::newRow("subscription QoS 3") << QByteArray("8206000100016" "103") << MqttVersion::V311 << malformed
                                            << "subscription QoS 3";
        QTest::newRow("3.1.1 subscription option bits") << QByteArray("8206000100016" "105") << MqttVersion::V311 << malformed
                                                        << "reserved subscription option bits are set";
        QTest::newRow("retain handling 3") << QByteArray("820700010000016" "130") << MqttVersion::V5 << protocol
                                           << "retain handling 3";
        QTest::newRow("empty SUBSCRIBE") << QByteArray("82030001" "00") << MqttVersion::V5 << protocol
                                         << "SUBSCRIBE without a topic filter";
        QTest::newRow("empty UNSUBSCRIBE") << QByteArray("a2020001") << MqttVersion::V311 << protocol
                                           << "UNSUBSCRIBE without a topic filter";
        QTest::newRow("PINGREQ with body") << QByteArray("c00100") << MqttVersion::V311 << malformed
                                           << "PINGREQ and PINGRESP have no body";
        QTest::newRow("AUTH in 3.1.1") << QByteArray("f000") << MqttVersion::V311 << malformed
                                       << "AUTH does not exist in MQTT 3.1.1";
        QTest::newRow("reserved type 0") << QByteArray("0000") << MqttVersion::V5 << malformed
                                         << "packet type 0 is reserved";
        QTest::newRow("PUBACK cut short") << QByteArray("400100") << MqttVersion::V5 << malformed
                                          << "packet identifier: the packet ends early";
    }

    void refusesMalformedPackets()
    {
        QFETCH(QByteArray, hex);
        QFETCH(MqttVersion, version);
        QFETCH(int, kind);
        QFETCH(QString, message);
        const MqttFrame frame = frameOf(QByteArray::fromHex(hex).toStdString());
        const auto decoded = MqttPacketReader::decode(frame, version);
        QVERIFY(!decoded.ok());
        QCOMPARE(QString::fromStdString(decoded.error().message), message);
        QCOMPARE(int(decoded.error().kind), kind);
    }

    void readsTheRequestedProtocolLevelFirst()
    {
        QCOMPARE(MqttPacketReader::protocolLevel(frameOf(QByteArray::fromHex("100e00044d5154540302003c00026331").toStdString())),
                 std::optional<std::uint8_t>(3));
        QVERIFY(!MqttPacketReader::protocolLevel(frameOf(QByteArray::fromHex("c000").toStdString())));
    }
};

QTEST_APPLESS_MAIN(TestMqttPackets)
#include "tst_mqttpackets.moc"
