// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <string>

namespace petstore::mock {

class MqttBroker;

// The broker's statistics as retained messages under `$SYS/broker/` (the names mosquitto
// uses, so existing dashboards work): clients, messages and bytes in and out, subscriptions,
// retained count, uptime. Published when the broker starts and every mqtt.sysIntervalSeconds.
class MqttSysTopics : public QObject
{
    Q_OBJECT
public:
    explicit MqttSysTopics(MqttBroker *broker, QObject *parent = nullptr);

    void publish();

private:
    void publishValue(const std::string &topic, const std::string &value);

    MqttBroker *m_broker;
    QElapsedTimer m_uptime;
    QTimer m_timer;
};

} // namespace petstore::mock
