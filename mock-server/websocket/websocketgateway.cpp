// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/websocket/websocketgateway.h"

#include <QHostAddress>
#include <QTcpSocket>
#include <QWebSocket>
#include <QWebSocketServer>

#include <algorithm>
#include <limits>

namespace petstore::mock {

namespace {

QString peerKey(const QHostAddress &address, quint16 port)
{
    return address.toString() + QLatin1Char(':') + QString::number(port);
}

} // namespace

WebSocketGateway::WebSocketGateway(QObject *parent) : QObject(parent) {}

WebSocketGateway::~WebSocketGateway()
{
    // Sessions (and the QWebSockets they own) first, then the sockets they released.
    const QObjectList children = this->children();
    for (QObject *child : children)
        if (!qobject_cast<QWebSocketServer *>(child))
            delete child;
    for (const QPointer<QTcpSocket> &socket : m_taken)
        delete socket.data();
}

void WebSocketGateway::addEndpoint(const QString &path, const QStringList &subprotocols, Acceptor acceptor)
{
    auto *server = new QWebSocketServer(QStringLiteral("petstore-mock"), QWebSocketServer::NonSecureMode, this);
    server->setSupportedSubprotocols(subprotocols);
    server->setMaxPendingConnections(std::numeric_limits<int>::max());
    m_endpoints[path] = Endpoint{server, std::move(acceptor)};
    connect(server, &QWebSocketServer::newConnection, this, [this, server, path] {
        while (server->hasPendingConnections()) {
            QWebSocket *socket = server->nextPendingConnection();
            socket->setMaxAllowedIncomingMessageSize(quint64(m_maxMessageBytes));
            ++m_connections;
            connect(socket, &QObject::destroyed, this, [this] { --m_connections; });
            std::string raw;
            if (const auto it = m_handshakes.find(peerKey(socket->peerAddress(), socket->peerPort()));
                it != m_handshakes.end()) {
                raw = std::move(it->second);
                m_handshakes.erase(it);
            }
            m_endpoints.at(path).acceptor(socket, raw);
        }
    });
}

bool WebSocketGateway::claims(const core::Http1Request &request) const
{
    return request.upgradeProtocol() == "websocket" && m_endpoints.count(QString::fromStdString(request.path()));
}

void WebSocketGateway::take(const core::Http1Request &request, QTcpSocket *socket, const std::string &remainder)
{
    const auto it = m_endpoints.find(QString::fromStdString(request.path()));
    if (it == m_endpoints.end()) {
        socket->abort();
        socket->deleteLater();
        return;
    }
    m_taken.erase(std::remove_if(m_taken.begin(), m_taken.end(), [](const QPointer<QTcpSocket> &s) { return s.isNull(); }),
                  m_taken.end());
    m_taken.emplace_back(socket);
    const QString key = peerKey(socket->peerAddress(), socket->peerPort());
    m_handshakes[key] = request.raw;
    // A handshake that fails (bad version, missing key) never yields a QWebSocket.
    connect(socket, &QObject::destroyed, this, [this, key] { m_handshakes.erase(key); });
    // QWebSocketServer reads the handshake itself: give it back the bytes in arrival order.
    const std::string bytes = request.raw + remainder;
    for (auto c = bytes.rbegin(); c != bytes.rend(); ++c)
        socket->ungetChar(*c);
    it->second.server->handleConnection(socket);
    // Bytes already buffered raise no new readyRead: prompt the handshake parser once.
    QMetaObject::invokeMethod(socket, "readyRead", Qt::QueuedConnection);
}

} // namespace petstore::mock
