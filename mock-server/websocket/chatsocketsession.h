// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mock-server/websocket/websocketcontext.h"

#include <nlohmann/json.hpp>

#include <QObject>

#include <set>
#include <string>

namespace petstore::mock {

// One connection to /v1/ws/chat (DESIGN §7, AsyncAPI channel `chat`): a support chat with a
// mock agent who answers with the pet advisor, plus channel subscriptions that push domain
// events. Every client message is validated; a bad one gets an `error` message and the
// connection stays open. Owns the socket and deletes itself when it disconnects.
class ChatSocketSession : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxTextLength = 4000;
    static constexpr std::size_t MaxChannels = 100;

    ChatSocketSession(QWebSocket *socket, WebSocketCaller caller, WebSocketContext context);
    ~ChatSocketSession() override;

private:
    void onText(const QString &text);
    void onMessage(const nlohmann::json &message);
    void onUserMessage(const nlohmann::json &message);
    void onSubscription(const nlohmann::json &message, bool subscribe);
    void onEvent(const core::CloudEvent &event);
    void assignAgent();
    void send(const nlohmann::json &message);
    void sendError(const char *code, const std::string &text, const nlohmann::json &clientMessageId = nullptr);
    int agentDelayMs() const;

    QWebSocket *m_socket;
    WebSocketCaller m_caller;
    WebSocketContext m_context;
    std::string m_sessionId;
    std::set<std::string> m_channels;
    core::DomainEventBus::SubscriptionId m_busSubscription = 0;
    std::uint64_t m_nextMessage = 1;
};

} // namespace petstore::mock
