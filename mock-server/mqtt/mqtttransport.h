// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QTimer>

#include <functional>
#include <string>
#include <string_view>

namespace petstore::mock {

// The byte pipe under one MQTT connection: TCP, TLS or WebSocket (MQTT 5.0 §4.2, §6). Writes
// are gathered and go out together once control returns to the event loop, so a burst of
// packets to one client costs one system call.
class MqttTransport : public QObject
{
    Q_OBJECT
public:
    using BytesHandler = std::function<void(std::string_view)>;
    using ClosedHandler = std::function<void()>;

    using QObject::QObject;

    // Called for every chunk received, and once when the peer or the network ends the stream.
    void setHandlers(BytesHandler onBytes, ClosedHandler onClosed)
    {
        m_onBytes = std::move(onBytes);
        m_onClosed = std::move(onClosed);
    }

    virtual void write(std::string_view bytes) = 0;
    // Sends what is pending, then closes and deletes itself: from now on it belongs to no
    // connection and calls no handler.
    virtual void close() = 0;
    // Bytes accepted by write() and not yet taken by the kernel.
    virtual std::size_t backlogBytes() const = 0;
    virtual std::string peer() const = 0;

protected:
    void deliver(std::string_view bytes)
    {
        if (m_onBytes)
            m_onBytes(bytes);
    }
    void ended()
    {
        if (auto onClosed = std::exchange(m_onClosed, nullptr))
            onClosed();
    }
    // For close(): the transport leaves its connection (no handlers; its parent becomes the
    // connection's, the broker, so stopping the broker still ends it) and deletes itself when
    // `socket` emits `disconnected`, or after a grace period in which the last bytes could have
    // left — then `cutOff` drops a peer that never read them.
    template<typename Socket, typename Signal>
    void releaseWhen(Socket *socket, Signal disconnected, std::function<void()> cutOff)
    {
        setHandlers(nullptr, nullptr);
        setParent(parent() ? parent()->parent() : nullptr);
        connect(socket, disconnected, this, &QObject::deleteLater);
        QTimer::singleShot(CloseGraceMs, this, [this, cutOff = std::move(cutOff)] {
            cutOff();
            deleteLater();
        });
    }

private:
    static constexpr int CloseGraceMs = 5000;
    BytesHandler m_onBytes;
    ClosedHandler m_onClosed;
};

} // namespace petstore::mock
