// SPDX-License-Identifier: GPL-3.0-or-later
// MQTT's data representations, topic rules and framing, with the examples of the specification
// (MQTT 5.0 §1.5.5, §4.7) and a table of malformed input.
#include "core/protocols/mqtt/mqttbytereader.h"
#include "core/protocols/mqtt/mqttbytewriter.h"
#include "core/protocols/mqtt/mqttframedecoder.h"
#include "core/protocols/mqtt/mqtttopic.h"

#include <QTest>

using namespace petstore::core;

class TestMqttPrimitives : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void encodesVariableByteIntegers_data()
    {
        QTest::addColumn<uint>("value");
        QTest::addColumn<QByteArray>("bytes");
        // §1.5.5 table 1-1: the boundaries of one to four bytes.
        QTest::newRow("0") << 0u << QByteArray::fromHex("00");
        QTest::newRow("127") << 127u << QByteArray::fromHex("7f");
        QTest::newRow("128") << 128u << QByteArray::fromHex("8001");
        QTest::newRow("16383") << 16383u << QByteArray::fromHex("ff7f");
        QTest::newRow("16384") << 16384u << QByteArray::fromHex("808001");
        QTest::newRow("2097151") << 2097151u << QByteArray::fromHex("ffff7f");
        QTest::newRow("2097152") << 2097152u << QByteArray::fromHex("80808001");
        QTest::newRow("268435455") << 268435455u << QByteArray::fromHex("ffffff7f");
    }

    void encodesVariableByteIntegers()
    {
        QFETCH(uint, value);
        QFETCH(QByteArray, bytes);
        MqttByteWriter writer;
        writer.variableInt(value);
        QCOMPARE(QByteArray::fromStdString(writer.bytes()), bytes);
        QCOMPARE(MqttByteWriter::variableIntSize(value), std::size_t(bytes.size()));
        MqttByteReader reader(writer.bytes());
        const auto read = reader.variableInt("value");
        QVERIFY(read.ok());
        QCOMPARE(read.value(), value);
        QVERIFY(reader.atEnd());
    }

    void refusesMalformedInput_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("read");
        QTest::addColumn<QString>("error");
        QTest::newRow("five-byte integer") << QByteArray::fromHex("ffffffff7f") << "vbi"
                                           << "field: variable byte integer longer than four bytes";
        QTest::newRow("not minimal") << QByteArray::fromHex("8000") << "vbi"
                                     << "field: variable byte integer is not minimally encoded";
        QTest::newRow("integer cut short") << QByteArray::fromHex("80") << "vbi" << "field: the packet ends early";
        QTest::newRow("u16 cut short") << QByteArray::fromHex("01") << "u16" << "field: the packet ends early";
        QTest::newRow("string past the end") << QByteArray::fromHex("0005616263") << "string"
                                             << "field: length 5 runs past the packet";
        QTest::newRow("string with U+0000") << QByteArray::fromHex("0003610062") << "string"
                                            << "field: not well-formed UTF-8, or contains U+0000";
        QTest::newRow("lone continuation byte") << QByteArray::fromHex("000180") << "string"
                                                << "field: not well-formed UTF-8, or contains U+0000";
        QTest::newRow("overlong slash") << QByteArray::fromHex("0002c0af") << "string"
                                        << "field: not well-formed UTF-8, or contains U+0000";
        QTest::newRow("surrogate") << QByteArray::fromHex("0003eda080") << "string"
                                   << "field: not well-formed UTF-8, or contains U+0000";
        QTest::newRow("beyond U+10FFFF") << QByteArray::fromHex("0004f4908080") << "string"
                                         << "field: not well-formed UTF-8, or contains U+0000";
    }

    void refusesMalformedInput()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, read);
        QFETCH(QString, error);
        const std::string data = bytes.toStdString();
        MqttByteReader reader(data);
        Error failure;
        if (read == QLatin1String("vbi"))
            failure = reader.variableInt("field").error();
        else if (read == QLatin1String("u16"))
            failure = reader.u16("field").error();
        else
            failure = reader.string("field").error();
        QCOMPARE(int(failure.kind), int(ErrorKind::BadRequest));
        QCOMPARE(QString::fromStdString(failure.message), error);
    }

    void acceptsWellFormedStrings()
    {
        MqttByteWriter writer;
        writer.string("pets/🐶/status é");
        writer.binary(std::string("\0\1", 2));
        writer.u32(0x01020304);
        MqttByteReader reader(writer.bytes());
        QCOMPARE(reader.string("s").value(), std::string("pets/🐶/status é"));
        QCOMPARE(reader.binary("b").value(), std::string("\0\1", 2));
        QCOMPARE(reader.u32("u").value(), 0x01020304u);
        QVERIFY(reader.atEnd());
        // U+FEFF is allowed and must not be stripped (§1.5.4).
        QVERIFY(MqttByteReader::isValidMqttUtf8("\xEF\xBB\xBF" "a"));
    }

    void validatesTopicNamesAndFilters_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("filter");
        QTest::addColumn<QString>("error");
        QTest::newRow("name") << "pets/0190/status" << false << QString();
        QTest::newRow("name with slash only") << "/" << false << QString();
        QTest::newRow("empty name") << "" << false << "a topic name needs at least one character";
        QTest::newRow("name with +") << "pets/+/status" << false << "a topic name cannot contain the wildcards + or #";
        QTest::newRow("hash alone") << "#" << true << QString();
        QTest::newRow("plus levels") << "+/tennis/#" << true << QString();
        QTest::newRow("plus alone") << "+" << true << QString();
        QTest::newRow("empty levels") << "//+//" << true << QString();
        QTest::newRow("hash not last") << "sport/#/ranking" << true << "# must be the last character, alone in its level";
        QTest::newRow("hash inside level") << "sport/tennis#" << true << "# must be the last character, alone in its level";
        QTest::newRow("plus inside level") << "sport+" << true << "+ must fill a whole topic level";
        QTest::newRow("shared") << "$share/workers/pets/+/health" << true << QString();
        QTest::newRow("shared without filter") << "$share/workers" << true
                                               << "a shared subscription needs a filter after the group ($share/{group}/{filter})";
        QTest::newRow("shared with wildcard group") << "$share/+/pets" << true
                                                    << "a shared subscription needs a group name without + or # ($share/{group}/{filter})";
        QTest::newRow("shared empty group") << "$share//pets" << true
                                            << "a shared subscription needs a group name without + or # ($share/{group}/{filter})";
    }

    void validatesTopicNamesAndFilters()
    {
        QFETCH(QString, text);
        QFETCH(bool, filter);
        QFETCH(QString, error);
        const auto status = filter ? MqttTopic::validateFilter(text.toStdString()) : MqttTopic::validateName(text.toStdString());
        if (error.isEmpty()) {
            QVERIFY2(status.ok(), status.ok() ? "" : status.error().message.c_str());
        } else {
            QVERIFY(!status.ok());
            QCOMPARE(int(status.error().kind), int(ErrorKind::Validation));
            QCOMPARE(QString::fromStdString(status.error().message), error);
        }
    }

    void matchesTopicsAsTheSpecificationDoes_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("topic");
        QTest::addColumn<bool>("match");
        // §4.7.1.2 and §4.7.1.3 examples.
        QTest::newRow("# below") << "sport/tennis/player1/#" << "sport/tennis/player1/score/wimbledon" << true;
        QTest::newRow("# parent") << "sport/tennis/player1/#" << "sport/tennis/player1" << true;
        QTest::newRow("sport/# sport") << "sport/#" << "sport" << true;
        QTest::newRow("+ one level") << "sport/tennis/+" << "sport/tennis/player1" << true;
        QTest::newRow("+ not two levels") << "sport/tennis/+" << "sport/tennis/player1/ranking" << false;
        QTest::newRow("+ not the parent") << "sport/+" << "sport" << false;
        QTest::newRow("+ empty level") << "sport/+" << "sport/" << true;
        QTest::newRow("+ leading empty") << "+/+" << "/finance" << true;
        QTest::newRow("+ single") << "/+" << "/finance" << true;
        QTest::newRow("+ not one level") << "+" << "/finance" << false;
        QTest::newRow("exact") << "pets/1/status" << "pets/1/status" << true;
        QTest::newRow("exact differs") << "pets/1/status" << "pets/1/statu" << false;
        QTest::newRow("longer filter") << "pets/1/status/x" << "pets/1/status" << false;
        // §4.7.2: $-topics are not matched by a leading wildcard.
        QTest::newRow("$SYS and #") << "#" << "$SYS/broker/uptime" << false;
        QTest::newRow("$SYS and +") << "+/broker/uptime" << "$SYS/broker/uptime" << false;
        QTest::newRow("$SYS named") << "$SYS/#" << "$SYS/broker/uptime" << true;
        QTest::newRow("$SYS plus later") << "$SYS/+/uptime" << "$SYS/broker/uptime" << true;
    }

    void matchesTopicsAsTheSpecificationDoes()
    {
        QFETCH(QString, filter);
        QFETCH(QString, topic);
        QFETCH(bool, match);
        QCOMPARE(MqttTopic::matches(filter.toStdString(), topic.toStdString()), match);
    }

    void splitsSharedSubscriptions()
    {
        const auto share = MqttTopic::shared("$share/g1/pets/+/status");
        QVERIFY(share);
        QCOMPARE(share->group, std::string("g1"));
        QCOMPARE(share->filter, std::string("pets/+/status"));
        QVERIFY(!MqttTopic::shared("pets/#"));
    }

    void framesPartialAndCoalescedReads()
    {
        // PINGREQ, then a QoS 0 PUBLISH of "a/b" with payload "hi", then PINGREQ.
        const std::string stream = std::string("\xC0\x00", 2) + std::string("\x30\x07\x00\x03" "a/bhi", 9)
                                   + std::string("\xC0\x00", 2);
        MqttFrameDecoder bytewise;
        for (char c : stream)
            bytewise.feed(std::string_view(&c, 1));
        MqttFrameDecoder whole;
        whole.feed(stream);
        for (MqttFrameDecoder *decoder : {&bytewise, &whole}) {
            QVERIFY(!decoder->failed());
            QCOMPARE(int(decoder->takeFrame().type()), 12);
            const MqttFrame publish = decoder->takeFrame();
            QCOMPARE(int(publish.type()), 3);
            QCOMPARE(publish.body, std::string("\x00\x03" "a/bhi", 7));
            QCOMPARE(int(decoder->takeFrame().type()), 12);
            QVERIFY(!decoder->hasFrame());
            QCOMPARE(decoder->bufferedBytes(), std::size_t(0));
        }
    }

    void refusesBadLengthsAndTooLargePackets()
    {
        MqttFrameDecoder fiveBytes;
        fiveBytes.feed(std::string("\x30\xff\xff\xff\xff\x01", 6));
        QCOMPARE(int(fiveBytes.failure()), int(MqttFrameDecoder::Failure::Malformed));
        MqttFrameDecoder notMinimal;
        notMinimal.feed(std::string("\x30\x80\x00", 3));
        QCOMPARE(int(notMinimal.failure()), int(MqttFrameDecoder::Failure::Malformed));
        // The size is refused from the header alone: nothing of the body is buffered.
        MqttFrameDecoder small(100);
        small.feed(std::string("\x30\x65", 2));   // 101 bytes of body announced
        QCOMPARE(int(small.failure()), int(MqttFrameDecoder::Failure::TooLarge));
        QCOMPARE(small.bufferedBytes(), std::size_t(0));
        small.feed("more");
        QVERIFY(!small.hasFrame());
        // Exactly at the limit: 1 + 1 + 98 = 100 bytes.
        MqttFrameDecoder exact(100);
        exact.feed(std::string("\x30\x62", 2) + std::string(98, 'x'));
        QVERIFY(exact.hasFrame());
    }
};

QTEST_APPLESS_MAIN(TestMqttPrimitives)
#include "tst_mqttprimitives.moc"
