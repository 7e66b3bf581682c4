// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/http/httpresponsestream.h"

#include <cerrno>
#include <cstdio>

#if defined(Q_OS_UNIX)
#include <sys/socket.h>
#include <sys/uio.h>

#if defined(MSG_NOSIGNAL)
constexpr int NoSignal = MSG_NOSIGNAL;
#else
constexpr int NoSignal = 0;   // macOS: Qt's socket engine already ignores SIGPIPE process-wide
#endif
#endif

namespace petstore::mock {

HttpResponseStream::HttpResponseStream(QAbstractSocket *socket, bool chunked, QObject *parent)
    : QObject(parent), m_socket(socket), m_chunked(chunked)
{
    connect(socket, &QAbstractSocket::disconnected, this, &HttpResponseStream::markClosed);
}

void HttpResponseStream::write(std::string_view data)
{
    if (!m_open || data.empty())
        return;   // an empty chunk would end the body (RFC 9112 §7.1)
    if (!m_chunked) {
        send({data});
        return;
    }
    char size[20];
    const int length = std::snprintf(size, sizeof size, "%zx\r\n", data.size());
    send({std::string_view(size, std::size_t(length)), data, "\r\n"});
}

void HttpResponseStream::send(std::initializer_list<std::string_view> parts)
{
    if (!m_socket)
        return;
    for (std::string_view part : parts)
        if (m_capture.size() < CaptureLimit)
            m_capture.append(part.substr(0, CaptureLimit - m_capture.size()));
    std::size_t sent = 0;
#if defined(Q_OS_UNIX)
    if (m_socket->bytesToWrite() == 0 && m_socket->socketDescriptor() >= 0) {
        iovec vectors[3];
        int count = 0;
        for (std::string_view part : parts)
            vectors[count++] = iovec{const_cast<char *>(part.data()), part.size()};
        msghdr message{};
        message.msg_iov = vectors;
        message.msg_iovlen = std::size_t(count);
        ssize_t n;
        do {
            // MSG_NOSIGNAL: a peer that went away is an error here, not a SIGPIPE.
            n = ::sendmsg(int(m_socket->socketDescriptor()), &message, NoSignal);
        } while (n < 0 && errno == EINTR);
        sent = n > 0 ? std::size_t(n) : 0;   // EAGAIN and errors: Qt's buffer takes it, and Qt sees the error
    }
#endif
    // Whatever the kernel did not take goes through the socket's queue, after anything already there.
    for (std::string_view part : parts) {
        if (sent >= part.size()) {
            sent -= part.size();
            continue;
        }
        m_socket->write(part.data() + sent, qint64(part.size() - sent));
        sent = 0;
    }
}

void HttpResponseStream::finish()
{
    if (!m_open)
        return;
    if (m_chunked)
        send({"0\r\n\r\n"});
    m_open = false;
    Q_EMIT finished();
}

void HttpResponseStream::abort()
{
    if (!m_open)
        return;
    if (m_socket)
        m_socket->abort();
    markClosed();
}

void HttpResponseStream::markClosed()
{
    if (!m_open)
        return;
    m_open = false;
    Q_EMIT closed();
}

} // namespace petstore::mock
