// SPDX-License-Identifier: GPL-3.0-or-later
// The mock's push side driven by raw sockets and QWebSocket: SSE heartbeats, tenant isolation,
// the slow-consumer bound, the chat's malformed-message table with exact replies, and frames
// reaching the traffic log.
#include "core/protocols/sse/ssestreamparser.h"
#include "mock-server/mockserver.h"

#include <QSignalSpy>
#include <QTcpSocket>
#include <QWebSocket>
#include <QtTest>

#include <nlohmann/json.hpp>

using petstore::mock::MockConfig;
using petstore::mock::MockServer;
using nlohmann::json;

namespace {

// Opens GET `target` on a raw socket and returns it once the response head has arrived.
std::unique_ptr<QTcpSocket> openStream(quint16 port, const QByteArray &target, const QByteArray &extraHeaders = {})
{
    auto socket = std::make_unique<QTcpSocket>();
    socket->connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!socket->waitForConnected(2000))
        return nullptr;
    socket->write("GET " + target + " HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n" + extraHeaders + "\r\n");
    return socket;
}

// Reads from `socket` until `needle` appears or `ms` pass; returns everything read.
QByteArray readUntil(QTcpSocket &socket, const QByteArray &needle, int ms = 3000)
{
    QByteArray all;
    QElapsedTimer timer;
    timer.start();
    while (!all.contains(needle) && timer.elapsed() < ms) {
        QCoreApplication::processEvents();
        if (socket.bytesAvailable() || socket.waitForReadyRead(20))
            all += socket.readAll();
    }
    return all;
}

} // namespace

class TestStreams : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup() { m_server.reset(); }
    void quietStreamsGetHeartbeatComments();
    void streamsCarryOnlyTheirTenantsEvents();
    void aConsumerThatStopsReadingIsDropped();
    void chatAnswersMalformedMessages_data();
    void chatAnswersMalformedMessages();
    void webSocketFramesReachTheTrafficLog();
    void anEchoClientThatStopsReadingIsClosed();

private:
    void chatReply(const QString &message, json &error);
    std::unique_ptr<MockServer> m_server;
};

void TestStreams::init()
{
    MockConfig config;
    config.useFreePorts();
    config.streaming.heartbeatMs = 100;
    config.streaming.chatTokenDelayMs = 0;
    m_server = std::make_unique<MockServer>(config);
    QVERIFY(m_server->start().ok());
}

void TestStreams::quietStreamsGetHeartbeatComments()
{
    auto socket = openStream(m_server->httpPort(), "/v1/events");
    QVERIFY(socket);
    const QByteArray received = readUntil(*socket, ": heartbeat\n");
    QVERIFY2(received.contains("retry: 3000\n\n"), received.constData());
    QVERIFY2(received.contains(": heartbeat\n"), received.constData());
}

void TestStreams::streamsCarryOnlyTheirTenantsEvents()
{
    auto tenantA = openStream(m_server->httpPort(), "/v1/events?tenant=team-a&types=pet.*");
    auto fallback = openStream(m_server->httpPort(), "/v1/events?types=pet.*", "X-Tenant-ID: team-b\r\n");
    QVERIFY(tenantA && fallback);
    QTRY_COMPARE(m_server->health()["protocols"]["sse"]["subscribers"].get<int>(), 2);
    m_server->events().publish("team-b", "pet.updated", "/v1/pets/b", {{"tenant", "b"}});
    m_server->events().publish("team-a", "pet.updated", "/v1/pets/a", {{"tenant", "a"}});
    const QByteArray a = readUntil(*tenantA, "\"tenant\":\"a\"");
    const QByteArray b = readUntil(*fallback, "\"tenant\":\"b\"");
    QVERIFY2(a.contains("\"tenantid\":\"team-a\"") && !a.contains("\"tenant\":\"b\""), a.constData());
    QVERIFY2(b.contains("\"tenantid\":\"team-b\"") && !b.contains("\"tenant\":\"a\""), b.constData());
}

void TestStreams::aConsumerThatStopsReadingIsDropped()
{
    QVERIFY(m_server->applyRuntimeConfig({{"streaming", {{"maxQueueBytes", 4096}}}}).ok());
    auto reader = openStream(m_server->httpPort(), "/v1/events");
    QVERIFY(reader);
    reader->setReadBufferSize(1);   // stop reading: the kernel buffers fill, then the mock's
    QTRY_COMPARE(m_server->health()["protocols"]["sse"]["subscribers"].get<int>(), 1);
    const json big = {{"padding", std::string(16 * 1024, 'x')}};
    for (int i = 0; i < 2000 && m_server->health()["protocols"]["sse"]["subscribers"].get<int>() == 1; ++i) {
        m_server->events().publish("default", "pet.updated", "/v1/pets/x", big);
        QCoreApplication::processEvents();
    }
    QTRY_COMPARE(m_server->health()["protocols"]["sse"]["subscribers"].get<int>(), 0);
    QCOMPARE(m_server->health()["protocols"]["sse"]["droppedSlowConsumers"].get<int>(), 1);
    // Everyone else is still served.
    auto next = openStream(m_server->httpPort(), "/v1/events");
    QVERIFY(readUntil(*next, "retry:").contains("retry:"));
}

void TestStreams::chatReply(const QString &message, json &error)
{
    QWebSocket socket;
    QList<json> received;
    connect(&socket, &QWebSocket::textMessageReceived, this,
            [&received](const QString &text) { received.push_back(json::parse(text.toStdString())); });
    socket.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/v1/ws/chat").arg(m_server->httpPort())));
    QTRY_VERIFY(!received.isEmpty());   // welcome
    socket.sendTextMessage(message);
    QTRY_VERIFY(std::any_of(received.begin(), received.end(), [](const json &m) { return m["type"] == "error"; }));
    for (const json &m : received)
        if (m["type"] == "error")
            error = m;
}

void TestStreams::chatAnswersMalformedMessages_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("text");
    QTest::newRow("not json") << "{\"type\":" << "invalid_json" << "the message is not valid JSON";
    QTest::newRow("array") << "[]" << "invalid_message"
                           << "a message must be a JSON object with a string member \"type\"";
    QTest::newRow("type not string") << "{\"type\":7}" << "invalid_message"
                                     << "a message must be a JSON object with a string member \"type\"";
    QTest::newRow("unknown type") << "{\"type\":\"dance\"}" << "unknown_type"
                                  << "unknown message type \"dance\"; send message, typing, subscribe, unsubscribe or ping";
    QTest::newRow("empty text") << "{\"type\":\"message\",\"text\":\"\",\"clientMessageId\":\"c9\"}" << "invalid_message"
                                << "text must be a string of 1 to 4000 characters";
    QTest::newRow("text too long") << QStringLiteral("{\"type\":\"message\",\"text\":\"%1\"}").arg(QString(4001, QLatin1Char('y')))
                                   << "invalid_message" << "text must be a string of 1 to 4000 characters";
    QTest::newRow("client id not string") << "{\"type\":\"message\",\"text\":\"hi\",\"clientMessageId\":5}"
                                          << "invalid_message"
                                          << "clientMessageId must be a string of at most 128 characters";
    QTest::newRow("channels missing") << "{\"type\":\"subscribe\"}" << "invalid_message"
                                      << "channels must be an array of 1 to 100 names";
    QTest::newRow("unknown channel") << "{\"type\":\"subscribe\",\"channels\":[\"pets\",\"users\"]}" << "invalid_channel"
                                     << "unknown channel \"users\"; use pets, orders, inventory, pet:{id} or order:{id}";
    QTest::newRow("typing without flag") << "{\"type\":\"typing\"}" << "invalid_message"
                                         << "typing needs a boolean member \"typing\"";
}

void TestStreams::chatAnswersMalformedMessages()
{
    QFETCH(QString, message);
    QFETCH(QString, code);
    QFETCH(QString, text);
    json error;
    chatReply(message, error);
    QCOMPARE(QString::fromStdString(error.value("code", "")), code);
    QCOMPARE(QString::fromStdString(error.value("message", "")), text);
    if (message.contains(QLatin1String("\"c9\"")))
        QCOMPARE(error.value("clientMessageId", ""), "c9");
}

void TestStreams::webSocketFramesReachTheTrafficLog()
{
    QWebSocket socket;
    QSignalSpy echoed(&socket, &QWebSocket::binaryMessageReceived);
    socket.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/v1/ws/echo?token=secret-value").arg(m_server->httpPort())));
    QTRY_COMPARE(socket.state(), QAbstractSocket::ConnectedState);
    socket.sendBinaryMessage(QByteArray("\x01\x02\x03", 3));
    QTRY_COMPARE(echoed.count(), 1);
    const auto records = m_server->traffic().latest(10);
    std::vector<std::string> summaries;
    for (auto it = records.rbegin(); it != records.rend(); ++it)
        if (it->protocol == "websocket")
            summaries.push_back(it->summary);
    QCOMPARE(summaries, (std::vector<std::string>{"upgrade /v1/ws/echo?token=[redacted] -> 101",
                                                  "← binary 3 B 01 02 03", "→ binary 3 B 01 02 03"}));
}

void TestStreams::anEchoClientThatStopsReadingIsClosed()
{
    QVERIFY(m_server->applyRuntimeConfig({{"streaming", {{"maxQueueBytes", 4096}}}}).ok());
    // A raw client: handshake, then masked 32 KiB binary frames (RFC 6455 §5.2) it never reads
    // the echoes of.
    QTcpSocket client;
    client.connectToHost(QStringLiteral("127.0.0.1"), m_server->httpPort());
    QVERIFY(client.waitForConnected(2000));
    client.write("GET /v1/ws/echo HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                 "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    QVERIFY(readUntil(client, "\r\n\r\n").startsWith("HTTP/1.1 101"));
    client.setReadBufferSize(1);
    const QByteArray payload(32 * 1024, 'x');
    // FIN + binary, MASK + 126: a 16-bit length follows (lengths up to 65,535 must use it).
    QByteArray frame("\x82\xfe", 2);
    frame += char(payload.size() >> 8);
    frame += char(payload.size() & 0xFF);
    frame += QByteArray(4, '\0') + payload;   // an all-zero key leaves the payload as it is
    QTRY_COMPARE(m_server->health()["protocols"]["websocket"]["connections"].get<int>(), 1);
    for (int i = 0; i < 2000 && m_server->health()["protocols"]["websocket"]["connections"].get<int>() == 1; ++i) {
        client.write(frame);
        client.waitForBytesWritten(50);
        QCoreApplication::processEvents();
    }
    QTRY_COMPARE(m_server->health()["protocols"]["websocket"]["connections"].get<int>(), 0);
    bool closedForBacklog = false;
    for (const auto &record : m_server->traffic().latest(10000))
        closedForBacklog = closedForBacklog || record.summary.find("1008 too slow") != std::string::npos;
    QVERIFY(closedForBacklog);
}

QTEST_GUILESS_MAIN(TestStreams)
#include "tst_streams.moc"
