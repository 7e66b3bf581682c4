// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/mqtt/mqttwebsockettransport.h"

#include <QWebSocket>

namespace petstore::mock {

MqttWebSocketTransport::MqttWebSocketTransport(QWebSocket *socket, QObject *parent)
    : MqttTransport(parent)
    , m_socket(socket)
    , m_peer(socket->peerAddress().toString().toStdString() + ':' + std::to_string(socket->peerPort()))
{
    socket->setParent(this);
    connect(socket, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &message) {
        if (!m_closing)
            deliver(std::string_view(message.constData(), std::size_t(message.size())));
    });
    connect(socket, &QWebSocket::textMessageReceived, this, [this] {
        m_socket->close(QWebSocketProtocol::CloseCodeDatatypeNotSupported, QStringLiteral("MQTT travels in binary messages"));
        ended();
    });
    connect(socket, &QWebSocket::disconnected, this, [this] { ended(); });
}

void MqttWebSocketTransport::write(std::string_view bytes)
{
    if (m_closing)
        return;
    m_pending.append(bytes.data(), qsizetype(bytes.size()));
    if (!m_flushPosted) {
        m_flushPosted = true;
        QMetaObject::invokeMethod(this, &MqttWebSocketTransport::flush, Qt::QueuedConnection);
    }
}

void MqttWebSocketTransport::flush()
{
    m_flushPosted = false;
    if (m_pending.isEmpty())
        return;
    m_socket->sendBinaryMessage(m_pending);
    m_pending.clear();
}

void MqttWebSocketTransport::close()
{
    if (m_closing)
        return;
    flush();
    m_closing = true;
    releaseWhen(m_socket, &QWebSocket::disconnected, [this] { m_socket->abort(); });
    if (m_socket->state() == QAbstractSocket::UnconnectedState) {
        deleteLater();   // the peer is gone already: no disconnected signal will come
        return;
    }
    m_socket->close();
}

std::size_t MqttWebSocketTransport::backlogBytes() const
{
    return std::size_t(m_pending.size()) + std::size_t(m_socket->bytesToWrite());
}

} // namespace petstore::mock
