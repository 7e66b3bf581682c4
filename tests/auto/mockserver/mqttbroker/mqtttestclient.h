// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocols/mqtt/mqttframedecoder.h"
#include "core/protocols/mqtt/mqttpacketreader.h"
#include "core/protocols/mqtt/mqttpacketwriter.h"

#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTest>

#include <optional>

// A bare MQTT client for broker tests: sends exactly the packets (or bytes) a test gives it and
// hands back each packet the broker answers, decoded with the core codec. The broker runs in
// the same thread, so every wait spins the event loop (QTest::qWait) instead of blocking.
class MqttTestClient
{
public:
    explicit MqttTestClient(quint16 port, petstore::core::MqttVersion version = petstore::core::MqttVersion::V5)
        : m_version(version)
    {
        m_socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        for (int i = 0; i < 1000 && m_socket.state() != QAbstractSocket::ConnectedState; ++i)
            QTest::qWait(2);
    }

    petstore::core::MqttVersion version() const { return m_version; }

    void send(const petstore::core::MqttPacket &packet) { sendRaw(petstore::core::MqttPacketWriter::encode(packet, m_version)); }
    void sendRaw(const std::string &bytes)
    {
        m_socket.write(bytes.data(), qint64(bytes.size()));
    }

    // CONNECT with a client id (and the given adjustments), then the CONNACK.
    petstore::core::MqttConnAck connect(const std::string &clientId, bool cleanStart = true,
                                        std::function<void(petstore::core::MqttConnect &)> adjust = {})
    {
        petstore::core::MqttConnect c;
        c.version = m_version;
        c.clientId = clientId;
        c.cleanStart = cleanStart;
        if (adjust)
            adjust(c);
        send(c);
        auto reply = next();
        if (!reply || !std::holds_alternative<petstore::core::MqttConnAck>(*reply))
            return petstore::core::MqttConnAck{false, 0xFF, {}};
        return std::get<petstore::core::MqttConnAck>(*reply);
    }

    // The next packet within `ms`, or nothing (timeout or closed).
    std::optional<petstore::core::MqttPacket> next(int ms = 3000)
    {
        QElapsedTimer timer;
        timer.start();
        while (!m_decoder.hasFrame() && timer.elapsed() < ms) {
            if (m_socket.bytesAvailable() == 0) {
                if (m_socket.state() == QAbstractSocket::UnconnectedState)
                    break;
                QTest::qWait(2);
                continue;
            }
            const QByteArray bytes = m_socket.readAll();
            m_decoder.feed(std::string_view(bytes.constData(), std::size_t(bytes.size())));
        }
        if (!m_decoder.hasFrame())
            return std::nullopt;
        auto packet = petstore::core::MqttPacketReader::decode(m_decoder.takeFrame(), m_version);
        if (!packet.ok())
            return std::nullopt;
        return packet.value();
    }

    template<typename Packet>
    std::optional<Packet> nextOf(int ms = 3000)
    {
        auto packet = next(ms);
        if (!packet || !std::holds_alternative<Packet>(*packet))
            return std::nullopt;
        return std::get<Packet>(*packet);
    }

    // Whether the broker closed the connection within `ms` (without sending anything more).
    bool closedByPeer(int ms = 3000)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < ms) {
            if (m_socket.state() == QAbstractSocket::UnconnectedState)
                return true;
            if (m_socket.bytesAvailable() > 0)
                return false;
            QTest::qWait(2);
        }
        return m_socket.state() == QAbstractSocket::UnconnectedState;
    }

    void abort() { m_socket.abort(); }

    void subscribe(const std::string &filter, std::uint8_t qos = 1, std::function<void(petstore::core::MqttSubscribe &)> adjust = {})
    {
        petstore::core::MqttSubscribe s;
        s.packetId = ++m_packetId;
        s.subscriptions.push_back({filter, qos, false, false, 0});
        if (adjust)
            adjust(s);
        send(s);
        QVERIFY(nextOf<petstore::core::MqttSubAck>().has_value());
    }

    void publish(const std::string &topic, const std::string &payload, std::uint8_t qos = 0, bool retain = false,
                 std::function<void(petstore::core::MqttPublish &)> adjust = {})
    {
        petstore::core::MqttPublish p;
        p.topic = topic;
        p.payload = payload;
        p.qos = qos;
        p.retain = retain;
        p.packetId = qos > 0 ? ++m_packetId : 0;
        if (adjust)
            adjust(p);
        send(p);
    }

private:
    QTcpSocket m_socket;
    petstore::core::MqttVersion m_version;
    petstore::core::MqttFrameDecoder m_decoder;
    std::uint16_t m_packetId = 0;
};
