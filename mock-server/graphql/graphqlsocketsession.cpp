// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/graphql/graphqlsocketsession.h"

#include "mock-server/graphql/graphqlsubscriptionfeed.h"

namespace petstore::mock {

namespace {

using json = nlohmann::json;

// graphql-transport-ws close codes (graphql-ws PROTOCOL.md).
constexpr int CloseBadRequest = 4400;
constexpr int CloseUnauthorized = 4401;
constexpr int CloseForbidden = 4403;
constexpr int CloseInitTimeout = 4408;
constexpr int CloseSubscriberExists = 4409;
constexpr int CloseTooManyInits = 4429;

std::optional<std::string> tokenIn(const json &payload)
{
    if (!payload.is_object())
        return std::nullopt;
    for (const char *name : {"Authorization", "authorization"}) {
        const auto it = payload.find(name);
        if (it != payload.end() && it->is_string()) {
            const std::string value = it->get<std::string>();
            return value.rfind("Bearer ", 0) == 0 || value.rfind("bearer ", 0) == 0 ? value.substr(7) : value;
        }
    }
    const auto token = payload.find("token");
    if (token != payload.end() && token->is_string())
        return token->get<std::string>();
    return std::nullopt;
}

} // namespace

GraphQLSocketSession::GraphQLSocketSession(QWebSocket *socket, WebSocketCaller caller, WebSocketContext context,
                                           GraphQLService *service, PaymentScheduler payments)
    : m_socket(socket), m_caller(std::move(caller)), m_context(context), m_service(service), m_payments(payments)
{
    socket->setParent(this);
    connect(socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        m_context.recorder->received(m_socket, text.toUtf8(), false);
        onText(text);
    });
    connect(socket, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &data) {
        m_context.recorder->received(m_socket, data, true);
        closeWith(CloseBadRequest, QStringLiteral("Invalid message: binary frames are not part of graphql-transport-ws"));
    });
    connect(socket, &QWebSocket::disconnected, this, [this] {
        m_context.recorder->closed(m_socket);
        deleteLater();
    });
    m_initTimer.setSingleShot(true);
    connect(&m_initTimer, &QTimer::timeout, this, [this] {
        if (!m_initReceived)
            closeWith(CloseInitTimeout, QStringLiteral("Connection initialisation timeout"));
    });
    m_initTimer.start(InitTimeoutMs);
    m_busSubscription = m_context.bus->subscribe([this](const core::CloudEvent &event) { onEvent(event); });
}

GraphQLSocketSession::~GraphQLSocketSession()
{
    m_context.bus->unsubscribe(m_busSubscription);
}

void GraphQLSocketSession::send(const nlohmann::ordered_json &message)
{
    if (m_socket->state() == QAbstractSocket::ConnectedState)
        m_context.recorder->sendText(m_socket, QString::fromStdString(message.dump(-1, ' ', false, json::error_handler_t::replace)));
}

void GraphQLSocketSession::closeWith(int code, const QString &reason)
{
    m_subscriptions.clear();
    if (m_socket->state() == QAbstractSocket::ConnectedState)
        m_context.recorder->close(m_socket, code, reason);
}

GraphQLRequestContext GraphQLSocketSession::context() const
{
    Caller caller;
    std::vector<std::string> scopes;
    if (m_caller.identity) {
        caller = {true, m_caller.identity->actor};
        scopes = m_caller.identity->scopes;
    }
    return GraphQLRequestContext(m_caller.store, m_caller.tenantId, caller, scopes, m_context.config->auth == AuthMode::Required,
                                 m_payments);
}

void GraphQLSocketSession::onText(const QString &text)
{
    const json message = json::parse(text.toStdString(), nullptr, false);
    if (message.is_discarded() || !message.is_object() || !message.contains("type") || !message["type"].is_string()) {
        closeWith(CloseBadRequest, QStringLiteral("Invalid message received"));
        return;
    }
    const std::string type = message["type"].get<std::string>();
    const json payload = message.value("payload", json());
    if (type == "connection_init") {
        onConnectionInit(payload);
    } else if (type == "ping") {
        nlohmann::ordered_json pong{{"type", "pong"}};
        if (payload.is_object())
            pong["payload"] = payload;
        send(pong);
    } else if (type == "pong") {
        // An answer to nothing we sent, or a client's unsolicited heartbeat: both fine.
    } else if (type == "subscribe" || type == "complete") {
        if (!message.contains("id") || !message["id"].is_string() || message["id"].get<std::string>().empty()) {
            closeWith(CloseBadRequest, QStringLiteral("Invalid message: \"%1\" needs a non-empty string id").arg(QString::fromStdString(type)));
            return;
        }
        const std::string id = message["id"].get<std::string>();
        if (type == "complete")
            m_subscriptions.erase(id);
        else
            onSubscribe(id, payload);
    } else {
        closeWith(CloseBadRequest, QStringLiteral("Invalid message: unknown type \"%1\"").arg(QString::fromStdString(type).left(40)));
    }
}

void GraphQLSocketSession::onConnectionInit(const json &payload)
{
    if (m_initReceived) {
        closeWith(CloseTooManyInits, QStringLiteral("Too many initialisation requests"));
        return;
    }
    m_initReceived = true;
    if (const auto token = tokenIn(payload)) {
        auto identity = m_context.auth->verifyBearer(*token, m_caller.tenantId);
        if (!identity) {
            closeWith(CloseForbidden, QStringLiteral("Forbidden: %1").arg(QString::fromStdString(identity.error().message)).left(120));
            return;
        }
        m_caller.identity = identity.value();
    }
    if (!m_caller.identity && m_context.config->auth == AuthMode::Required) {
        closeWith(CloseForbidden, QStringLiteral("Forbidden: send a token in connection_init {\"Authorization\": \"Bearer ...\"}"));
        return;
    }
    m_acknowledged = true;
    send({{"type", "connection_ack"}});
}

void GraphQLSocketSession::onSubscribe(const std::string &id, const json &payload)
{
    if (!m_acknowledged) {
        closeWith(CloseUnauthorized, QStringLiteral("Unauthorized"));
        return;
    }
    if (!payload.is_object() || !payload.contains("query") || !payload["query"].is_string()) {
        closeWith(CloseBadRequest, QStringLiteral("Invalid message: subscribe needs a payload with a string query"));
        return;
    }
    if (m_subscriptions.count(id)) {
        closeWith(CloseSubscriberExists, QStringLiteral("Subscriber for %1 already exists").arg(QString::fromStdString(id).left(80)));
        return;
    }
    const json operationName = payload.value("operationName", json());
    const json variables = payload.value("variables", json());
    core::GraphQLPrepared prepared = m_service->prepare(payload["query"].get<std::string>(),
                                                        operationName.is_string() ? operationName.get<std::string>() : std::string(),
                                                        variables.is_object() ? variables : json::object());
    if (!prepared.ok()) {
        nlohmann::ordered_json errors = nlohmann::ordered_json::array();
        for (const core::GraphQLError &error : prepared.errors)
            errors.push_back(error.toJson());
        send({{"id", id}, {"type", "error"}, {"payload", errors}});
        return;
    }
    if (prepared.operation->kind != core::GraphQLOperation::Kind::Subscription) {
        GraphQLRequestContext requestContext = context();
        send({{"id", id}, {"type", "next"}, {"payload", m_service->execute(prepared, requestContext).toJson()}});
        send({{"id", id}, {"type", "complete"}});
        return;
    }
    auto root = m_service->subscriptionRoot(prepared);
    if (!root) {
        send({{"id", id}, {"type", "error"}, {"payload", {{{"message", root.error().message}}}}});
        return;
    }
    m_subscriptions.emplace(id, Subscription{std::move(prepared), std::move(root).value()});
}

void GraphQLSocketSession::onEvent(const core::CloudEvent &event)
{
    if (event.tenantId != m_caller.tenantId || m_subscriptions.empty())
        return;
    // /admin/reset may have replaced the tenant's store since the connection opened.
    auto store = m_context.tenants->store(m_caller.tenantId);
    if (!store)
        return;
    m_caller.store = store.value();
    GraphQLRequestContext requestContext = context();
    for (const auto &[id, subscription] : m_subscriptions) {
        auto value = GraphQLSubscriptionFeed::valueFor(subscription.root.field, subscription.root.arguments, event, *m_caller.store,
                                                       requestContext.caller);
        if (!value)
            continue;
        requestContext.storeLookups = 0;
        send({{"id", id}, {"type", "next"}, {"payload", m_service->executeEvent(subscription.prepared, *value, requestContext).toJson()}});
    }
}

} // namespace petstore::mock
