// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocols/mqtt/mqttframedecoder.h"
#include "core/traffic/trafficrecord.h"
#include "mock-server/mqtt/mqttaccesspolicy.h"
#include "mock-server/mqtt/mqttconfig.h"
#include "mock-server/mqtt/mqttretainedstore.h"
#include "mock-server/mqtt/mqttsession.h"
#include "mock-server/mqtt/mqttsubscriptiontree.h"

#include <QObject>
#include <QTimer>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>

namespace petstore::mock {

class MqttConnection;
class MqttTransport;

// The in-process MQTT broker (DESIGN §2, §7): sessions by client id, the subscription tree,
// retained messages, wills, and the periodic sweep for keep alive, session expiry and delayed
// wills. Transports of any kind (TCP, TLS, WebSocket) are handed to accept(). Runs on the
// mock's thread like the rest of the mock.
class MqttBroker : public QObject
{
    Q_OBJECT
public:
    using Clock = std::function<std::int64_t()>;   // wall clock, milliseconds since the epoch

    struct Statistics
    {
        std::uint64_t packetsReceived = 0;
        std::uint64_t packetsSent = 0;
        std::uint64_t bytesReceived = 0;
        std::uint64_t bytesSent = 0;
        std::uint64_t publishReceived = 0;
        std::uint64_t publishSent = 0;
        std::uint64_t publishDropped = 0;
        std::uint64_t connectionsTotal = 0;
    };

    explicit MqttBroker(const MqttConfig &config, QObject *parent = nullptr, Clock clock = {});
    ~MqttBroker() override;

    const MqttConfig &config() const { return m_config; }
    std::int64_t nowMs() const { return m_clock(); }
    const MqttAccessPolicy &access() const { return m_access; }

    // A new network connection; the broker owns it from now on.
    void accept(MqttTransport *transport);
    // Ends every connection (DISCONNECT 0x8B Server shutting down to v5 clients).
    void closeAll();

    // Routes a message to every matching subscription and keeps it when retained; returns how
    // many sessions it went to. Messages from clients come through here too.
    int publish(MqttMessage message);
    int route(const MqttMessagePtr &message);
    // Called for every message a client published, after routing (Petstore devices, RPC).
    using ClientMessageHandler = std::function<void(const MqttMessage &)>;
    void onClientMessage(ClientMessageHandler handler) { m_clientHandlers.push_back(std::move(handler)); }
    void clientPublished(const MqttMessagePtr &message);

    // Sessions (§4.1). openSession takes over a session whose client is still connected
    // (DISCONNECT 0x8E to the old connection) and discards it on Clean Start.
    MqttSession *openSession(MqttConnection *connection, const std::string &clientId, bool cleanStart, bool &present);
    void connectionClosed(MqttConnection *connection, std::optional<MqttMessage> will, std::uint32_t willDelaySeconds);
    std::string assignClientId();

    bool subscribe(MqttSession *session, const std::string &filter, const MqttSubscriptionOptions &options);
    bool unsubscribe(MqttSession *session, const std::string &filter);
    void deliverRetained(MqttSession *session, const std::string &filter, const MqttSubscriptionOptions &options);

    // Every packet in or out: counted, and recorded when a sink is set.
    void received(const MqttConnection &connection, const core::MqttFrame &frame);
    void sent(const MqttConnection &connection, std::string_view bytes);
    using TrafficSink = std::function<void(core::TrafficRecord)>;
    void setTrafficSink(TrafficSink sink) { m_trafficSink = std::move(sink); }

    // --data persistence: retained messages clients published and sessions that outlive their
    // connection, with their queued messages. The Petstore's own state is rebuilt from the store.
    nlohmann::json snapshot() const;
    void restore(const nlohmann::json &snapshot);

    const Statistics &statistics() const { return m_statistics; }
    int connectedClients() const;
    std::size_t sessionCount() const { return m_sessions.size(); }
    std::size_t subscriptionCount() const { return m_subscriptions.size(); }
    std::size_t retainedCount() const { return m_retained.size(); }
    const MqttRetainedStore &retained() const { return m_retained; }

private:
    void sweep();
    void endSession(const std::string &clientId);
    void record(const MqttConnection &connection, bool inbound, std::string_view bytes);

    MqttConfig m_config;
    Clock m_clock;
    MqttAccessPolicy m_access;
    std::map<std::string, std::unique_ptr<MqttSession>> m_sessions;
    std::set<MqttConnection *> m_connections;
    MqttSubscriptionTree m_subscriptions;
    MqttRetainedStore m_retained;
    std::vector<ClientMessageHandler> m_clientHandlers;
    TrafficSink m_trafficSink;
    Statistics m_statistics;
    QTimer m_sweepTimer;
    std::uint64_t m_routeMark = 0;
    std::uint64_t m_assignedIds = 0;
    struct Target
    {
        MqttSession *session;
        MqttDelivery delivery;
    };
    std::vector<Target> m_targets;   // reused by route() to avoid an allocation per message
};

} // namespace petstore::mock
