// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mock-server/mqtt/mqtttransport.h"

class QWebSocket;

namespace petstore::mock {

// MQTT over WebSocket at /mqtt on the HTTP port (MQTT 5.0 §6): binary messages only, each may
// hold several packets or part of one. A text message closes the connection (§6.0.0-1).
class MqttWebSocketTransport : public MqttTransport
{
    Q_OBJECT
public:
    // Takes ownership of an open socket whose handshake chose the subprotocol `mqtt`.
    explicit MqttWebSocketTransport(QWebSocket *socket, QObject *parent = nullptr);

    void write(std::string_view bytes) override;
    void close() override;
    std::size_t backlogBytes() const override;
    std::string peer() const override { return m_peer; }

private:
    void flush();

    QWebSocket *m_socket;
    std::string m_peer;
    QByteArray m_pending;
    bool m_flushPosted = false;
    bool m_closing = false;
};

} // namespace petstore::mock
