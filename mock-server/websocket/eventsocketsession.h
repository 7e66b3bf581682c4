// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mock-server/websocket/websocketcontext.h"

#include <QObject>

#include <set>
#include <string>

namespace petstore::mock {

// One connection to /v1/ws/events?channels=...: domain events of the named channels, as
// `{"type":"event","channel","event"}` messages, and nothing else; client messages are
// ignored. A missing or invalid channel list closes with 1008. Owns the socket.
class EventSocketSession : public QObject
{
    Q_OBJECT
public:
    // Reads ?channels= and starts the session, or closes the socket and returns null.
    static EventSocketSession *open(QWebSocket *socket, WebSocketCaller caller, WebSocketContext context);
    ~EventSocketSession() override;

private:
    EventSocketSession(QWebSocket *socket, WebSocketCaller caller, WebSocketContext context,
                       std::set<std::string> channels);
    void onEvent(const core::CloudEvent &event);

    QWebSocket *m_socket;
    WebSocketCaller m_caller;
    WebSocketContext m_context;
    std::set<std::string> m_channels;
    core::DomainEventBus::SubscriptionId m_busSubscription = 0;
};

} // namespace petstore::mock
