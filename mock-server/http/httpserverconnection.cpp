// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/http/httpserverconnection.h"

#include "core/protocols/http1/http1responseserializer.h"
#include "mock-server/http/socketpeer.h"

#include <QLoggingCategory>

#if defined(Q_OS_WIN)
#include <winsock2.h>
constexpr int ShutdownWrite = SD_SEND;
#else
#include <sys/socket.h>
#include <unistd.h>
constexpr int ShutdownWrite = SHUT_WR;
#endif

Q_LOGGING_CATEGORY(lcHttpConnection, "petstore.mock.http")

namespace petstore::mock {

std::uint64_t HttpServerConnection::s_nextId = 1;

namespace {

// The connection as a QTcpSocket for the protocol it upgrades to (QWebSocketServer takes only
// those). An unbuffered QAbstractSocket lends its descriptor: a duplicate goes to the new
// socket and the old one closes its own, so the TCP connection itself stays open.
QTcpSocket *handOver(QAbstractSocket *socket)
{
    if (auto *tcp = qobject_cast<QTcpSocket *>(socket))
        return tcp;
#if defined(Q_OS_UNIX)
    const int duplicate = ::dup(int(socket->socketDescriptor()));
    auto *tcp = new QTcpSocket;
    const bool adopted = duplicate >= 0 && tcp->setSocketDescriptor(duplicate);
    socket->abort();
    socket->deleteLater();
    if (!adopted) {
        if (duplicate >= 0)
            ::close(duplicate);
        delete tcp;
        return nullptr;
    }
    tcp->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    return tcp;
#else
    socket->abort();
    socket->deleteLater();
    return nullptr;
#endif
}

} // namespace

HttpServerConnection::HttpServerConnection(QAbstractSocket *socket, core::Http1RequestParser::Limits limits,
                                           Timeouts timeouts, ErrorResponder errorResponder,
                                           UpgradeFilter upgradeFilter, QObject *parent)
    : QObject(parent)
    , m_id(s_nextId++)
    , m_peer(socket->peerAddress().toString() + QLatin1Char(':') + QString::number(socket->peerPort()))
    , m_socket(socket)
    , m_parser(limits)
    , m_timeouts(timeouts)
    , m_errorResponder(std::move(errorResponder))
    , m_upgradeFilter(std::move(upgradeFilter))
{
    socket->setParent(this);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        qCDebug(lcHttpConnection) << "closing idle connection" << m_peer;
        if (m_socket)
            m_socket->abort();
    });
    connect(socket, &QAbstractSocket::readyRead, this, &HttpServerConnection::onReadyRead);
    connect(socket, &QAbstractSocket::disconnected, this, &QObject::deleteLater);
    connect(socket, &QAbstractSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (error != QAbstractSocket::RemoteHostClosedError)
            qCDebug(lcHttpConnection) << "socket error" << error << m_peer;
    });
    m_timer.start(m_timeouts.headMs);
    if (socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &HttpServerConnection::onReadyRead, Qt::QueuedConnection);
}

void HttpServerConnection::onReadyRead()
{
    if (!m_socket)
        return;
    char chunk[4096];
    QByteArray bytes;
    for (qint64 n; (n = m_socket->read(chunk, sizeof chunk)) > 0;)
        bytes.append(chunk, n);
    if (bytes.isEmpty() && peerClosed(*m_socket)) {
        if (m_stream)
            m_stream->abort();   // its producer stops, its exchange is recorded
        m_socket->abort();
        deleteLater();
        return;
    }
    if (m_closing)
        return;   // lingering close: read and discard what the client still sends
    m_parser.feed(std::string_view(bytes.constData(), std::size_t(bytes.size())));
    if (m_parser.takeContinueRequest())
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");   // RFC 9110 §10.1.1

    while (m_parser.hasRequest()) {
        core::Http1Request request = m_parser.takeRequest();
        const std::uint64_t sequence = m_nextSequence++;
        Pending &pending = m_pending[sequence];
        pending.keepAlive = request.keepAlive();
        pending.head = request.method == "HEAD";
        pending.chunked = request.versionMinor >= 1;
        if (m_parser.upgraded() && m_pending.size() == 1 && !m_stream && m_upgradeFilter
            && m_upgradeFilter(request)) {
            m_pending.clear();
            m_timer.stop();
            QAbstractSocket *socket = m_socket.data();
            socket->disconnect(this);
            socket->setParent(nullptr);
            m_socket.clear();
            QTcpSocket *upgraded = handOver(socket);
            if (!upgraded) {
                deleteLater();
                return;
            }
            Q_EMIT upgradeRequested(this, request, upgraded, m_parser.takeRemainder());
            deleteLater();
            return;
        }
        if (m_parser.upgraded())
            pending.keepAlive = false;  // nobody speaks the new protocol: answer, then close
        Q_EMIT requestReceived(this, sequence, request);
    }
    if (m_parser.failed()) {
        const std::uint64_t sequence = m_nextSequence++;
        Pending &pending = m_pending[sequence];
        pending.ready = true;
        pending.keepAlive = false;
        pending.response = m_errorResponder(m_parser.errorStatus(), m_parser.errorMessage());
        m_closing = true;
        flush();
        return;
    }
    // A partly received head keeps the short head timer; otherwise wait idle for the next one.
    // A streaming response is never idle: it ends when its producer or the client says so.
    if (m_stream)
        m_timer.stop();
    else
        m_timer.start(m_parser.bufferedBytes() > 0 ? m_timeouts.headMs : m_timeouts.idleMs);
}

void HttpServerConnection::respond(std::uint64_t sequence, const core::HttpResponse &response)
{
    const auto it = m_pending.find(sequence);
    if (it == m_pending.end() || it->second.ready)
        return;
    it->second.ready = true;
    it->second.response = response;
    flush();
}

void HttpServerConnection::respondStreaming(std::uint64_t sequence, const core::HttpResponse &response,
                                            StreamStarter starter)
{
    const auto it = m_pending.find(sequence);
    if (it == m_pending.end() || it->second.ready)
        return;
    it->second.starter = std::move(starter);
    respond(sequence, response);
}

void HttpServerConnection::flush()
{
    while (m_socket && !m_stream) {
        const auto it = m_pending.find(m_nextToWrite);
        if (it == m_pending.end() || !it->second.ready)
            return;
        if (it->second.starter && !it->second.head) {
            Pending pending = std::move(it->second);
            m_pending.erase(it);
            startStream(m_nextToWrite++, std::move(pending));
            return;
        }
        const Pending &pending = it->second;
        const std::string bytes =
            core::Http1ResponseSerializer::serialize(pending.response, pending.keepAlive, pending.head);
        m_socket->write(bytes.data(), qint64(bytes.size()));
        Q_EMIT responseWritten(m_nextToWrite, bytes);
        const bool keepAlive = pending.keepAlive;
        m_pending.erase(it);
        ++m_nextToWrite;
        if (!keepAlive) {
            closeAfterWrite();
            return;
        }
    }
}

void HttpServerConnection::startStream(std::uint64_t sequence, Pending pending)
{
    // HTTP/1.0 has no chunked coding: the body ends when the connection does (RFC 9112 §6.3).
    const bool keepAlive = pending.keepAlive && pending.chunked;
    const std::string head = core::Http1ResponseSerializer::serializeStreamHead(pending.response, keepAlive,
                                                                                pending.chunked);
    m_socket->write(head.data(), qint64(head.size()));
    m_timer.stop();
    auto *stream = new HttpResponseStream(m_socket, pending.chunked, this);
    m_stream = stream;
    connect(stream, &HttpResponseStream::finished, this, [this, stream, sequence, head, keepAlive] {
        Q_EMIT responseWritten(sequence, head + stream->capture());
        stream->deleteLater();
        endStream(keepAlive);
    });
    connect(stream, &HttpResponseStream::closed, this, [this, stream, sequence, head] {
        Q_EMIT responseWritten(sequence, head + stream->capture());
    });
    pending.starter(*stream);
}

void HttpServerConnection::endStream(bool keepAlive)
{
    m_stream.clear();
    if (!keepAlive) {
        closeAfterWrite();
        return;
    }
    m_timer.start(m_timeouts.idleMs);
    flush();
}

void HttpServerConnection::closeAfterWrite()
{
    // RFC 9112 §9.6: close the sending side first and keep reading for a while, so a client
    // still uploading (a refused 2 MB body) reads our response instead of a connection reset.
    m_closing = true;
    m_pending.clear();
    m_timer.start(m_timeouts.lingerMs);
    auto shutdownWrite = [this] {
        if (!m_socket || m_writeShut || m_socket->bytesToWrite() > 0)
            return;
        m_writeShut = true;
        ::shutdown(int(m_socket->socketDescriptor()), ShutdownWrite);
    };
    connect(m_socket, &QAbstractSocket::bytesWritten, this, shutdownWrite);
    m_socket->flush();
    shutdownWrite();
}

} // namespace petstore::mock
