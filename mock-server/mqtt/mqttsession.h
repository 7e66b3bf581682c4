// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mock-server/mqtt/mqttaccesspolicy.h"
#include "mock-server/mqtt/mqttmessage.h"
#include "mock-server/mqtt/mqttsubscriptiontree.h"

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>

namespace petstore::mock {

class MqttConnection;

// A client's session state on the broker (MQTT 5.0 §4.1): its subscriptions, the QoS 1 and 2
// messages sent but not yet acknowledged, the ones waiting for a free slot of the client's
// receive window or for the client to come back, and the QoS 2 packet ids it sent us that await
// PUBREL. A session outlives its network connection until its expiry interval passes.
class MqttSession
{
public:
    struct Limits
    {
        std::size_t maxInflight = 1000;   // our own cap on the client's Receive Maximum
        std::size_t maxQueued = 1000;     // offline or over-window messages kept; more are dropped
    };

    static constexpr std::uint32_t NeverExpires = 0xFFFFFFFF;   // §3.1.2.11.2

    MqttSession(std::string clientId, Limits limits);

    const std::string &clientId() const { return m_clientId; }
    bool connected() const { return m_connection != nullptr; }
    MqttConnection *connection() const { return m_connection; }

    // Binds the session to a connection whose client accepts `receiveMaximum` unacknowledged
    // messages, then resends what was in flight — PUBLISH with DUP set, PUBREL for those the
    // client had received (§4.4) — and sends what was queued.
    void attach(MqttConnection *connection, std::uint16_t receiveMaximum, std::int64_t nowMs);
    void detach(std::int64_t nowMs);

    std::uint32_t expiryInterval = 0;       // seconds after disconnection (§3.1.2.11.2)
    std::int64_t disconnectedAtMs = 0;
    bool expired(std::int64_t nowMs) const;

    // The will waiting for its delay to pass after an abnormal disconnection (§3.1.3.2.2).
    std::optional<MqttMessage> pendingWill;
    std::int64_t willDueAtMs = 0;

    std::map<std::string, MqttSubscriptionOptions> subscriptions;   // by filter as subscribed
    MqttAccessPolicy::Rules rules;   // the topics the client may use; null: every topic

    // The broker's scratch space while routing one message: a session matched by several
    // subscriptions gets one copy with the highest QoS and every subscription identifier.
    std::uint64_t routeMark = 0;
    std::size_t routeSlot = 0;

    // Sends now or queues a message for the client. False when it had to be dropped: QoS 0
    // while offline, or the queue is full.
    bool deliver(MqttDelivery delivery, std::int64_t nowMs);
    // PUBACK or PUBCOMP: the exchange is complete, the slot frees up for the next message.
    void complete(std::uint16_t packetId, std::int64_t nowMs);
    // PUBREC: the client has the message; false when the id is unknown (v5 PUBREL 0x92).
    bool released(std::uint16_t packetId);

    // Inbound QoS 2 (§4.3.3, method B): true for a new packet id, false for a retransmission
    // of one already received and not yet released.
    bool beginInbound(std::uint16_t packetId) { return m_inbound.insert(packetId).second; }
    bool releaseInbound(std::uint16_t packetId) { return m_inbound.erase(packetId) > 0; }
    std::size_t inboundPending() const { return m_inbound.size(); }

    // --data persistence (mqttsessionsnapshot.cpp): expiry, subscriptions, the messages in
    // flight (with their packet ids) and queued, the inbound QoS 2 ids. The session comes back
    // disconnected, as of `nowMs`. Nothing for a document that is not a session.
    nlohmann::json snapshot(std::int64_t nowMs) const;
    static std::unique_ptr<MqttSession> fromSnapshot(const nlohmann::json &json, Limits limits);


private:
    struct Inflight
    {
        MqttDelivery delivery;
        std::uint64_t order = 0;      // resend in the order first sent
        bool releasing = false;       // PUBREC received, PUBREL sent
    };

    void pump(std::int64_t nowMs);
    bool send(MqttDelivery delivery, std::int64_t nowMs);
    std::uint16_t nextPacketId();

    std::string m_clientId;
    Limits m_limits;
    MqttConnection *m_connection = nullptr;
    std::size_t m_window = 0;
    std::map<std::uint16_t, Inflight> m_inflight;
    std::deque<MqttDelivery> m_queue;
    std::set<std::uint16_t> m_inbound;
    std::uint16_t m_lastPacketId = 0;
    std::uint64_t m_sendOrder = 0;
};

} // namespace petstore::mock
