// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/mqtt/mqttpacketsummary.h"

#include "core/protocols/mqtt/mqttreasoncode.h"

namespace petstore::core {

namespace {

std::string reason(std::uint8_t code)
{
    return code == MqttReasonCode::Success ? std::string() : ' ' + mqttReasonCodeName(code);
}

struct Describer
{
    std::string operator()(const MqttConnect &p) const
    {
        std::string s = "CONNECT " + (p.clientId.empty() ? std::string("(no client id)") : p.clientId)
                        + (p.version == MqttVersion::V5 ? " v5" : " v3.1.1")
                        + (p.cleanStart ? " clean" : "") + " keepalive " + std::to_string(p.keepAlive);
        if (p.username)
            s += " user " + *p.username;
        if (p.will)
            s += " will " + p.will->topic;
        return s;
    }
    std::string operator()(const MqttConnAck &p) const
    {
        return std::string("CONNACK") + (p.sessionPresent ? " session present" : "")
               + (p.reasonCode == 0 ? " accepted" : ' ' + mqttReasonCodeName(p.reasonCode));
    }
    std::string operator()(const MqttPublish &p) const
    {
        std::string s = "PUBLISH " + (p.topic.empty() ? std::string("(alias)") : p.topic) + " QoS "
                        + std::to_string(p.qos);
        if (p.qos > 0)
            s += " id " + std::to_string(p.packetId);
        if (p.retain)
            s += " retain";
        if (p.dup)
            s += " dup";
        return s + " (" + std::to_string(p.payload.size()) + " B)";
    }
    std::string operator()(const MqttPubAck &p) const
    {
        return std::string(MqttPacketSummary::typeName(p.type)) + " id " + std::to_string(p.packetId) + reason(p.reasonCode);
    }
    std::string operator()(const MqttSubscribe &p) const
    {
        std::string s = "SUBSCRIBE id " + std::to_string(p.packetId);
        for (const auto &sub : p.subscriptions)
            s += ' ' + sub.filter + " (QoS " + std::to_string(sub.qos) + ')';
        return s;
    }
    std::string operator()(const MqttSubAck &p) const
    {
        std::string s = std::string(MqttPacketSummary::typeName(p.type)) + " id " + std::to_string(p.packetId);
        for (std::uint8_t code : p.reasonCodes)
            s += ' ' + mqttReasonCodeName(code);
        return s;
    }
    std::string operator()(const MqttUnsubscribe &p) const
    {
        std::string s = "UNSUBSCRIBE id " + std::to_string(p.packetId);
        for (const auto &filter : p.filters)
            s += ' ' + filter;
        return s;
    }
    std::string operator()(const MqttPing &p) const { return p.response ? "PINGRESP" : "PINGREQ"; }
    std::string operator()(const MqttDisconnect &p) const
    {
        return std::string(MqttPacketSummary::typeName(p.type)) + reason(p.reasonCode);
    }
};

} // namespace

const char *MqttPacketSummary::typeName(MqttPacketType type)
{
    static const char *const names[] = {"RESERVED", "CONNECT", "CONNACK", "PUBLISH", "PUBACK", "PUBREC",
                                        "PUBREL", "PUBCOMP", "SUBSCRIBE", "SUBACK", "UNSUBSCRIBE",
                                        "UNSUBACK", "PINGREQ", "PINGRESP", "DISCONNECT", "AUTH"};
    return names[std::uint8_t(type) & 0x0F];
}

std::string MqttPacketSummary::describe(const MqttPacket &packet)
{
    return std::visit(Describer{}, packet);
}

} // namespace petstore::core
