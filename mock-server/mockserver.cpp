// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/mockserver.h"

#include "core/jsonschema/openapirequestvalidator.h"
#include "mock-server/admin/adminroutes.h"
#include "mock-server/http/authmiddleware.h"
#include "mock-server/http/chaosmiddleware.h"
#include "mock-server/http/corsmiddleware.h"
#include "mock-server/http/httpfrontlistener.h"
#include "mock-server/http/httppipeline.h"
#include "mock-server/http/httpproblemresponse.h"
#include "mock-server/http/ratelimitmiddleware.h"
#include "mock-server/http/requestidmiddleware.h"
#include "mock-server/http/tenantmiddleware.h"
#include "mock-server/graphql/graphqlhttpendpoint.h"
#include "mock-server/graphql/graphqlservice.h"
#include "mock-server/graphql/graphqlsocketsession.h"
#include "mock-server/grpc/grpcserver.h"
#include "mock-server/mqtt/mqttbroker.h"
#include "mock-server/mqtt/mqttlistener.h"
#include "mock-server/mqtt/mqttpetstorebridge.h"
#include "mock-server/mqtt/mqttsystopics.h"
#include "mock-server/mqtt/mqttwebsockettransport.h"
#include "mock-server/persistence/snapshotdatabase.h"
#include "mock-server/tlscredentials.h"
#include "mock-server/rest/restchatroutes.h"
#include "mock-server/rest/restinventoryroutes.h"
#include "mock-server/rest/restorderroutes.h"
#include "mock-server/rest/restpetroutes.h"
#include "mock-server/rest/restrouter.h"
#include "mock-server/rest/restuserroutes.h"
#include "mock-server/sse/chatcompletionstream.h"
#include "mock-server/sse/eventstreamhub.h"
#include "mock-server/websocket/chatsocketsession.h"
#include "mock-server/websocket/echosocketsession.h"
#include "mock-server/websocket/eventsocketsession.h"
#include "mock-server/websocket/websocketgateway.h"

#include <QDateTime>
#include <QFile>
#include <QHostAddress>
#include <QRandomGenerator>

namespace petstore::mock {

namespace {

core::Result<nlohmann::json> readJsonFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return core::Error::make(core::ErrorKind::Internal, "cannot read " + path.toStdString() + ": "
                                                                + file.errorString().toStdString());
    nlohmann::json json = nlohmann::json::parse(file.readAll().toStdString(), nullptr, false);
    if (json.is_discarded())
        return core::Error::make(core::ErrorKind::Internal, path.toStdString() + " is not valid JSON");
    return json;
}

std::string randomSecret()
{
    std::string secret;
    for (int i = 0; i < 4; ++i)
        secret += QString::number(QRandomGenerator::system()->generate64(), 16).rightJustified(16, QLatin1Char('0')).toStdString();
    return secret;
}

} // namespace

MockServer::MockServer(MockConfig config, QObject *parent) : QObject(parent), m_config(std::move(config))
{
    if (m_config.jwtSecret.empty())
        m_config.jwtSecret = randomSecret();
    m_persistTimer.setSingleShot(true);
    m_persistTimer.setInterval(500);
    connect(&m_persistTimer, &QTimer::timeout, this, [this] { persist(); });
    // Created once: the replay buffer outlives a stop and start, so SSE clients that reconnect
    // after a restart of the embedded mock still get what they missed.
    m_eventStreams = std::make_unique<EventStreamHub>(&m_bus, &m_config);
}

MockServer::~MockServer()
{
    stop();
}

core::Status MockServer::start()
{
    if (isRunning())
        return core::Done{};
    auto spec = readJsonFile(QStringLiteral(":/specs/openapi.json"));
    if (!spec.ok())
        return spec.error();
    auto seed = readJsonFile(m_config.seedFile.empty() ? QStringLiteral(":/seed/petstore.json")
                                                       : QString::fromStdString(m_config.seedFile));
    if (!seed.ok())
        return seed.error();
    m_openApi = std::make_unique<core::OpenApiRequestValidator>(std::move(spec).value());
    m_tenants = std::make_unique<core::TenantRegistry>(std::move(seed).value(), &m_bus);
    if (auto loaded = loadData(); !loaded.ok())
        return loaded;

    m_router = std::make_unique<RestRouter>(m_openApi.get(), &m_config);
    const RestEnvironment environment{&m_config, m_tenants.get(), this,
                                      [] { return QDateTime::currentSecsSinceEpoch(); }};
    RestPetRoutes::install(*m_router, environment);
    RestUserRoutes::install(*m_router, environment);
    RestOrderRoutes::install(*m_router, environment);
    RestInventoryRoutes::install(*m_router, environment);
    RestChatRoutes::install(*m_router, environment);
    AdminRoutes::install(*m_router, *this);
    m_router->handle("streamEvents", [hub = m_eventStreams.get()](HttpExchange &exchange) { return hub->open(exchange); });
    m_router->requireScope("streamEvents", "read:pets");
    if (auto graphql = installGraphQL(environment); !graphql.ok())
        return graphql;

    m_requestId = std::make_unique<RequestIdMiddleware>();
    m_cors = std::make_unique<CorsMiddleware>([this](const std::string &path) { return m_openApi->allowedMethods(path); });
    m_rateLimit = std::make_unique<RateLimitMiddleware>();
    m_chaos = std::make_unique<ChaosMiddleware>();
    m_tenant = std::make_unique<TenantMiddleware>(m_tenants.get());
    m_auth = std::make_unique<AuthMiddleware>([] { return QDateTime::currentSecsSinceEpoch(); });

    m_pipeline = new HttpPipeline(&m_traffic, this);
    for (HttpMiddleware *middleware : std::initializer_list<HttpMiddleware *>{
             m_requestId.get(), m_cors.get(), m_rateLimit.get(), m_chaos.get(), m_tenant.get(), m_auth.get()})
        m_pipeline->append(middleware);
    m_pipeline->setHandler([this](HttpExchange &exchange) { return m_router->route(exchange); });
    connect(m_pipeline, &HttpPipeline::exchangeCompleted, this, &MockServer::exchangeCompleted);

    m_listener = new HttpFrontListener(this);
    m_listener->setErrorResponder([](int status, const std::string &message) {
        return HttpProblemResponse::bare(status, message);
    });
    m_pipeline->attach(m_listener);
    m_mqtt = std::make_unique<MqttBroker>(m_config.mqtt);
    m_mqtt->setTrafficSink([this](core::TrafficRecord record) { Q_EMIT exchangeCompleted(m_traffic.append(std::move(record))); });
    m_mqtt->restore(m_restoredMqtt);
    m_mqttBridge = std::make_unique<MqttPetstoreBridge>(m_mqtt.get(), &m_bus, m_tenants.get());
    new MqttSysTopics(m_mqtt.get(), m_mqtt.get());
    installWebSockets();
    applyMiddlewareConfig();
    const QHostAddress address(QString::fromStdString(m_config.bind));
    if (address.isNull() || !m_listener->listen(address, quint16(m_config.httpPort))) {
        const std::string reason = address.isNull() ? "not an IP address" : m_listener->errorString().toStdString();
        // A taken port is a Conflict so hosts can offer another one (the explorer's dock does).
        const auto kind = !address.isNull() && m_listener->serverError() == QAbstractSocket::AddressInUseError
                              ? core::ErrorKind::Conflict
                              : core::ErrorKind::Internal;
        delete m_listener;
        m_listener = nullptr;
        return core::Error::make(kind, "cannot listen on " + m_config.bind + ':'
                                                                + std::to_string(m_config.httpPort) + ": " + reason);
    }
    if (auto mqtt = startMqtt(address); !mqtt.ok()) {
        stop();
        return mqtt;
    }
    if (auto grpc = startGrpc(); !grpc.ok()) {
        stop();
        return grpc;
    }
    m_bus.subscribe([this](const core::CloudEvent &) { schedulePersist(); });
    m_uptime.start();
    return core::Done{};
}

core::Status MockServer::installGraphQL(const RestEnvironment &environment)
{
    auto service = GraphQLService::create(m_config.graphql.engineLimits());
    if (!service.ok())
        return service.error();
    m_graphql = std::move(service).value();
    m_graphqlHttp = std::make_unique<GraphQLHttpEndpoint>(
        m_graphql.get(), &m_config, PaymentScheduler(environment.config, environment.tenants, environment.timerContext));
    // GraphQL answers credentials per field (UNAUTHENTICATED, FORBIDDEN) and reads its own
    // body, so the router neither refuses callers nor checks the body for it.
    for (const char *operation : {"executeGraphQL", "executeGraphQLQuery"}) {
        m_router->handle(operation, [endpoint = m_graphqlHttp.get()](HttpExchange &exchange) { return endpoint->handle(exchange); });
        m_router->setPublic(operation);
    }
    m_router->acceptRawBody("executeGraphQL");
    m_router->handle("getGraphQLSchema", [sdl = m_graphql->sdl()](HttpExchange &) {
        core::HttpResponse response;
        response.setHeader("Content-Type", "text/plain; charset=utf-8");
        response.setHeader("Cache-Control", "public, max-age=300");
        response.body = sdl;
        return response;
    });
    m_router->setPublic("getGraphQLSchema");
    return core::Done{};
}

void MockServer::installWebSockets()
{
    m_frames = std::make_unique<WebSocketFrameRecorder>([this](core::TrafficRecord record) {
        Q_EMIT exchangeCompleted(m_traffic.append(std::move(record)));
    }, &m_config.streaming);
    m_webSockets = std::make_unique<WebSocketGateway>();
    WebSocketGateway *gateway = m_webSockets.get();
    const WebSocketContext context{&m_config, m_tenants.get(), &m_bus, m_auth.get(), m_frames.get()};
    // Sessions are children of the gateway: stopping the mock closes them all.
    auto admitted = [gateway, context](QWebSocket *socket, const std::string &raw,
                                       bool tokenMayFollow = false) -> std::optional<WebSocketCaller> {
        context.recorder->opened(socket, raw);
        auto caller = admitWebSocketCaller(socket, context, tokenMayFollow);
        if (!caller) {
            socket->setParent(gateway);
            QObject::connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
        }
        return caller;
    };
    gateway->addEndpoint(QStringLiteral("/v1/ws/chat"), {QStringLiteral("petstore.chat.v1")},
                         [gateway, context, admitted](QWebSocket *socket, const std::string &raw) {
                             if (auto caller = admitted(socket, raw))
                                 (new ChatSocketSession(socket, std::move(*caller), context))->setParent(gateway);
                         });
    gateway->addEndpoint(QStringLiteral("/v1/ws/events"), {QStringLiteral("petstore.events.v1")},
                         [gateway, context, admitted](QWebSocket *socket, const std::string &raw) {
                             auto caller = admitted(socket, raw);
                             if (!caller)
                                 return;
                             if (auto *session = EventSocketSession::open(socket, std::move(*caller), context))
                                 session->setParent(gateway);
                         });
    gateway->addEndpoint(QStringLiteral("/v1/ws/echo"), {},
                         [gateway, context](QWebSocket *socket, const std::string &raw) {
                             context.recorder->opened(socket, raw);
                             (new EchoSocketSession(socket, context.recorder))->setParent(gateway);
                         });
    // graphql-transport-ws on the GraphQL path; credentials may also come in connection_init.
    gateway->addEndpoint(QStringLiteral("/v1/graphql"), {QStringLiteral("graphql-transport-ws")},
                         [this, gateway, context, admitted](QWebSocket *socket, const std::string &raw) {
                             auto caller = admitted(socket, raw, true);
                             if (!caller)
                                 return;
                             const PaymentScheduler payments(&m_config, m_tenants.get(), this);
                             (new GraphQLSocketSession(socket, std::move(*caller), context, m_graphql.get(), payments))->setParent(gateway);
                         });
    // MQTT over WebSocket (MQTT 5.0 §6): the broker takes the socket like a TCP connection.
    gateway->addEndpoint(QStringLiteral("/mqtt"), {QStringLiteral("mqtt")}, [broker = m_mqtt.get()](QWebSocket *socket, const std::string &) {
        broker->accept(new MqttWebSocketTransport(socket));
    });
    m_listener->setUpgradeFilter([gateway](const core::Http1Request &request) { return gateway->claims(request); });
    connect(m_listener, &HttpFrontListener::upgradeRequested, gateway, &WebSocketGateway::take);
}

core::Status MockServer::startMqtt(const QHostAddress &address)
{
    std::optional<QSslConfiguration> tls;
    if (!m_config.tlsCertFile.empty() || !m_config.tlsKeyFile.empty()) {
        auto loaded = TlsCredentials::load(m_config.tlsCertFile, m_config.tlsKeyFile);
        if (!loaded.ok())
            return loaded.error();
        tls = loaded.value();
    }
    auto listen = [&](MqttListener *&listener, int port, std::optional<QSslConfiguration> configuration) -> core::Status {
        listener = new MqttListener(m_mqtt.get(), std::move(configuration), this);
        if (listener->listen(address, quint16(port)))
            return core::Done{};
        const auto kind = listener->serverError() == QAbstractSocket::AddressInUseError ? core::ErrorKind::Conflict
                                                                                         : core::ErrorKind::Internal;
        const std::string reason = listener->errorString().toStdString();
        delete listener;
        listener = nullptr;
        return core::Error::make(kind, "cannot listen for MQTT on " + m_config.bind + ':' + std::to_string(port) + ": " + reason);
    };
    if (auto plain = listen(m_mqttListener, m_config.mqtt.port, std::nullopt); !plain.ok())
        return plain;
    if (tls)
        return listen(m_mqttTlsListener, m_config.mqtt.tlsPort, tls);
    return core::Done{};
}

core::Status MockServer::startGrpc()
{
    if (!m_config.grpc.enabled())
        return core::Done{};
    GrpcServer::Environment environment{&m_config, m_tenants.get(), &m_bus, m_auth.get(),
                                        PaymentScheduler(&m_config, m_tenants.get(), this),
                                        [this](core::TrafficRecord record) {
                                            Q_EMIT exchangeCompleted(m_traffic.append(std::move(record)));
                                        }};
    auto server = GrpcServer::start(std::move(environment));
    if (!server.ok())
        return server.error();
    m_grpc = std::move(server).value();
    return core::Done{};
}

void MockServer::stop()
{
    // gRPC first: its calls finish on this thread against everything below.
    m_grpc.reset();
    // The broker's retained messages and sessions as they stand, before closing connections ends
    // any: kept for the next start (the explorer restarts its mock) and for persist().
    if (m_mqtt)
        m_restoredMqtt = m_mqtt->snapshot();
    for (MqttListener **listener : {&m_mqttListener, &m_mqttTlsListener}) {
        delete *listener;
        *listener = nullptr;
    }
    m_mqttBridge.reset();
    m_webSockets.reset();
    m_graphqlHttp.reset();
    m_graphql.reset();
    m_mqtt.reset();
    if (m_listener) {
        m_listener->close();
        delete m_listener;
        m_listener = nullptr;
    }
    if (m_tenants)
        persist();
}

bool MockServer::isRunning() const
{
    return m_listener && m_listener->isListening();
}

quint16 MockServer::httpPort() const
{
    return m_listener ? m_listener->serverPort() : 0;
}

quint16 MockServer::mqttPort() const
{
    return m_mqttListener ? m_mqttListener->serverPort() : 0;
}

quint16 MockServer::grpcPort() const
{
    return m_grpc ? quint16(m_grpc->port()) : 0;
}

quint16 MockServer::mqttTlsPort() const
{
    return m_mqttTlsListener ? m_mqttTlsListener->serverPort() : 0;
}

std::uint64_t MockServer::requestCount() const
{
    return m_pipeline ? m_pipeline->requestCount() : 0;
}

std::vector<std::string> MockServer::unhandledOperations() const
{
    return m_router ? m_router->unhandledOperations() : std::vector<std::string>();
}

int MockServer::activeConnections() const
{
    return m_listener ? m_listener->activeConnections() : 0;
}

int MockServer::sseSubscribers() const
{
    return m_eventStreams ? m_eventStreams->subscriberCount() : 0;
}

int MockServer::chatStreams() const
{
    return int(findChildren<ChatCompletionStream *>().size());
}

int MockServer::grpcActiveCalls() const
{
    return m_grpc ? m_grpc->activeCalls() : 0;
}

std::uint64_t MockServer::grpcCalls() const
{
    return m_grpc ? m_grpc->totalCalls() : 0;
}

int MockServer::webSocketConnections() const
{
    return m_webSockets ? m_webSockets->connectionCount() : 0;
}

core::Status MockServer::applyRuntimeConfig(const nlohmann::json &patch)
{
    auto applied = m_config.applyRuntimeJson(patch);
    if (applied.ok()) {
        applyMiddlewareConfig();
        if (m_eventStreams)
            m_eventStreams->applyConfig();
    }
    return applied;
}

void MockServer::applyMiddlewareConfig()
{
    if (m_rateLimit)
        m_rateLimit->configure(m_config.rateLimitCapacity, m_config.rateLimitRefillPerSecond);
    if (m_chaos)
        m_chaos->configure(m_config.latencyMs, m_config.errorRate);
    if (m_auth)
        m_auth->configure(m_config.jwtSecret, m_config.apiKeys);
    if (m_listener) {
        core::Http1RequestParser::Limits limits;
        limits.maxBodyBytes = std::size_t(m_config.maxBodyBytes);
        limits.maxHeaderBytes = std::size_t(m_config.maxHeaderBytes);
        m_listener->setLimits(limits);
    }
    if (m_webSockets)
        m_webSockets->setMaxMessageBytes(m_config.streaming.maxMessageBytes);
}

nlohmann::json MockServer::health() const
{
    return {
        {"status", isRunning() ? "ok" : "stopped"},
        {"version", PETSTORE_VERSION},
        {"uptimeSeconds", m_uptime.isValid() ? m_uptime.elapsed() / 1000 : 0},
        {"auth", toString(m_config.auth)},
        {"protocols", {{"rest", {{"status", isRunning() ? "up" : "down"}, {"port", httpPort()},
                                 {"connections", activeConnections()}, {"requests", requestCount()}}},
                       {"sse", {{"status", isRunning() ? "up" : "down"},
                                {"subscribers", sseSubscribers()},
                                {"chatStreams", chatStreams()},
                                {"droppedSlowConsumers", m_eventStreams ? m_eventStreams->droppedSlowConsumers() : 0}}},
                       {"websocket", {{"status", isRunning() ? "up" : "down"}, {"port", httpPort()},
                                      {"connections", webSocketConnections()}}},
                       {"mqtt", mqttHealth()},
                       {"grpc", grpcHealth()},
                       {"graphql", {{"status", m_graphql ? "up" : "down"}, {"port", httpPort()}, {"path", "/v1/graphql"},
                                    {"schemaPath", "/v1/schema.graphql"}, {"webSocketSubprotocol", "graphql-transport-ws"}}}}},
        {"tenants", m_tenants ? m_tenants->tenantIds().size() : 0},
    };
}

nlohmann::json MockServer::mqttHealth() const
{
    if (!m_mqtt)
        return {{"status", "down"}, {"port", 0}};
    const MqttBroker::Statistics &stats = m_mqtt->statistics();
    nlohmann::json health{{"status", isRunning() ? "up" : "down"}, {"port", mqttPort()},
                          {"webSocketPath", "/mqtt"}, {"clients", m_mqtt->connectedClients()},
                          {"sessions", m_mqtt->sessionCount()}, {"subscriptions", m_mqtt->subscriptionCount()},
                          {"retained", m_mqtt->retainedCount()}, {"publishReceived", stats.publishReceived},
                          {"publishSent", stats.publishSent}, {"publishDropped", stats.publishDropped},
                          {"rejectedReadings", m_mqttBridge ? m_mqttBridge->rejectedCount() : 0}};
    if (mqttTlsPort() != 0)
        health["tlsPort"] = mqttTlsPort();
    return health;
}

nlohmann::json MockServer::grpcHealth() const
{
    if (!m_grpc)
        return {{"status", m_config.grpc.enabled() ? "down" : "disabled"}, {"port", 0}};
    return {{"status", "up"}, {"port", m_grpc->port()}, {"tls", m_grpc->tls()}, {"activeCalls", grpcActiveCalls()},
            {"calls", grpcCalls()}, {"reflection", "grpc.reflection.v1alpha"},
            {"services", {"petstore.v1.PetService", "petstore.v1.OrderService", "petstore.v1.ChatService", "grpc.health.v1.Health"}}};
}

void MockServer::resetData()
{
    m_tenants->reset();
    if (m_mqttBridge)
        m_mqttBridge->publishState();
    m_router->clearIdempotency();
    schedulePersist();
}

core::Status MockServer::loadData()
{
    if (m_config.dataFile.empty())
        return core::Done{};
    m_database = std::make_unique<SnapshotDatabase>(QString::fromStdString(m_config.dataFile));
    if (auto opened = m_database->open(); !opened.ok())
        return opened;
    auto snapshot = m_database->load();
    if (!snapshot.ok())
        return snapshot.error();
    if (snapshot.value().is_null())
        return core::Done{};
    m_restoredMqtt = snapshot.value().value("mqtt", nlohmann::json());
    return m_tenants->restore(snapshot.value());
}

void MockServer::schedulePersist()
{
    if (m_database && !m_persistTimer.isActive())
        m_persistTimer.start();
}

core::Status MockServer::persist()
{
    m_persistTimer.stop();
    if (!m_database || !m_tenants)
        return core::Done{};
    nlohmann::json document = m_tenants->snapshot();
    document["mqtt"] = m_mqtt ? m_mqtt->snapshot() : m_restoredMqtt;
    return m_database->save(document);
}

} // namespace petstore::mock
