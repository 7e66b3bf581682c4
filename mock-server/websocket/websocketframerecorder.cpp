// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/websocket/websocketframerecorder.h"

#include "core/traffic/trafficredactor.h"

#include <QWebSocket>

namespace petstore::mock {

namespace {

constexpr std::size_t SummaryPreview = 96;

std::string preview(const QByteArray &payload, bool binary)
{
    if (binary)
        return payload.left(32).toHex(' ').toStdString() + (payload.size() > 32 ? " …" : "");
    std::string text = payload.left(int(SummaryPreview)).toStdString();
    for (char &c : text)
        if (c == '\n' || c == '\r')
            c = ' ';
    return text + (std::size_t(payload.size()) > SummaryPreview ? "…" : "");
}

} // namespace

bool WebSocketFrameRecorder::withinBacklog(QWebSocket *socket)
{
    if (socket->bytesToWrite() <= m_limits->maxQueueBytes)
        return true;
    close(socket, QWebSocketProtocol::CloseCodePolicyViolated,
          QStringLiteral("too slow: the unsent backlog passed streaming.maxQueueBytes"));
    return false;
}

void WebSocketFrameRecorder::sendText(QWebSocket *socket, const QString &text)
{
    if (!withinBacklog(socket))
        return;
    const QByteArray utf8 = text.toUtf8();
    socket->sendTextMessage(text);
    record(socket, "text", false, utf8);
}

void WebSocketFrameRecorder::sendBinary(QWebSocket *socket, const QByteArray &data)
{
    if (!withinBacklog(socket))
        return;
    socket->sendBinaryMessage(data);
    record(socket, "binary", false, data);
}

void WebSocketFrameRecorder::received(QWebSocket *socket, const QByteArray &payload, bool binary)
{
    record(socket, binary ? "binary" : "text", true, payload);
}

void WebSocketFrameRecorder::opened(QWebSocket *socket, const std::string &rawRequest)
{
    core::TrafficRecord r;
    r.time = core::systemNow();
    r.protocol = "websocket";
    r.client = socket->peerAddress().toString().toStdString() + ':' + std::to_string(socket->peerPort());
    r.method = "GET";
    r.path = core::TrafficRedactor::redactTarget(socket->requestUrl().toString(QUrl::RemoveScheme | QUrl::RemoveAuthority).toStdString());
    r.status = 101;
    r.requestBytes = rawRequest.size();
    r.rawRequest = core::TrafficRedactor::redactHttpMessage(rawRequest);
    const std::string subprotocol = socket->subprotocol().toStdString();
    r.rawResponse = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + (subprotocol.empty() ? std::string() : "Sec-WebSocket-Protocol: " + subprotocol + "\r\n") + "\r\n";
    r.summary = "upgrade " + r.path + " -> 101" + (subprotocol.empty() ? std::string() : " (" + subprotocol + ")");
    m_sink(std::move(r));
}

void WebSocketFrameRecorder::close(QWebSocket *socket, int code, const QString &reason)
{
    record(socket, "close", false, QByteArray::number(code) + ' ' + reason.toUtf8(), code);
    socket->close(QWebSocketProtocol::CloseCode(code), reason);
}

void WebSocketFrameRecorder::closed(QWebSocket *socket)
{
    const int code = int(socket->closeCode());
    record(socket, "closed", true, QByteArray::number(code) + ' ' + socket->closeReason().toUtf8(), code);
}

void WebSocketFrameRecorder::record(QWebSocket *socket, const char *kind, bool inbound, const QByteArray &payload,
                                    int status)
{
    core::TrafficRecord r;
    r.time = core::systemNow();
    r.protocol = "websocket";
    r.client = socket->peerAddress().toString().toStdString() + ':' + std::to_string(socket->peerPort());
    r.method = kind;
    r.path = socket->requestUrl().path().toStdString();
    r.status = status;
    const bool binary = std::string_view(kind) == "binary";
    const std::string body = binary ? payload.toStdString()
                                    : core::TrafficRedactor::redactJsonText(payload.toStdString());
    (inbound ? r.rawRequest : r.rawResponse) = body;
    (inbound ? r.requestBytes : r.responseBytes) = std::size_t(payload.size());
    r.summary = std::string(inbound ? "← " : "→ ") + kind + ' ' + std::to_string(payload.size()) + " B "
                + preview(payload, binary);
    m_sink(std::move(r));
}

} // namespace petstore::mock
