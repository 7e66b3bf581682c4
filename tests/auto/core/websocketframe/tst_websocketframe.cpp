// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/websocket/websocketframe.h"

#include <QTest>

using namespace petstore::core;

class TestWebSocketFrame : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void encodesTheThreeLengthForms_data()
    {
        QTest::addColumn<int>("opcode");
        QTest::addColumn<bool>("masked");
        QTest::addColumn<qulonglong>("length");
        QTest::addColumn<QString>("described");
        // RFC 6455 §5.7 examples: "Hello" unmasked is 81 05, masked 81 85.
        QTest::newRow("hello") << int(WebSocketFrame::Text) << false << 5ull << "81 05 · FIN 1 · text (0x1) · MASK 0 · length 5";
        QTest::newRow("hello masked") << int(WebSocketFrame::Text) << true << 5ull << "81 85 · FIN 1 · text (0x1) · MASK 1 · length 5";
        QTest::newRow("125 is the 7-bit limit") << int(WebSocketFrame::Binary) << false << 125ull << "82 7d · FIN 1 · binary (0x2) · MASK 0 · length 125";
        QTest::newRow("126 takes 16 bits") << int(WebSocketFrame::Binary) << false << 126ull << "82 7e 00 7e · FIN 1 · binary (0x2) · MASK 0 · length 126";
        QTest::newRow("256 bytes") << int(WebSocketFrame::Binary) << false << 256ull << "82 7e 01 00 · FIN 1 · binary (0x2) · MASK 0 · length 256";
        QTest::newRow("64 KiB takes 64 bits") << int(WebSocketFrame::Binary) << true << 65536ull
                                              << "82 ff 00 00 00 00 00 01 00 00 · FIN 1 · binary (0x2) · MASK 1 · length 65536";
        QTest::newRow("ping") << int(WebSocketFrame::Ping) << false << 0ull << "89 00 · FIN 1 · ping (0x9) · MASK 0 · length 0";
    }

    void encodesTheThreeLengthForms()
    {
        QFETCH(int, opcode);
        QFETCH(bool, masked);
        QFETCH(qulonglong, length);
        QFETCH(QString, described);
        WebSocketFrame frame;
        frame.opcode = WebSocketFrame::Opcode(opcode);
        frame.masked = masked;
        frame.length = length;
        QCOMPARE(QString::fromStdString(frame.describe()), described);
    }

    void splitsLongMessagesIntoContinuations()
    {
        const auto frames = WebSocketFrame::framesOf(WebSocketFrame::Text, 10, true, 4);
        QCOMPARE(frames.size(), std::size_t(3));
        QCOMPARE(int(frames[0].opcode), int(WebSocketFrame::Text));
        QCOMPARE(int(frames[1].opcode), int(WebSocketFrame::Continuation));
        QVERIFY(!frames[0].fin && !frames[1].fin && frames[2].fin);
        QCOMPARE(frames[2].length, std::uint64_t(2));
        QCOMPARE(WebSocketFrame::framesOf(WebSocketFrame::Binary, 0, false, 4).size(), std::size_t(1));
    }

    void buildsClosePayloads()
    {
        QCOMPARE(WebSocketFrame::closePayload(1000, "bye"), std::string("\x03\xe8" "bye", 5));
        QCOMPARE(WebSocketFrame::closePayload(4401, ""), std::string("\x11\x31", 2));
    }

    void readsHexWithExactErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("error");
        QTest::newRow("spaced") << "01 ff 7A" << QByteArray("\x01\xff\x7a", 3) << QString();
        QTest::newRow("colons and lines") << "de:ad\nbe:ef" << QByteArray("\xde\xad\xbe\xef", 4) << QString();
        QTest::newRow("empty") << "" << QByteArray() << QString();
        QTest::newRow("odd") << "abc" << QByteArray() << "an odd number of hex digits";
        QTest::newRow("lone digit") << "a bc" << QByteArray() << "a lone hex digit before position 2";
        QTest::newRow("not hex") << "0g" << QByteArray() << "'g' at position 2 is not a hex digit";
    }

    void readsHexWithExactErrors()
    {
        QFETCH(QString, text);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, error);
        const auto parsed = bytesFromHex(text.toStdString());
        if (error.isEmpty()) {
            QVERIFY(parsed.ok());
            QCOMPARE(QByteArray::fromStdString(parsed.value()), bytes);
        } else {
            QVERIFY(!parsed.ok());
            QCOMPARE(QString::fromStdString(parsed.error().message), error);
        }
    }
};

QTEST_APPLESS_MAIN(TestWebSocketFrame)
#include "tst_websocketframe.moc"
