// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>
#include <QAbstractSocket>

#include <string>
#include <string_view>

namespace petstore::mock {

// The body of a response produced over time — Server-Sent Events, a streamed chat answer. On
// HTTP/1.1 each write is one chunk of the chunked transfer coding (RFC 9112 §7.1); on HTTP/1.0
// the body is delimited by closing the connection (RFC 9112 §6.3). Created by
// HttpServerConnection, which owns it; producers keep a QPointer and stop on closed().
class HttpResponseStream : public QObject
{
    Q_OBJECT
public:
    HttpResponseStream(QAbstractSocket *socket, bool chunked, QObject *parent = nullptr);

    // Sends `data` at once (nothing is held back: SSE needs each event on the wire as it happens).
    void write(std::string_view data);
    // Ends the body (the last chunk); the connection then serves its next request or closes.
    void finish();
    // Drops the connection, e.g. for a consumer that stopped reading (DESIGN §9 bounded queues).
    void abort();

    bool isOpen() const { return m_open; }
    // Bytes handed to the socket and not yet taken by the kernel: a consumer's backlog.
    qint64 pendingBytes() const { return m_socket ? m_socket->bytesToWrite() : 0; }
    // The start of the body as sent (with chunk framing), up to `CaptureLimit` bytes, for the
    // Traffic dock. Small, because thousands of event streams may be open at once.
    const std::string &capture() const { return m_capture; }
    static constexpr std::size_t CaptureLimit = 16 * 1024;

Q_SIGNALS:
    void finished();
    // The peer went away or abort() was called: whatever feeds this stream must stop.
    void closed();

private:
    // Writes the parts in order as one piece: straight to the kernel when nothing is queued
    // (one event reaches thousands of streams without waiting for the event loop or growing a
    // write buffer per socket), through the socket's own queue otherwise.
    void send(std::initializer_list<std::string_view> parts);
    void markClosed();

    QPointer<QAbstractSocket> m_socket;
    bool m_chunked;
    bool m_open = true;
    std::string m_capture;
};

} // namespace petstore::mock
