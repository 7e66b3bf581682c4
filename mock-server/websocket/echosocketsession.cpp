// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/websocket/echosocketsession.h"

#include <QWebSocket>

namespace petstore::mock {

EchoSocketSession::EchoSocketSession(QWebSocket *socket, WebSocketFrameRecorder *recorder)
    : m_socket(socket), m_recorder(recorder)
{
    socket->setParent(this);
    connect(socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        m_recorder->received(m_socket, text.toUtf8(), false);
        m_recorder->sendText(m_socket, text);
    });
    connect(socket, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &data) {
        m_recorder->received(m_socket, data, true);
        m_recorder->sendBinary(m_socket, data);
    });
    connect(socket, &QWebSocket::disconnected, this, [this] {
        m_recorder->closed(m_socket);
        deleteLater();
    });
}

} // namespace petstore::mock
