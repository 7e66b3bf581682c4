// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/http/httpfrontlistener.h"

#include "mock-server/http/socketpeer.h"

#include <QLoggingCategory>
#include <QTcpSocket>

Q_DECLARE_LOGGING_CATEGORY(lcHttpConnection)

namespace petstore::mock {

HttpFrontListener::HttpFrontListener(QObject *parent) : QTcpServer(parent) {}

void HttpFrontListener::incomingConnection(qintptr handle)
{
    // Unbuffered: an idle connection — one of thousands of SSE subscribers — keeps no socket
    // buffers of its own. Upgrades hand the descriptor to a QTcpSocket (HttpServerConnection).
    QAbstractSocket *socket = adoptAcceptedSocket(handle);
    if (!socket)
        return;
    if (m_active >= m_maxConnections) {
        // Refuse politely rather than let descriptors run out (DESIGN §9 explicit limits).
        qCWarning(lcHttpConnection) << "connection limit reached, refusing" << socket->peerAddress();
        socket->abort();
        socket->deleteLater();
        return;
    }
    ++m_accepted;
    ++m_active;
    auto *connection = new HttpServerConnection(socket, m_limits, m_timeouts, m_errorResponder,
                                               m_upgradeFilter, this);
    connect(connection, &QObject::destroyed, this, [this] { --m_active; });
    connect(connection, &HttpServerConnection::requestReceived, this, &HttpFrontListener::requestReceived);
    connect(connection, &HttpServerConnection::upgradeRequested, this,
            [this](HttpServerConnection *, const core::Http1Request &request, QTcpSocket *upgraded,
                   const std::string &remainder) { Q_EMIT upgradeRequested(request, upgraded, remainder); });
    connect(connection, &HttpServerConnection::responseWritten, this,
            [this, connection](std::uint64_t sequence, const std::string &bytes) {
                Q_EMIT responseWritten(connection, sequence, bytes);
            });
}

} // namespace petstore::mock
