// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mock-server/mqtt/mqtttransport.h"

class QAbstractSocket;

namespace petstore::mock {

// MQTT over a TCP socket (plain or QSslSocket). A plain socket is an unbuffered
// QAbstractSocket, as on the HTTP port: idle clients keep no read or write buffers, and the
// packets gathered for one client leave in one write.
class MqttSocketTransport : public MqttTransport
{
    Q_OBJECT
public:
    // Takes ownership of a connected socket.
    explicit MqttSocketTransport(QAbstractSocket *socket, QObject *parent = nullptr);

    void write(std::string_view bytes) override;
    void close() override;
    std::size_t backlogBytes() const override;
    std::string peer() const override { return m_peer; }

private:
    void onReadyRead();
    void flush();

    QAbstractSocket *m_socket;
    std::string m_peer;
    std::string m_pending;
    bool m_flushPosted = false;
    bool m_closing = false;
};

} // namespace petstore::mock
