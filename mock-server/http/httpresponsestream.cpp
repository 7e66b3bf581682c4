// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/http/httpresponsestream.h"

#include <cstdio>

namespace petstore::mock {

HttpResponseStream::HttpResponseStream(QTcpSocket *socket, bool chunked, QObject *parent)
    : QObject(parent), m_socket(socket), m_chunked(chunked)
{
    connect(socket, &QTcpSocket::disconnected, this, &HttpResponseStream::markClosed);
}

void HttpResponseStream::write(std::string_view data)
{
    if (!m_open || data.empty())
        return;   // an empty chunk would end the body (RFC 9112 §7.1)
    if (!m_chunked) {
        send(data);
        return;
    }
    char size[20];
    const int length = std::snprintf(size, sizeof size, "%zx\r\n", data.size());
    std::string chunk;
    chunk.reserve(std::size_t(length) + data.size() + 2);
    chunk.append(size, std::size_t(length));
    chunk.append(data);
    chunk.append("\r\n");
    send(chunk);
}

void HttpResponseStream::send(std::string_view bytes)
{
    if (!m_socket)
        return;
    m_socket->write(bytes.data(), qint64(bytes.size()));
    if (m_capture.size() < CaptureLimit)
        m_capture.append(bytes.substr(0, CaptureLimit - m_capture.size()));
}

void HttpResponseStream::finish()
{
    if (!m_open)
        return;
    if (m_chunked)
        send("0\r\n\r\n");
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
