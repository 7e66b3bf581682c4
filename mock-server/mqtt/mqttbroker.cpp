// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/mqtt/mqttbroker.h"

#include "core/protocols/mqtt/mqttbytewriter.h"
#include "core/protocols/mqtt/mqttpacketreader.h"
#include "core/protocols/mqtt/mqttpacketsummary.h"
#include "core/protocols/mqtt/mqttreasoncode.h"
#include "core/protocols/mqtt/mqtttopic.h"
#include "mock-server/mqtt/mqttconnection.h"
#include "mock-server/mqtt/mqtttransport.h"

#include <QDateTime>

#include <algorithm>

namespace petstore::mock {

namespace {

constexpr int SweepIntervalMs = 500;

MqttSession::Limits sessionLimits(const MqttConfig &config)
{
    return {std::size_t(config.maxInflightMessages), std::size_t(config.maxQueuedMessages)};
}

} // namespace

MqttBroker::MqttBroker(const MqttConfig &config, QObject *parent, Clock clock)
    : QObject(parent)
    , m_config(config)
    , m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentMSecsSinceEpoch(); }))
    , m_access(config)
{
    m_sweepTimer.setInterval(SweepIntervalMs);
    connect(&m_sweepTimer, &QTimer::timeout, this, &MqttBroker::sweep);
    m_sweepTimer.start();
}

MqttBroker::~MqttBroker()
{
    closeAll();
}

void MqttBroker::accept(MqttTransport *transport)
{
    ++m_statistics.connectionsTotal;
    m_connections.insert(new MqttConnection(transport, this));
}

void MqttBroker::closeAll()
{
    const std::set<MqttConnection *> connections = m_connections;
    for (MqttConnection *connection : connections)
        connection->disconnect(core::MqttReasonCode::ServerShuttingDown, "the mock is stopping");
}

int MqttBroker::publish(MqttMessage message)
{
    return route(std::make_shared<const MqttMessage>(std::move(message)));
}

int MqttBroker::route(const MqttMessagePtr &message)
{
    if (message->retain)
        m_retained.store(message);
    const std::uint64_t mark = ++m_routeMark;
    m_targets.clear();
    m_subscriptions.match(message->topic, [&](MqttSession *session, const MqttSubscriptionOptions &options) {
        if (options.noLocal && session->clientId() == message->senderClientId)
            return;   // §3.8.3.1: not back to the client that published it
        if (session->rules && !MqttAccessPolicy::mayReceive(session->rules, message->topic))
            return;
        const std::uint8_t qos = std::min(options.qos, message->qos);
        if (session->routeMark == mark) {
            MqttDelivery &delivery = m_targets[session->routeSlot].delivery;
            delivery.qos = std::max(delivery.qos, qos);
            delivery.retain = delivery.retain || (options.retainAsPublished && message->retain);
            if (options.identifier != 0)
                delivery.subscriptionIds.push_back(options.identifier);
            return;
        }
        session->routeMark = mark;
        session->routeSlot = m_targets.size();
        MqttDelivery delivery{message, qos, options.retainAsPublished && message->retain, {}};
        if (options.identifier != 0)
            delivery.subscriptionIds.push_back(options.identifier);
        m_targets.push_back({session, std::move(delivery)});
    });
    const std::int64_t now = nowMs();
    const int delivered = int(m_targets.size());
    for (Target &target : m_targets) {
        // QoS 0 for an offline client is not kept by design; anything else not delivered is a drop.
        const bool kept = target.session->connected() || target.delivery.qos > 0;
        if (!target.session->deliver(std::move(target.delivery), now) && kept)
            ++m_statistics.publishDropped;
    }
    m_targets.clear();
    return delivered;
}

void MqttBroker::clientPublished(const MqttMessagePtr &message)
{
    for (const ClientMessageHandler &handler : m_clientHandlers)
        handler(*message);
}

MqttSession *MqttBroker::openSession(MqttConnection *connection, const std::string &clientId, bool cleanStart, bool &present)
{
    auto existing = m_sessions.find(clientId);
    if (existing != m_sessions.end() && existing->second->connected() && existing->second->connection() != connection)
        existing->second->connection()->disconnect(core::MqttReasonCode::SessionTakenOver,
                                                   "another connection took over this session");
    existing = m_sessions.find(clientId);   // the old connection's end may have ended the session
    if (existing != m_sessions.end() && cleanStart) {
        endSession(clientId);
        existing = m_sessions.end();
    }
    present = existing != m_sessions.end();
    if (!present)
        existing = m_sessions.emplace(clientId, std::make_unique<MqttSession>(clientId, sessionLimits(m_config))).first;
    return existing->second.get();
}

void MqttBroker::connectionClosed(MqttConnection *connection, std::optional<MqttMessage> will, std::uint32_t willDelaySeconds)
{
    m_connections.erase(connection);
    MqttSession *session = connection->session();
    if (!session || session->connection() != connection)
        return;
    const std::int64_t now = nowMs();
    session->detach(now);
    if (will) {
        // §3.1.3.2.2: the will waits for its delay or the end of the session, whichever is first.
        if (willDelaySeconds == 0 || session->expiryInterval == 0) {
            publish(std::move(*will));
        } else {
            const std::uint32_t delay = std::min(willDelaySeconds, session->expiryInterval);
            session->pendingWill = std::move(will);
            session->willDueAtMs = now + std::int64_t(delay) * 1000;
        }
    }
    if (session->expiryInterval == 0)
        endSession(session->clientId());
}

void MqttBroker::endSession(const std::string &clientId)
{
    auto it = m_sessions.find(clientId);
    if (it == m_sessions.end())
        return;
    std::unique_ptr<MqttSession> session = std::move(it->second);
    m_sessions.erase(it);
    for (const auto &[filter, options] : session->subscriptions)
        m_subscriptions.remove(filter, session.get());
    if (session->pendingWill)
        publish(std::move(*session->pendingWill));
}

std::string MqttBroker::assignClientId()
{
    // §3.1.3.1: unique on this server; the prefix makes assigned ids easy to spot in Traffic.
    std::string id;
    do {
        id = "petstore-auto-" + std::to_string(nowMs()) + '-' + std::to_string(++m_assignedIds);
    } while (m_sessions.count(id) > 0);
    return id;
}

bool MqttBroker::subscribe(MqttSession *session, const std::string &filter, const MqttSubscriptionOptions &options)
{
    session->subscriptions[filter] = options;
    return m_subscriptions.add(filter, session, options);
}

bool MqttBroker::unsubscribe(MqttSession *session, const std::string &filter)
{
    session->subscriptions.erase(filter);
    return m_subscriptions.remove(filter, session);
}

void MqttBroker::deliverRetained(MqttSession *session, const std::string &filter, const MqttSubscriptionOptions &options)
{
    const std::int64_t now = nowMs();
    m_retained.match(filter, now, [&](const MqttMessagePtr &message) {
        if (session->rules && !MqttAccessPolicy::mayReceive(session->rules, message->topic))
            return;
        // §3.3.1.3: a retained message sent for a new subscription keeps its retain flag.
        MqttDelivery delivery{message, std::min(options.qos, message->qos), true, {}};
        if (options.identifier != 0)
            delivery.subscriptionIds.push_back(options.identifier);
        session->deliver(std::move(delivery), now);
    });
}

int MqttBroker::connectedClients() const
{
    return int(std::count_if(m_sessions.begin(), m_sessions.end(), [](const auto &s) { return s.second->connected(); }));
}

void MqttBroker::received(const MqttConnection &connection, const core::MqttFrame &frame)
{
    const std::uint32_t length = std::uint32_t(frame.body.size());
    ++m_statistics.packetsReceived;
    m_statistics.bytesReceived += 1 + core::MqttByteWriter::variableIntSize(length) + length;
    m_statistics.publishReceived += frame.type() == std::uint8_t(core::MqttPacketType::Publish);
    if (!m_trafficSink)
        return;
    core::MqttByteWriter wire;   // the frame as it was on the wire: header, length, body
    wire.u8(frame.header);
    wire.variableInt(length);
    wire.raw(frame.body);
    record(connection, true, wire.bytes());
}

void MqttBroker::sent(const MqttConnection &connection, std::string_view bytes)
{
    ++m_statistics.packetsSent;
    m_statistics.bytesSent += bytes.size();
    m_statistics.publishSent += !bytes.empty() && (std::uint8_t(bytes.front()) >> 4) == std::uint8_t(core::MqttPacketType::Publish);
    if (m_trafficSink)
        record(connection, false, bytes);
}

void MqttBroker::record(const MqttConnection &connection, bool inbound, std::string_view bytes)
{
    // Decoded again here, only when someone records: the broker's own path never builds a
    // description.
    auto packet = core::MqttPacketReader::decodeCaptured(bytes, connection.version());
    core::TrafficRecord r;
    r.time = core::systemNow();
    r.protocol = "mqtt";
    r.protocolVersion = connection.version() == core::MqttVersion::V5 ? "5" : "3.1.1";
    r.client = connection.peer() + (connection.clientId().empty() ? std::string() : " " + connection.clientId());
    r.method = core::MqttPacketSummary::typeName(core::MqttPacketType(std::uint8_t(bytes.front()) >> 4));
    r.summary = std::string(inbound ? "← " : "→ ") + (packet.ok() ? core::MqttPacketSummary::describe(packet.value())
                                                                   : r.method + " (" + packet.error().message + ')');
    if (packet.ok()) {
        if (const auto *p = std::get_if<core::MqttPublish>(&packet.value()))
            r.path = p->topic;
    }
    (inbound ? r.requestBytes : r.responseBytes) = bytes.size();
    (inbound ? r.rawRequest : r.rawResponse) = std::string(bytes);
    m_trafficSink(std::move(r));
}

nlohmann::json MqttBroker::snapshot() const
{
    nlohmann::json retained = nlohmann::json::array();
    m_retained.forEach([&retained](const MqttMessagePtr &message) {
        if (!message->senderClientId.empty())
            retained.push_back(toJson(*message));
    });
    nlohmann::json sessions = nlohmann::json::array();
    const std::int64_t now = nowMs();
    for (const auto &[clientId, session] : m_sessions)
        if (session->expiryInterval != 0)
            sessions.push_back(session->snapshot(now));
    return {{"retained", retained}, {"sessions", sessions}};
}

void MqttBroker::restore(const nlohmann::json &snapshot)
{
    if (!snapshot.is_object())
        return;
    for (const auto &entry : snapshot.value("retained", nlohmann::json::array()))
        if (auto message = mqttMessageFromJson(entry); message && core::MqttTopic::validateName(message->topic).ok())
            m_retained.store(std::make_shared<const MqttMessage>(std::move(*message)));
    for (const auto &entry : snapshot.value("sessions", nlohmann::json::array())) {
        std::unique_ptr<MqttSession> session = MqttSession::fromSnapshot(entry, sessionLimits(m_config));
        if (!session || m_sessions.count(session->clientId()) > 0)
            continue;
        for (const auto &[filter, options] : session->subscriptions)
            m_subscriptions.add(filter, session.get(), options);
        m_sessions.emplace(session->clientId(), std::move(session));
    }
}

void MqttBroker::sweep()
{
    const std::int64_t now = nowMs();
    const std::set<MqttConnection *> connections = m_connections;
    for (MqttConnection *connection : connections)
        if (m_connections.count(connection) > 0)
            connection->checkTimeouts(now);
    std::vector<std::string> ended;
    for (auto &[clientId, session] : m_sessions) {
        if (session->pendingWill && now >= session->willDueAtMs) {
            MqttMessage will = std::move(*session->pendingWill);
            session->pendingWill.reset();
            publish(std::move(will));
        }
        if (session->expired(now))
            ended.push_back(clientId);
    }
    for (const std::string &clientId : ended)
        endSession(clientId);
    m_retained.removeExpired(now);
}

} // namespace petstore::mock
