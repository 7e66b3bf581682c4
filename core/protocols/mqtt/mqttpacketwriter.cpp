// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/mqtt/mqttpacketwriter.h"

namespace petstore::core {

namespace {

std::string frame(std::uint8_t header, const MqttByteWriter &body)
{
    MqttByteWriter out;
    out.u8(header);
    out.variableInt(std::uint32_t(body.size()));
    out.raw(body.bytes());
    return out.take();
}

std::uint8_t header(MqttPacketType type, std::uint8_t flags = 0)
{
    return std::uint8_t(std::uint8_t(type) << 4 | flags);
}

struct Encoder
{
    MqttVersion version;
    bool v5() const { return version == MqttVersion::V5; }

    std::string operator()(const MqttConnect &p) const
    {
        MqttByteWriter b;
        b.string("MQTT");
        b.u8(std::uint8_t(p.version));
        std::uint8_t flags = 0;
        if (p.username)
            flags |= 0x80;
        if (p.password)
            flags |= 0x40;
        if (p.will) {
            flags |= 0x04 | std::uint8_t(p.will->qos << 3);
            if (p.will->retain)
                flags |= 0x20;
        }
        if (p.cleanStart)
            flags |= 0x02;
        b.u8(flags);
        b.u16(p.keepAlive);
        if (p.version == MqttVersion::V5)
            p.properties.write(b);
        b.string(p.clientId);
        if (p.will) {
            if (p.version == MqttVersion::V5)
                p.will->properties.write(b);
            b.string(p.will->topic);
            b.binary(p.will->payload);
        }
        if (p.username)
            b.string(*p.username);
        if (p.password)
            b.binary(*p.password);
        return frame(header(MqttPacketType::Connect), b);
    }

    std::string operator()(const MqttConnAck &p) const
    {
        MqttByteWriter b;
        b.u8(p.sessionPresent ? 1 : 0);
        b.u8(p.reasonCode);
        if (v5())
            p.properties.write(b);
        return frame(header(MqttPacketType::ConnAck), b);
    }

    std::string operator()(const MqttPublish &p) const
    {
        MqttByteWriter b;
        b.string(p.topic);
        if (p.qos > 0)
            b.u16(p.packetId);
        if (v5())
            p.properties.write(b);
        b.raw(p.payload);
        const std::uint8_t flags = std::uint8_t((p.dup ? 0x08 : 0) | p.qos << 1 | (p.retain ? 0x01 : 0));
        return frame(header(MqttPacketType::Publish, flags), b);
    }

    std::string operator()(const MqttPubAck &p) const
    {
        MqttByteWriter b;
        b.u16(p.packetId);
        // v5 §3.4.2.1: reason code and properties may be left out when 0 and empty.
        const bool properties = p.properties.encodedSize() > 1;
        if (v5() && (p.reasonCode != 0 || properties)) {
            b.u8(p.reasonCode);
            if (properties)
                p.properties.write(b);
        }
        // PUBREL's fixed header flags are 0010 (§3.6.1).
        return frame(header(p.type, p.type == MqttPacketType::PubRel ? 0x02 : 0x00), b);
    }

    std::string operator()(const MqttSubscribe &p) const
    {
        MqttByteWriter b;
        b.u16(p.packetId);
        if (v5())
            p.properties.write(b);
        for (const MqttSubscription &s : p.subscriptions) {
            b.string(s.filter);
            std::uint8_t options = s.qos;
            if (v5())
                options |= std::uint8_t((s.noLocal ? 0x04 : 0) | (s.retainAsPublished ? 0x08 : 0) | s.retainHandling << 4);
            b.u8(options);
        }
        return frame(header(MqttPacketType::Subscribe, 0x02), b);
    }

    std::string operator()(const MqttSubAck &p) const
    {
        MqttByteWriter b;
        b.u16(p.packetId);
        if (v5())
            p.properties.write(b);
        // 3.1.1's UNSUBACK is the packet identifier alone (§3.11.3).
        if (v5() || p.type == MqttPacketType::SubAck)
            for (std::uint8_t code : p.reasonCodes)
                b.u8(code);
        return frame(header(p.type), b);
    }

    std::string operator()(const MqttUnsubscribe &p) const
    {
        MqttByteWriter b;
        b.u16(p.packetId);
        if (v5())
            p.properties.write(b);
        for (const std::string &filter : p.filters)
            b.string(filter);
        return frame(header(MqttPacketType::Unsubscribe, 0x02), b);
    }

    std::string operator()(const MqttPing &p) const
    {
        return frame(header(p.response ? MqttPacketType::PingResp : MqttPacketType::PingReq), MqttByteWriter());
    }

    std::string operator()(const MqttDisconnect &p) const
    {
        MqttByteWriter b;
        // §3.14.2.1 / §3.15.2.1: an empty body means reason 0 and no properties.
        const bool properties = p.properties.encodedSize() > 1;
        if (v5() && (p.reasonCode != 0 || properties)) {
            b.u8(p.reasonCode);
            if (properties)
                p.properties.write(b);
        }
        return frame(header(p.type), b);
    }
};

} // namespace

std::string MqttPacketWriter::encode(const MqttPacket &packet, MqttVersion version)
{
    return std::visit(Encoder{version}, packet);
}

} // namespace petstore::core
