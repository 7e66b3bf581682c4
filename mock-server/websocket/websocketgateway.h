// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocols/http1/http1request.h"

#include <QObject>
#include <QPointer>
#include <QTcpSocket>
#include <QStringList>

#include <functional>
#include <map>
#include <string>
#include <vector>

class QWebSocket;
class QWebSocketServer;

namespace petstore::mock {

// Takes WebSocket upgrade requests from the HTTP front listener (DESIGN §4) and completes the
// handshake on a QWebSocketServer of the requested path, which negotiates that endpoint's
// subprotocols (RFC 6455 §4.2.2: a client that asked only for others gets none and fails).
// One QWebSocketServer per path keeps each endpoint's subprotocol list its own. The server
// never listens itself: sockets arrive through take().
class WebSocketGateway : public QObject
{
    Q_OBJECT
public:
    // Receives each connection after the handshake with the raw upgrade request; the endpoint
    // owns the socket from then on.
    using Acceptor = std::function<void(QWebSocket *socket, const std::string &rawRequest)>;

    explicit WebSocketGateway(QObject *parent = nullptr);
    ~WebSocketGateway() override;

    void addEndpoint(const QString &path, const QStringList &subprotocols, Acceptor acceptor);
    // The largest message accepted (larger ones close with 1009), applied to new connections.
    void setMaxMessageBytes(qint64 bytes) { m_maxMessageBytes = bytes; }

    // A WebSocket upgrade (RFC 6455 §4.1) for a registered path.
    bool claims(const core::Http1Request &request) const;
    // Hands the socket, whose request head the HTTP parser already consumed, to the path's
    // QWebSocketServer with those bytes put back in front of `remainder`.
    void take(const core::Http1Request &request, QTcpSocket *socket, const std::string &remainder);

    int connectionCount() const { return m_connections; }

private:
    struct Endpoint
    {
        QWebSocketServer *server = nullptr;
        Acceptor acceptor;
    };

    std::map<QString, Endpoint> m_endpoints;
    // Raw upgrade requests awaiting their QWebSocket, by peer "address:port" (unique per
    // connection; QWebSocket does not expose its QTcpSocket).
    std::map<QString, std::string> m_handshakes;
    // Every socket taken: QWebSocket releases its QTcpSocket with deleteLater, which never runs
    // when the gateway goes away with the mock's thread; the destructor deletes what is left.
    std::vector<QPointer<QTcpSocket>> m_taken;
    qint64 m_maxMessageBytes = 64 * 1024;
    int m_connections = 0;
};

} // namespace petstore::mock
