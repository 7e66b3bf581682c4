// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/mqtt/mqttlistener.h"

#include "mock-server/http/socketpeer.h"

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
        m_broker->accept(new MqttSocketTransport(socket));
        return;
    }
    // Unbuffered, as on the HTTP port: ten thousand idle devices keep no socket buffers of
    // their own (docs/performance.md).
    QAbstractSocket *socket = adoptAcceptedSocket(handle);
    if (!socket)
        return;
    m_broker->accept(new MqttSocketTransport(socket));
}

} // namespace petstore::mock
