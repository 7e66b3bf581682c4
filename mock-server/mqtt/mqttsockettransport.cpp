// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/mqtt/mqttsockettransport.h"

#include "mock-server/http/socketpeer.h"

#include <QAbstractSocket>
#include <QHostAddress>

namespace petstore::mock {

MqttSocketTransport::MqttSocketTransport(QAbstractSocket *socket, QObject *parent)
    : MqttTransport(parent)
    , m_socket(socket)
    , m_peer(socket->peerAddress().toString().toStdString() + ':' + std::to_string(socket->peerPort()))
{
    socket->setParent(this);
    connect(socket, &QAbstractSocket::readyRead, this, &MqttSocketTransport::onReadyRead);
    connect(socket, &QAbstractSocket::disconnected, this, [this] { ended(); });
    if (socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &MqttSocketTransport::onReadyRead, Qt::QueuedConnection);
}

void MqttSocketTransport::onReadyRead()
{
    char chunk[16384];
    bool any = false;
    for (qint64 n; (n = m_socket->read(chunk, sizeof chunk)) > 0;) {
        any = true;
        if (!m_closing)
            deliver(std::string_view(chunk, std::size_t(n)));
    }
    if (!any && peerClosed(*m_socket)) {
        m_socket->abort();
        ended();
    }
}

void MqttSocketTransport::write(std::string_view bytes)
{
    if (m_closing)
        return;
    m_pending.append(bytes);
    if (!m_flushPosted) {
        m_flushPosted = true;
        QMetaObject::invokeMethod(this, &MqttSocketTransport::flush, Qt::QueuedConnection);
    }
}

void MqttSocketTransport::flush()
{
    m_flushPosted = false;
    if (m_pending.empty() || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    // An unbuffered socket hands the bytes to the kernel at once and keeps only what it refused.
    m_socket->write(m_pending.data(), qint64(m_pending.size()));
    m_pending.clear();
    if (m_pending.capacity() > 65536)
        m_pending.shrink_to_fit();   // an idle client keeps no large buffer after a burst
}

void MqttSocketTransport::close()
{
    if (m_closing)
        return;
    flush();
    m_closing = true;
    // The transport outlives its connection until the last bytes (a CONNACK refusal, a
    // DISCONNECT with its reason) have left.
    releaseWhen(m_socket, &QAbstractSocket::disconnected, [this] { m_socket->abort(); });
    m_socket->disconnectFromHost();
    if (m_socket->state() == QAbstractSocket::UnconnectedState)
        deleteLater();
}

std::size_t MqttSocketTransport::backlogBytes() const
{
    return m_pending.size() + std::size_t(m_socket->bytesToWrite());
}

} // namespace petstore::mock
