// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocols/mqtt/mqttframedecoder.h"
#include "core/protocols/mqtt/mqttpacket.h"
#include "mock-server/mqtt/mqttaccesspolicy.h"
#include "mock-server/mqtt/mqttmessage.h"

#include <QObject>

#include <optional>
#include <vector>

namespace petstore::mock {

class MqttBroker;
class MqttSession;
class MqttTransport;

// One client's network connection (MQTT 5.0 §4.1, §4.2): frames the bytes, checks each packet
// against the rules of its section, runs the CONNECT handshake and the QoS 1 and 2 exchanges,
// keeps the inbound topic aliases, and hands messages and subscriptions to the broker. Protocol
// violations end the connection the way §4.13 says: a v5 DISCONNECT with the reason code, or
// for 3.1.1 just closing.
class MqttConnection : public QObject
{
    Q_OBJECT
public:
    // Takes the transport as a child; the connection deletes itself when it ends.
    MqttConnection(MqttTransport *transport, MqttBroker *broker);
    ~MqttConnection() override;

    const std::string &clientId() const { return m_clientId; }
    const std::string &peer() const { return m_peer; }
    core::MqttVersion version() const { return m_version; }
    MqttSession *session() const { return m_session; }

    // Sends a message of the client's session; false when it was not sent: expired, bigger than
    // the client's Maximum Packet Size, or QoS 0 to a client far behind in reading.
    bool sendPublish(const MqttDelivery &delivery, std::uint16_t packetId, bool dup, std::int64_t nowMs);
    void sendPubRel(std::uint16_t packetId);

    // Ends the connection from the broker's side (§4.13.2): a v5 client first gets DISCONNECT
    // with `reasonCode`. The will is published, as for any disconnection the client did not ask for.
    void disconnect(std::uint8_t reasonCode, const std::string &reason);
    // CONNECT that never came (10 s) or a silent client past 1.5 × its keep alive (§3.1.2.10).
    void checkTimeouts(std::int64_t nowMs);

private:
    void onBytes(std::string_view bytes);
    void handleFirstFrame(const core::MqttFrame &frame);
    void handleConnect(core::MqttConnect connect);
    void handlePublish(core::MqttPublish publish);
    void handleAck(const core::MqttPubAck &ack);
    void handleSubscribe(const core::MqttSubscribe &subscribe);
    void handleUnsubscribe(const core::MqttUnsubscribe &unsubscribe);
    void handleDisconnect(const core::MqttDisconnect &disconnect);
    void refuseConnect(std::uint8_t reasonCode, const std::string &reason);
    void acknowledge(core::MqttPacketType type, std::uint16_t packetId, std::uint8_t reasonCode);
    void send(const core::MqttPacket &packet);
    void write(const std::string &bytes);
    void finish(bool publishWill);

    MqttBroker *m_broker;
    MqttTransport *m_transport;
    std::string m_peer;
    core::MqttFrameDecoder m_decoder;
    core::MqttVersion m_version = core::MqttVersion::V5;
    bool m_connectSeen = false;
    bool m_finished = false;
    MqttSession *m_session = nullptr;
    std::string m_clientId;
    std::uint16_t m_keepAlive = 0;
    std::int64_t m_openedAtMs = 0;
    std::int64_t m_lastPacketAtMs = 0;
    std::uint32_t m_clientMaxPacket = 0;     // 0: no limit announced
    std::uint32_t m_connectSessionExpiry = 0;
    std::vector<std::string> m_topicAliases;   // index = alias - 1 (§3.3.2.3.4)
    std::optional<MqttMessage> m_will;
    std::uint32_t m_willDelay = 0;
};

} // namespace petstore::mock
