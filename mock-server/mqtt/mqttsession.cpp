// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/mqtt/mqttsession.h"

#include "mock-server/mqtt/mqttconnection.h"

#include <algorithm>
#include <vector>

namespace petstore::mock {

MqttSession::MqttSession(std::string clientId, Limits limits) : m_clientId(std::move(clientId)), m_limits(limits) {}

bool MqttSession::expired(std::int64_t nowMs) const
{
    if (connected() || expiryInterval == NeverExpires)
        return false;
    return nowMs - disconnectedAtMs >= std::int64_t(expiryInterval) * 1000;
}

void MqttSession::attach(MqttConnection *connection, std::uint16_t receiveMaximum, std::int64_t nowMs)
{
    m_connection = connection;
    m_window = std::min<std::size_t>(receiveMaximum, m_limits.maxInflight);
    pendingWill.reset();   // §3.1.2.5: a new connection before the will delay cancels the will
    std::vector<std::pair<std::uint16_t, Inflight *>> ordered;
    for (auto &[id, inflight] : m_inflight)
        ordered.emplace_back(id, &inflight);
    std::sort(ordered.begin(), ordered.end(), [](const auto &a, const auto &b) { return a.second->order < b.second->order; });
    for (auto &[id, inflight] : ordered) {
        if (inflight->releasing)
            connection->sendPubRel(id);
        else
            connection->sendPublish(inflight->delivery, id, true, nowMs);
    }
    pump(nowMs);
}

void MqttSession::detach(std::int64_t nowMs)
{
    m_connection = nullptr;
    disconnectedAtMs = nowMs;
}

bool MqttSession::deliver(MqttDelivery delivery, std::int64_t nowMs)
{
    if (delivery.qos == 0) {
        // QoS 0 is at most once: nothing is kept for an offline client (§4.3.1).
        if (!m_connection)
            return false;
        return m_connection->sendPublish(delivery, 0, false, nowMs);
    }
    if (m_connection && m_queue.empty() && m_inflight.size() < m_window)
        return send(std::move(delivery), nowMs);
    if (m_queue.size() >= m_limits.maxQueued)
        return false;   // the broker counts it
    m_queue.push_back(std::move(delivery));
    return true;
}

bool MqttSession::send(MqttDelivery delivery, std::int64_t nowMs)
{
    const std::uint16_t id = nextPacketId();
    // A message bigger than the client's Maximum Packet Size is discarded as if delivered
    // (§3.1.2.11.4); an expired one is not sent at all (§3.3.2.3.3).
    if (!m_connection->sendPublish(delivery, id, false, nowMs))
        return false;
    m_inflight.emplace(id, Inflight{std::move(delivery), ++m_sendOrder, false});
    return true;
}

void MqttSession::pump(std::int64_t nowMs)
{
    while (m_connection && !m_queue.empty() && m_inflight.size() < m_window) {
        MqttDelivery next = std::move(m_queue.front());
        m_queue.pop_front();
        if (next.message->expired(nowMs))
            continue;
        send(std::move(next), nowMs);
    }
}

void MqttSession::complete(std::uint16_t packetId, std::int64_t nowMs)
{
    if (m_inflight.erase(packetId) > 0)
        pump(nowMs);
}

bool MqttSession::released(std::uint16_t packetId)
{
    auto it = m_inflight.find(packetId);
    if (it == m_inflight.end() || it->second.delivery.qos != 2)
        return false;
    it->second.releasing = true;
    return true;
}

std::uint16_t MqttSession::nextPacketId()
{
    // Ids are reused only after their exchange completed (§2.2.1); the window is far below
    // 65,535, so a free one is always near.
    do {
        m_lastPacketId = m_lastPacketId == 0xFFFF ? 1 : std::uint16_t(m_lastPacketId + 1);
    } while (m_inflight.count(m_lastPacketId) > 0);
    return m_lastPacketId;
}

} // namespace petstore::mock
