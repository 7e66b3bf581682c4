// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/http/httpmessage.h"
#include "core/protocols/http1/http1requestparser.h"
#include "mock-server/http/httpresponsestream.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QAbstractSocket>
#include <QTcpSocket>
#include <QTimer>

#include <cstdint>
#include <functional>
#include <map>

namespace petstore::mock {

// One accepted TCP connection speaking HTTP/1.1. Frames requests with Http1RequestParser (limits
// enforced before buffering), hands each complete request out with a sequence number, and
// writes responses strictly in request order even when a later one is ready first (RFC 9112
// §9.3.2 pipelining). Owns its socket; deletes itself when the socket closes. Lives on the
// mock thread.
class HttpServerConnection : public QObject
{
    Q_OBJECT
public:
    struct Timeouts
    {
        int headMs = 10000;     // a started request head must complete within this (slowloris)
        int idleMs = 60000;     // keep-alive connections idle this long are closed
        int lingerMs = 2000;    // after the last response, how long to drain before closing
    };
    // Builds the reply for a framing error (status 400/413/431/501/505 and the parser's message).
    using ErrorResponder = std::function<core::HttpResponse(int status, const std::string &message)>;
    // Receives the stream of a streamed response once its head is on the wire.
    using StreamStarter = std::function<void(HttpResponseStream &stream)>;
    // Whether an upgrade request is claimed (by a WebSocket endpoint); unclaimed ones are
    // answered as ordinary requests.
    using UpgradeFilter = std::function<bool(const core::Http1Request &request)>;

    // `socket` is unbuffered where the platform allows (see HttpFrontListener).
    HttpServerConnection(QAbstractSocket *socket, core::Http1RequestParser::Limits limits,
                         Timeouts timeouts, ErrorResponder errorResponder, UpgradeFilter upgradeFilter,
                         QObject *parent = nullptr);

    std::uint64_t id() const { return m_id; }
    QString peer() const { return m_peer; }

    // Queues the response to request `sequence`; bytes go out once every earlier response has.
    void respond(std::uint64_t sequence, const core::HttpResponse &response);
    // Queues a response whose body `starter` produces over time through an HttpResponseStream.
    // Later pipelined responses wait until that stream finishes.
    void respondStreaming(std::uint64_t sequence, const core::HttpResponse &response, StreamStarter starter);

Q_SIGNALS:
    // `sequence` identifies the request in respond(). Emitted in arrival order.
    void requestReceived(petstore::mock::HttpServerConnection *connection, std::uint64_t sequence,
                         const petstore::core::Http1Request &request);
    // Exact bytes written for one response (Traffic capture); for a streamed response, the head
    // and the body captured so far, once the stream ends.
    void responseWritten(std::uint64_t sequence, const std::string &bytes);
    // An Upgrade request the filter claimed (e.g. WebSocket). The receiver takes the socket, with
    // the bytes that followed the request head; the connection object is deleted afterwards.
    void upgradeRequested(petstore::mock::HttpServerConnection *connection,
                          const petstore::core::Http1Request &request, QTcpSocket *socket,
                          const std::string &remainder);

private:
    struct Pending
    {
        bool ready = false;
        bool keepAlive = true;
        bool head = false;
        bool chunked = true;   // HTTP/1.1 and later understand the chunked coding
        core::HttpResponse response;
        StreamStarter starter;
    };

    void onReadyRead();
    void flush();
    void startStream(std::uint64_t sequence, Pending pending);
    void endStream(bool keepAlive);
    void closeAfterWrite();

    static std::uint64_t s_nextId;
    std::uint64_t m_id;
    QString m_peer;
    QPointer<QAbstractSocket> m_socket;
    core::Http1RequestParser m_parser;
    Timeouts m_timeouts;
    ErrorResponder m_errorResponder;
    UpgradeFilter m_upgradeFilter;
    QTimer m_timer;
    QPointer<HttpResponseStream> m_stream;   // the streamed response being written, if any
    std::uint64_t m_nextSequence = 1;   // next request number to hand out
    std::uint64_t m_nextToWrite = 1;    // next response number to write
    std::map<std::uint64_t, Pending> m_pending;
    bool m_closing = false;
    bool m_writeShut = false;
};

} // namespace petstore::mock
