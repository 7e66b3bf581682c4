// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/petstore/domainevents.h"
#include "core/petstore/tenantregistry.h"
#include "core/result.h"
#include "core/traffic/trafficlog.h"
#include "mock-server/mockconfig.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QTimer>

#include <memory>

namespace petstore::core {
class OpenApiRequestValidator;
}

namespace petstore::mock {

class AuthMiddleware;
class ChaosMiddleware;
class CorsMiddleware;
class EventStreamHub;
class GraphQLHttpEndpoint;
class GraphQLService;
class GrpcServer;
class HttpFrontListener;
class MqttBroker;
class MqttListener;
class MqttPetstoreBridge;
class HttpPipeline;
class RateLimitMiddleware;
class RequestIdMiddleware;
class RestRouter;
struct RestEnvironment;
class SnapshotDatabase;
class TenantMiddleware;
class WebSocketFrameRecorder;
class WebSocketGateway;

// The whole mock behind one object (DESIGN §3): configuration, start/stop, status, traffic.
// Lives on one thread (the explorer moves it to its own QThread; petstore-mock runs it on the
// main thread); every call must come from that thread.
class MockServer : public QObject
{
    Q_OBJECT
public:
    explicit MockServer(MockConfig config, QObject *parent = nullptr);
    ~MockServer() override;

    // Loads the seed (and the --data snapshot), then binds the HTTP port. Errors name the
    // problem: "cannot listen on 127.0.0.1:8080: The bound address is already in use" (kind
    // Conflict when the port is taken).
    core::Status start();
    // Stops accepting connections and persists the store (when --data is set).
    void stop();
    bool isRunning() const;
    quint16 httpPort() const;
    quint16 mqttPort() const;
    quint16 mqttTlsPort() const;   // 0 without a TLS certificate
    quint16 grpcPort() const;      // 0 when gRPC is off (grpc.port -1) or the mock is stopped

    const MockConfig &config() const { return m_config; }
    core::Status applyRuntimeConfig(const nlohmann::json &patch);

    nlohmann::json health() const;
    void resetData();
    core::Status persist();

    core::TrafficLog &traffic() { return m_traffic; }
    core::DomainEventBus &events() { return m_bus; }
    core::TenantRegistry &tenants() { return *m_tenants; }
    const core::OpenApiRequestValidator &openApi() const { return *m_openApi; }
    std::uint64_t requestCount() const;
    // OpenAPI operations without a handler; empty when the server implements its whole spec.
    std::vector<std::string> unhandledOperations() const;
    int activeConnections() const;
    int sseSubscribers() const;
    int chatStreams() const;
    int webSocketConnections() const;
    int grpcActiveCalls() const;
    std::uint64_t grpcCalls() const;
    MqttBroker *mqttBroker() const { return m_mqtt.get(); }

Q_SIGNALS:
    void exchangeCompleted(const petstore::core::TrafficRecord &record);

private:
    void applyMiddlewareConfig();
    core::Status loadData();
    void schedulePersist();
    core::Status installGraphQL(const RestEnvironment &environment);
    void installWebSockets();
    core::Status startMqtt(const QHostAddress &address);
    core::Status startGrpc();
    nlohmann::json mqttHealth() const;
    nlohmann::json grpcHealth() const;

    MockConfig m_config;
    QElapsedTimer m_uptime;
    core::DomainEventBus m_bus;
    core::TrafficLog m_traffic;
    std::unique_ptr<core::TenantRegistry> m_tenants;
    std::unique_ptr<core::OpenApiRequestValidator> m_openApi;
    std::unique_ptr<RestRouter> m_router;
    std::unique_ptr<RequestIdMiddleware> m_requestId;
    std::unique_ptr<CorsMiddleware> m_cors;
    std::unique_ptr<RateLimitMiddleware> m_rateLimit;
    std::unique_ptr<ChaosMiddleware> m_chaos;
    std::unique_ptr<TenantMiddleware> m_tenant;
    std::unique_ptr<AuthMiddleware> m_auth;
    std::unique_ptr<SnapshotDatabase> m_database;
    std::unique_ptr<EventStreamHub> m_eventStreams;   // after m_bus and m_config, which it uses
    std::unique_ptr<WebSocketFrameRecorder> m_frames;
    std::unique_ptr<MqttBroker> m_mqtt;
    std::unique_ptr<MqttPetstoreBridge> m_mqttBridge;
    std::unique_ptr<GraphQLService> m_graphql;
    std::unique_ptr<GraphQLHttpEndpoint> m_graphqlHttp;
    std::unique_ptr<WebSocketGateway> m_webSockets;   // its sessions use all of the above
    std::unique_ptr<GrpcServer> m_grpc;               // last: its calls use all of the above
    HttpPipeline *m_pipeline = nullptr;
    HttpFrontListener *m_listener = nullptr;
    MqttListener *m_mqttListener = nullptr;
    MqttListener *m_mqttTlsListener = nullptr;
    QTimer m_persistTimer;
    nlohmann::json m_restoredMqtt;   // the broker's state from the --data file or the last stop
};

} // namespace petstore::mock
