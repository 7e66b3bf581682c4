// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSslConfiguration>
#include <QTcpServer>

#include <optional>

namespace petstore::mock {

class MqttBroker;

// A TCP port of the broker (DESIGN §4): 1883 for plain MQTT, 8883 with TLS when the mock has a
// certificate (MQTT 5.0 §4.2). Every accepted socket becomes a transport for the broker.
class MqttListener : public QTcpServer
{
    Q_OBJECT
public:
    MqttListener(MqttBroker *broker, std::optional<QSslConfiguration> tls, QObject *parent = nullptr);

protected:
    void incomingConnection(qintptr handle) override;

private:
    MqttBroker *m_broker;
    std::optional<QSslConfiguration> m_tls;
};

} // namespace petstore::mock
