// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/http/httpfrontlistener.h"

#include <QLoggingCategory>
#include <QTcpSocket>

Q_DECLARE_LOGGING_CATEGORY(lcHttpConnection)

namespace petstore::mock {

HttpFrontListener::HttpFrontListener(QObject *parent) : QTcpServer(parent) {}

void HttpFrontListener::incomingConnection(qintptr handle)
{
#if defined(Q_OS_UNIX)
    // A plain QAbstractSocket is unbuffered (QTcpSocket buffers): reads and writes go straight
    // between the kernel and our parser, so an idle connection — one of thousands of SSE
    // subscribers — keeps no 16 KiB read and write buffers of its own. Upgrades hand the
    // descriptor to a QTcpSocket (HttpServerConnection).
    auto *socket = new QAbstractSocket(QAbstractSocket::TcpSocket, nullptr);
#else
    auto *socket = new QTcpSocket;
#endif
    // QIODevice::Unbuffered as well, or QIODevice itself would buffer reads smaller than 16 KiB.
    if (!socket->setSocketDescriptor(handle, QAbstractSocket::ConnectedState, QIODevice::ReadWrite | QIODevice::Unbuffered)) {
        delete socket;
        return;
    }
    if (m_active >= m_maxConnections) {
        // Refuse politely rather than let descriptors run out (DESIGN §9 explicit limits).
        qCWarning(lcHttpConnection) << "connection limit reached, refusing" << socket->peerAddress();
        socket->abort();
        socket->deleteLater();
        return;
    }
    // Small request/response exchanges: do not wait for Nagle's algorithm.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
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
