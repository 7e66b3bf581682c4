// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/mqtt/mqttlistener.h"

#include "mock-server/mqtt/mqttbroker.h"
#include "mock-server/mqtt/mqttsockettransport.h"

#include <QSslSocket>

namespace petstore::mock {

MqttListener::MqttListener(MqttBroker *broker, std::optional<QSslConfiguration> tls, QObject *parent)
    : QTcpServer(parent), m_broker(broker), m_tls(std::move(tls))
{
}

void MqttListener::incomingConnection(qintptr handle)
{
    if (m_tls) {
        auto *socket = new QSslSocket;
        if (!socket->setSocketDescriptor(handle)) {
            delete socket;
            return;
        }
        socket->setSslConfiguration(*m_tls);
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        // Sockets whose handshake fails are closed by Qt and end like any other connection.
        socket->startServerEncryption();
        m_broker->accept(new MqttSocketTransport(socket, "tls"));
        return;
    }
#if defined(Q_OS_UNIX)
    // Unbuffered, as on the HTTP port: ten thousand idle devices keep no socket buffers of
    // their own (docs/performance.md).
    auto *socket = new QAbstractSocket(QAbstractSocket::TcpSocket, nullptr);
#else
    auto *socket = new QTcpSocket;
#endif
    if (!socket->setSocketDescriptor(handle, QAbstractSocket::ConnectedState, QIODevice::ReadWrite | QIODevice::Unbuffered)) {
        delete socket;
        return;
    }
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_broker->accept(new MqttSocketTransport(socket, "tcp"));
}

} // namespace petstore::mock
