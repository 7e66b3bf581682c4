// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mock-server/websocket/websocketframerecorder.h"

#include <QObject>

class QWebSocket;

namespace petstore::mock {

// One connection to /v1/ws/echo: every text and binary message comes back unchanged with the
// same opcode (teaching and benchmarks). Owns the socket.
class EchoSocketSession : public QObject
{
    Q_OBJECT
public:
    EchoSocketSession(QWebSocket *socket, WebSocketFrameRecorder *recorder);

private:
    QWebSocket *m_socket;
    WebSocketFrameRecorder *m_recorder;
};

} // namespace petstore::mock
