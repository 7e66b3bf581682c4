// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/traffic/trafficrecord.h"

#include <QByteArray>
#include <QString>

#include <functional>

class QWebSocket;

namespace petstore::mock {

// Sends WebSocket messages for the endpoints and records every message in either direction,
// and each handshake and close, as Traffic records with protocol "websocket" (payloads
// redacted like HTTP bodies). Endpoints send only through it, so the capture is complete.
class WebSocketFrameRecorder
{
public:
    using Sink = std::function<void(core::TrafficRecord)>;
    explicit WebSocketFrameRecorder(Sink sink) : m_sink(std::move(sink)) {}

    void sendText(QWebSocket *socket, const QString &text);
    void sendBinary(QWebSocket *socket, const QByteArray &data);
    void received(QWebSocket *socket, const QByteArray &payload, bool binary);
    // `rawRequest` is the upgrade request as received; the 101 answer is summarised.
    void opened(QWebSocket *socket, const std::string &rawRequest);
    void closed(QWebSocket *socket);
    // Closes with `code` and `reason` (RFC 6455 §7.4) and records why.
    void close(QWebSocket *socket, int code, const QString &reason);

private:
    void record(QWebSocket *socket, const char *kind, bool inbound, const QByteArray &payload, int status = 0);

    Sink m_sink;
};

} // namespace petstore::mock
