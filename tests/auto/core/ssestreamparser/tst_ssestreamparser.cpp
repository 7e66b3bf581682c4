// SPDX-License-Identifier: GPL-3.0-or-later
// text/event-stream parsing per WHATWG HTML §9.2.6, including the malformed and edge cases a
// console meets on real servers, and the writer the mock uses.
#include "core/protocols/sse/sseeventwriter.h"
#include "core/protocols/sse/chatstreamassembler.h"
#include "core/protocols/sse/ssestreamparser.h"

#include <QTest>

using namespace petstore::core;

namespace {

// "type|id|data" per event, data's LF shown as "\n"; then "retry=<ms>".
QString summary(SseStreamParser &parser)
{
    QStringList events;
    while (parser.hasEvent()) {
        const SseEvent event = parser.takeEvent();
        events << QStringLiteral("%1|%2|%3").arg(QString::fromStdString(event.type), QString::fromStdString(event.id),
                                                 QString::fromStdString(event.data).replace(QLatin1Char('\n'), QStringLiteral("\\n")));
    }
    events << QStringLiteral("retry=%1").arg(parser.retryMs());
    return events.join(QLatin1Char(';'));
}

} // namespace

class TestSseStreamParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parses_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::addColumn<QString>("expected");
        QTest::newRow("simple") << QByteArray("data: hello\n\n") << "message||hello;retry=-1";
        QTest::newRow("multi-line data") << QByteArray("data: a\ndata:b\ndata\n\n") << "message||a\\nb\\n;retry=-1";
        QTest::newRow("type and id") << QByteArray("event: pet.created\nid: 7\ndata: {}\n\n") << "pet.created|7|{};retry=-1";
        QTest::newRow("id persists to next event") << QByteArray("id: 1\ndata: a\n\ndata: b\n\n") << "message|1|a;message|1|b;retry=-1";
        QTest::newRow("empty id resets") << QByteArray("id: 1\ndata: a\n\nid\ndata: b\n\n") << "message|1|a;message||b;retry=-1";
        QTest::newRow("id with NUL ignored") << QByteArray("id: 5\ndata: a\n\nid: x\0y\ndata: b\n\n", 32) << "message|5|a;message|5|b;retry=-1";
        QTest::newRow("no data, no event, id kept") << QByteArray("id: 9\n\ndata: x\n\n") << "message|9|x;retry=-1";
        QTest::newRow("comment only") << QByteArray(": heartbeat\n\n") << "retry=-1";
        QTest::newRow("CRLF") << QByteArray("data: a\r\n\r\n") << "message||a;retry=-1";
        QTest::newRow("CR only") << QByteArray("data: a\rdata: b\r\r") << "message||a\\nb;retry=-1";
        QTest::newRow("BOM dropped once") << QByteArray("\xEF\xBB\xBF" "data: a\n\n") << "message||a;retry=-1";
        QTest::newRow("second BOM kept in field") << QByteArray("\xEF\xBB\xBF\xEF\xBB\xBF" "data: a\n\n") << "retry=-1";
        QTest::newRow("one space stripped") << QByteArray("data:  two\n\n") << "message|| two;retry=-1";
        QTest::newRow("unknown field ignored") << QByteArray("foo: bar\ndata: a\n\n") << "message||a;retry=-1";
        QTest::newRow("field names are case-sensitive") << QByteArray("Data: a\n\n") << "retry=-1";
        QTest::newRow("retry digits") << QByteArray("retry: 2500\ndata: a\n\n") << "message||a;retry=2500";
        QTest::newRow("retry not digits ignored") << QByteArray("retry: 25s\nretry: -1\nretry:\ndata: a\n\n") << "message||a;retry=-1";
        QTest::newRow("empty event type is message") << QByteArray("event:\ndata: a\n\n") << "message||a;retry=-1";
        QTest::newRow("type does not leak") << QByteArray("event: x\ndata: a\n\ndata: b\n\n") << "x||a;message||b;retry=-1";
        QTest::newRow("unfinished event not dispatched") << QByteArray("data: a\n\ndata: b") << "message||a;retry=-1";
        QTest::newRow("invalid utf-8 replaced") << QByteArray("data: a\xFF" "b\xE2\x82\n\n") << "message||a\xEF\xBF\xBD" "b\xEF\xBF\xBD;retry=-1";
        QTest::newRow("openai done marker") << QByteArray("data: {\"x\":1}\n\ndata: [DONE]\n\n") << "message||{\"x\":1};message||[DONE];retry=-1";
    }
    void parses()
    {
        QFETCH(QByteArray, stream);
        QFETCH(QString, expected);
        SseStreamParser whole;
        whole.feed(stream.toStdString());
        QCOMPARE(summary(whole), expected);
        // Any split gives the same events: every byte on its own is the hardest one.
        SseStreamParser bytewise;
        for (const char c : stream)
            bytewise.feed(std::string_view(&c, 1));
        QCOMPARE(summary(bytewise), expected);
    }

    void countsComments()
    {
        SseStreamParser parser;
        parser.feed(": one\n:two\n\n");
        QCOMPARE(parser.commentCount(), std::size_t(2));
        QCOMPARE(QString::fromStdString(parser.lastComment()), QStringLiteral("two"));
    }

    void seededLastEventIdAppliesUntilReplaced()
    {
        SseStreamParser parser;
        parser.setLastEventId("41");
        parser.feed("data: a\n\nid: 42\ndata: b\n\n");
        QCOMPARE(summary(parser), QStringLiteral("message|41|a;message|42|b;retry=-1"));
        QCOMPARE(QString::fromStdString(parser.lastEventId()), QStringLiteral("42"));
    }

    void limitsFailTheStreamInsteadOfGrowing()
    {
        SseStreamParser::Limits limits;
        limits.maxLineBytes = 16;
        limits.maxEventBytes = 24;
        SseStreamParser longLine(limits);
        longLine.feed("data: " + std::string(100, 'x'));
        QVERIFY(longLine.failed());
        QCOMPARE(QString::fromStdString(longLine.errorMessage()), QStringLiteral("line longer than 16 bytes"));
        SseStreamParser bigEvent(limits);
        bigEvent.feed("data: 0123456789\ndata: 0123456789\ndata: 0123456789\n");
        QVERIFY(bigEvent.failed());
        QCOMPARE(QString::fromStdString(bigEvent.errorMessage()), QStringLiteral("event data larger than 24 bytes"));
        bigEvent.feed("\n\n");
        QVERIFY(!bigEvent.hasEvent());
    }

    void writerOutputParsesBack()
    {
        const std::string text = SseEventWriter::event("line one\r\nline two\nthree\r", "pet.status\nchanged", "id\r1", 3000)
                                 + SseEventWriter::comment("keep-alive") + SseEventWriter::event("");
        QCOMPARE(QString::fromStdString(text),
                 QStringLiteral("id: id1\nevent: pet.statuschanged\nretry: 3000\ndata: line one\ndata: line two\ndata: three\ndata: \n\n"
                                ": keep-alive\ndata: \n\n"));
        SseStreamParser parser;
        parser.feed(text);
        // An empty data line still dispatches: the data buffer holds one LF (§9.2.6).
        QCOMPARE(summary(parser), QStringLiteral("pet.statuschanged|id1|line one\\nline two\\nthree\\n;message|id1|;retry=3000"));
    }

    void assemblesAStreamedChatAnswer()
    {
        ChatStreamAssembler chat;
        auto event = [](const char *data) { SseEvent e; e.data = data; return e; };
        QCOMPARE(chat.add(event("{\"object\":\"chat.completion.chunk\",\"choices\":[{\"delta\":{\"role\":\"assistant\"},\"finishReason\":null}]}")), std::string());
        QCOMPARE(chat.add(event("{\"object\":\"chat.completion.chunk\",\"choices\":[{\"delta\":{\"content\":\"Bella\"}}]}")), std::string("Bella"));
        QCOMPARE(chat.add(event("{\"object\":\"chat.completion.chunk\",\"choices\":[{\"delta\":{\"content\":\" waits\"},\"finish_reason\":null}]}")), std::string(" waits"));
        QCOMPARE(chat.add(event("not json")), std::string());
        QCOMPARE(chat.add(event("{\"object\":\"chat.completion.chunk\",\"choices\":[{\"delta\":{},\"finishReason\":\"length\"}],\"usage\":{\"totalTokens\":9}}")), std::string());
        QVERIFY(!chat.done());
        chat.add(event("[DONE]"));
        QVERIFY(chat.done());
        QCOMPARE(chat.text(), std::string("Bella waits"));
        QCOMPARE(chat.finishReason(), std::string("length"));
        QCOMPARE(chat.usage().value("totalTokens", 0), 9);
        QCOMPARE(chat.chunks(), std::size_t(4));
    }
};

QTEST_APPLESS_MAIN(TestSseStreamParser)
#include "tst_ssestreamparser.moc"
