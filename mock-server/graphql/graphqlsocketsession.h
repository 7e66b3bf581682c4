// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocols/graphql/graphqlengine.h"
#include "mock-server/graphql/graphqlservice.h"
#include "mock-server/paymentscheduler.h"
#include "mock-server/websocket/websocketcontext.h"

#include <QObject>
#include <QTimer>

#include <map>
#include <optional>
#include <string>

namespace petstore::mock {

// One graphql-transport-ws connection to /v1/graphql (graphql-ws PROTOCOL.md): connection_init
// → connection_ack (credentials may come in its payload as {"Authorization": "Bearer …"} or
// {"token": …}), ping/pong, subscribe → next… → complete or error, client complete cancels.
// Subscriptions are fed by the domain event bus; queries and mutations answer once. Protocol
// violations close with the documented codes: 4400 invalid message, 4401 subscribe before
// ack, 4403 forbidden, 4408 no connection_init within 3 s, 4409 duplicate id, 4429 second
// connection_init. Owns the socket.
class GraphQLSocketSession : public QObject
{
    Q_OBJECT
public:
    static constexpr int InitTimeoutMs = 3000;

    GraphQLSocketSession(QWebSocket *socket, WebSocketCaller caller, WebSocketContext context, GraphQLService *service,
                         PaymentScheduler payments);
    ~GraphQLSocketSession() override;

private:
    struct Subscription
    {
        core::GraphQLPrepared prepared;
        core::GraphQLEngine::SubscriptionRoot root;
    };

    void onText(const QString &text);
    void onConnectionInit(const nlohmann::json &payload);
    void onSubscribe(const std::string &id, const nlohmann::json &payload);
    void onEvent(const core::CloudEvent &event);
    void send(const nlohmann::ordered_json &message);
    void closeWith(int code, const QString &reason);
    GraphQLRequestContext context() const;

    QWebSocket *m_socket;
    WebSocketCaller m_caller;
    WebSocketContext m_context;
    GraphQLService *m_service;
    PaymentScheduler m_payments;
    QTimer m_initTimer;
    bool m_initReceived = false;
    bool m_acknowledged = false;
    std::map<std::string, Subscription> m_subscriptions;
    core::DomainEventBus::SubscriptionId m_busSubscription = 0;
};

} // namespace petstore::mock
