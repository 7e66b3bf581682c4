// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/traffic/trafficrecord.h"
#include "mock-server/mockconfig.h"

#include <QByteArray>
#include <QString>

#include <functional>

class QWebSocket;

namespace petstore::mock {

// Sends WebSocket messages for the endpoints and records every message in either direction,
// and each handshake and close, as Traffic records with protocol "websocket" (payloads
// redacted like HTTP bodies). Endpoints send only through it, so the capture is complete and
// every connection's backlog is bounded: a peer that owes more than streaming.maxQueueBytes
// is closed with 1008 instead of being queued for without end (DESIGN §9).
class WebSocketFrameRecorder
{
public:
    using Sink = std::function<void(core::TrafficRecord)>;
    WebSocketFrameRecorder(Sink sink, const StreamingConfig *limits) : m_sink(std::move(sink)), m_limits(limits) {}

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
    // Closes a peer whose unsent backlog passed the limit; false then.
    bool withinBacklog(QWebSocket *socket);

    Sink m_sink;
    const StreamingConfig *m_limits;
};

} // namespace petstore::mock
