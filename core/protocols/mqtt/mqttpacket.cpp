// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/mqtt/mqttpacket.h"

#include <tuple>

namespace petstore::core {

bool MqttWill::operator==(const MqttWill &o) const
{
    return std::tie(topic, payload, qos, retain, properties) == std::tie(o.topic, o.payload, o.qos, o.retain, o.properties);
}

bool MqttConnect::operator==(const MqttConnect &o) const
{
    return std::tie(version, cleanStart, keepAlive, clientId, will, username, password, properties)
           == std::tie(o.version, o.cleanStart, o.keepAlive, o.clientId, o.will, o.username, o.password, o.properties);
}

bool MqttConnAck::operator==(const MqttConnAck &o) const
{
    return std::tie(sessionPresent, reasonCode, properties) == std::tie(o.sessionPresent, o.reasonCode, o.properties);
}

bool MqttPublish::operator==(const MqttPublish &o) const
{
    return std::tie(dup, qos, retain, topic, packetId, payload, properties)
           == std::tie(o.dup, o.qos, o.retain, o.topic, o.packetId, o.payload, o.properties);
}

bool MqttPubAck::operator==(const MqttPubAck &o) const
{
    return std::tie(type, packetId, reasonCode, properties) == std::tie(o.type, o.packetId, o.reasonCode, o.properties);
}

bool MqttSubscription::operator==(const MqttSubscription &o) const
{
    return std::tie(filter, qos, noLocal, retainAsPublished, retainHandling)
           == std::tie(o.filter, o.qos, o.noLocal, o.retainAsPublished, o.retainHandling);
}

bool MqttSubscribe::operator==(const MqttSubscribe &o) const
{
    return std::tie(packetId, subscriptions, properties) == std::tie(o.packetId, o.subscriptions, o.properties);
}

bool MqttSubAck::operator==(const MqttSubAck &o) const
{
    return std::tie(type, packetId, reasonCodes, properties) == std::tie(o.type, o.packetId, o.reasonCodes, o.properties);
}

bool MqttUnsubscribe::operator==(const MqttUnsubscribe &o) const
{
    return std::tie(packetId, filters, properties) == std::tie(o.packetId, o.filters, o.properties);
}

bool MqttDisconnect::operator==(const MqttDisconnect &o) const
{
    return std::tie(type, reasonCode, properties) == std::tie(o.type, o.reasonCode, o.properties);
}

MqttPacketType packetType(const MqttPacket &packet)
{
    struct Visitor
    {
        MqttPacketType operator()(const MqttConnect &) const { return MqttPacketType::Connect; }
        MqttPacketType operator()(const MqttConnAck &) const { return MqttPacketType::ConnAck; }
        MqttPacketType operator()(const MqttPublish &) const { return MqttPacketType::Publish; }
        MqttPacketType operator()(const MqttPubAck &p) const { return p.type; }
        MqttPacketType operator()(const MqttSubscribe &) const { return MqttPacketType::Subscribe; }
        MqttPacketType operator()(const MqttSubAck &p) const { return p.type; }
        MqttPacketType operator()(const MqttUnsubscribe &) const { return MqttPacketType::Unsubscribe; }
        MqttPacketType operator()(const MqttPing &p) const { return p.response ? MqttPacketType::PingResp : MqttPacketType::PingReq; }
        MqttPacketType operator()(const MqttDisconnect &p) const { return p.type; }
    };
    return std::visit(Visitor{}, packet);
}

} // namespace petstore::core
