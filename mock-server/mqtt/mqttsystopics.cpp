// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/mqtt/mqttsystopics.h"

#include "mock-server/mqtt/mqttbroker.h"

namespace petstore::mock {

MqttSysTopics::MqttSysTopics(MqttBroker *broker, QObject *parent) : QObject(parent), m_broker(broker)
{
    m_uptime.start();
    m_timer.setInterval(broker->config().sysIntervalSeconds * 1000);
    connect(&m_timer, &QTimer::timeout, this, &MqttSysTopics::publish);
    m_timer.start();
    publish();
}

void MqttSysTopics::publish()
{
    const MqttBroker::Statistics &s = m_broker->statistics();
    publishValue("$SYS/broker/version", "petstore-mock " PETSTORE_VERSION);
    publishValue("$SYS/broker/uptime", std::to_string(m_uptime.elapsed() / 1000) + " seconds");
    publishValue("$SYS/broker/clients/connected", std::to_string(m_broker->connectedClients()));
    publishValue("$SYS/broker/clients/total", std::to_string(m_broker->sessionCount()));
    publishValue("$SYS/broker/messages/received", std::to_string(s.packetsReceived));
    publishValue("$SYS/broker/messages/sent", std::to_string(s.packetsSent));
    publishValue("$SYS/broker/bytes/received", std::to_string(s.bytesReceived));
    publishValue("$SYS/broker/bytes/sent", std::to_string(s.bytesSent));
    publishValue("$SYS/broker/publish/messages/received", std::to_string(s.publishReceived));
    publishValue("$SYS/broker/publish/messages/sent", std::to_string(s.publishSent));
    publishValue("$SYS/broker/publish/messages/dropped", std::to_string(s.publishDropped));
    publishValue("$SYS/broker/subscriptions/count", std::to_string(m_broker->subscriptionCount()));
    publishValue("$SYS/broker/retained messages/count", std::to_string(m_broker->retainedCount()));
}

void MqttSysTopics::publishValue(const std::string &topic, const std::string &value)
{
    MqttMessage message;
    message.topic = topic;
    message.payload = value;
    message.retain = true;
    m_broker->publish(std::move(message));
}

} // namespace petstore::mock
