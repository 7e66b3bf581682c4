// SPDX-License-Identifier: GPL-3.0-or-later
// MQTT 5.0 properties (§2.2.2): exact bytes, a round trip of every property, and the table of
// refusals with the error class the broker turns into 0x81 (malformed) or 0x82 (protocol error).
#include "core/protocols/mqtt/mqttproperties.h"

#include <QTest>

using namespace petstore::core;
using Context = MqttProperties::Context;

Q_DECLARE_METATYPE(MqttProperties::Context)

class TestMqttProperties : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesExactBytes()
    {
        MqttProperties p;
        p.sessionExpiryInterval = 3600;
        p.receiveMaximum = 20;
        p.userProperties = {{"a", "b"}};
        MqttByteWriter writer;
        p.write(writer);
        // length 15: 11 00000e10 · 21 0014 · 26 0001 61 0001 62
        QCOMPARE(QByteArray::fromStdString(writer.bytes()).toHex(), QByteArray("0f110000"
                                                                                  "0e1021001426000161000162"));
        QCOMPARE(p.encodedSize(), writer.size());
        MqttProperties none;
        MqttByteWriter empty;
        none.write(empty);
        QCOMPARE(QByteArray::fromStdString(empty.bytes()).toHex(), QByteArray("00"));
    }

    void roundTripsEveryProperty_data()
    {
        QTest::addColumn<MqttProperties::Context>("context");
        QTest::addColumn<int>("which");
        QTest::newRow("publish") << Context::Publish << 0;
        QTest::newRow("connect") << Context::Connect << 1;
        QTest::newRow("connack") << Context::ConnAck << 2;
        QTest::newRow("will") << Context::Will << 3;
        QTest::newRow("disconnect") << Context::Disconnect << 4;
    }

    void roundTripsEveryProperty()
    {
        QFETCH(MqttProperties::Context, context);
        QFETCH(int, which);
        MqttProperties p;
        p.userProperties = {{"region", "eu"}, {"region", "us"}};   // order and repeats kept
        switch (which) {
        case 0:
            p.payloadFormatIndicator = 1;
            p.messageExpiryInterval = 60;
            p.contentType = "application/json";
            p.responseTopic = "petstore/rpc/replies/1";
            p.correlationData = std::string("\x00\xff", 2);
            p.subscriptionIdentifiers = {1, 268435455};
            p.topicAlias = 7;
            break;
        case 1:
            p.sessionExpiryInterval = 0xFFFFFFFF;
            p.authenticationMethod = "SCRAM-SHA-1";
            p.authenticationData = "abc";
            p.requestProblemInformation = 0;
            p.requestResponseInformation = 1;
            p.receiveMaximum = 65535;
            p.topicAliasMaximum = 10;
            p.maximumPacketSize = 1024;
            break;
        case 2:
            p.sessionExpiryInterval = 30;
            p.assignedClientIdentifier = "auto-1";
            p.serverKeepAlive = 60;
            p.responseInformation = "petstore/rpc";
            p.serverReference = "other:1883";
            p.reasonString = "ok";
            p.receiveMaximum = 100;
            p.topicAliasMaximum = 0;
            p.maximumQos = 1;
            p.retainAvailable = 1;
            p.maximumPacketSize = 268435460;
            p.wildcardSubscriptionAvailable = 1;
            p.subscriptionIdentifierAvailable = 1;
            p.sharedSubscriptionAvailable = 0;
            break;
        case 3:
            p.willDelayInterval = 5;
            p.payloadFormatIndicator = 0;
            p.contentType = "text/plain";
            break;
        default:
            p.sessionExpiryInterval = 0;
            p.reasonString = "bye";
            p.serverReference = "elsewhere";
            break;
        }
        MqttByteWriter writer;
        p.write(writer);
        MqttByteReader reader(writer.bytes());
        const auto back = MqttProperties::read(reader, context);
        QVERIFY2(back.ok(), back.ok() ? "" : back.error().message.c_str());
        QVERIFY(back.value() == p);
        QVERIFY(reader.atEnd());
    }

    void refusesWhatTheSpecificationForbids_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<MqttProperties::Context>("context");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("message");
        const int malformed = int(ErrorKind::BadRequest);
        const int protocol = int(ErrorKind::Validation);
        QTest::newRow("unknown identifier") << QByteArray::fromHex("02 0700") << Context::Connect << malformed
                                            << "property 7 is not allowed in this packet";
        QTest::newRow("topic alias in CONNECT") << QByteArray::fromHex("03 230001") << Context::Connect << malformed
                                                << "property 35 is not allowed in this packet";
        QTest::newRow("will delay in PUBLISH") << QByteArray::fromHex("05 1800000001") << Context::Publish << malformed
                                               << "property 24 is not allowed in this packet";
        QTest::newRow("value cut short") << QByteArray::fromHex("02 2100") << Context::Connect << malformed
                                         << "property value: the packet ends early";
        QTest::newRow("length past the end") << QByteArray::fromHex("09 2100") << Context::Connect << malformed
                                             << "properties: the packet ends early";
        QTest::newRow("bad UTF-8 content type") << QByteArray::fromHex("04 030001c0") << Context::Publish << malformed
                                                << "property value: not well-formed UTF-8, or contains U+0000";
        QTest::newRow("receive maximum twice") << QByteArray::fromHex("06 21000a21000a") << Context::Connect << protocol
                                               << "property 0x21 appears more than once";
        QTest::newRow("subscription id twice in SUBSCRIBE") << QByteArray::fromHex("04 0b010b02") << Context::Subscribe
                                                            << protocol << "property 0x0B appears more than once";
        QTest::newRow("receive maximum 0") << QByteArray::fromHex("03 210000") << Context::Connect << protocol
                                           << "receive maximum cannot be 0";
        QTest::newRow("maximum packet size 0") << QByteArray::fromHex("05 2700000000") << Context::Connect << protocol
                                               << "maximum packet size cannot be 0";
        QTest::newRow("topic alias 0") << QByteArray::fromHex("03 230000") << Context::Publish << protocol
                                       << "topic alias 0 is not permitted";
        QTest::newRow("subscription id 0") << QByteArray::fromHex("02 0b00") << Context::Publish << protocol
                                           << "a subscription identifier cannot be 0";
        QTest::newRow("payload format 2") << QByteArray::fromHex("02 0102") << Context::Publish << protocol
                                          << "property 0x01 must be 0 or 1";
        QTest::newRow("request problem info 2") << QByteArray::fromHex("02 1702") << Context::Connect << protocol
                                                << "property 0x17 must be 0 or 1";
        QTest::newRow("auth data without method") << QByteArray::fromHex("04 16000161") << Context::Connect << protocol
                                                  << "authentication data without an authentication method";
    }

    void refusesWhatTheSpecificationForbids()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(MqttProperties::Context, context);
        QFETCH(int, kind);
        QFETCH(QString, message);
        const std::string data = bytes.toStdString();
        MqttByteReader reader(data);
        const auto read = MqttProperties::read(reader, context);
        QVERIFY(!read.ok());
        QCOMPARE(int(read.error().kind), kind);
        QCOMPARE(QString::fromStdString(read.error().message), message);
    }

    void allowsSeveralSubscriptionIdentifiersOnPublish()
    {
        const std::string data = QByteArray::fromHex("04 0b010b02").toStdString();
        MqttByteReader reader(data);
        const auto read = MqttProperties::read(reader, Context::Publish);
        QVERIFY(read.ok());
        QCOMPARE(read.value().subscriptionIdentifiers, (std::vector<std::uint32_t>{1, 2}));
    }
};

QTEST_APPLESS_MAIN(TestMqttProperties)
#include "tst_mqttproperties.moc"
