// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/mqtt/mqttpacketreader.h"

namespace petstore::core {

namespace {

using Context = MqttProperties::Context;

Error malformed(const std::string &message)
{
    return Error::make(ErrorKind::BadRequest, message);
}

Error protocolError(const std::string &message)
{
    return Error::make(ErrorKind::Validation, message);
}

// Reads one field or returns its error from the enclosing function.
#define MQTT_READ(variable, expression)         \
    auto variable##Read = (expression);        \
    if (!variable##Read.ok())                  \
        return variable##Read.error();         \
    auto variable = std::move(variable##Read).value()

Result<MqttProperties> propertiesIf(bool v5, MqttByteReader &reader, Context context)
{
    if (!v5)
        return MqttProperties();
    return MqttProperties::read(reader, context);
}

// §2.2.1: the packets that carry one need a non-zero packet identifier.
Result<std::uint16_t> packetIdentifier(MqttByteReader &reader)
{
    auto id = reader.u16("packet identifier");
    if (id.ok() && id.value() == 0)
        return protocolError("packet identifier 0");
    return id;
}

Status finished(const MqttByteReader &reader, const char *packet)
{
    if (!reader.atEnd())
        return malformed(std::string(packet) + " has " + std::to_string(reader.remaining()) + " bytes too many");
    return Done{};
}

Result<MqttPacket> connect(const MqttFrame &frame)
{
    MqttByteReader r(frame.body);
    MQTT_READ(name, r.string("protocol name"));
    MQTT_READ(level, r.u8("protocol level"));
    if (name != "MQTT" || (level != 4 && level != 5))
        return malformed("unsupported protocol " + name + " level " + std::to_string(level));
    MqttConnect p;
    p.version = MqttVersion(level);
    const bool v5 = p.version == MqttVersion::V5;
    MQTT_READ(flags, r.u8("connect flags"));
    // §3.1.2.3: the reserved flag is 0; a will's QoS and retain need the will flag.
    if (flags & 0x01)
        return malformed("the reserved connect flag is set");
    const bool hasWill = flags & 0x04;
    const std::uint8_t willQos = (flags >> 3) & 0x03;
    if (willQos == 3)
        return malformed("will QoS 3");
    if (!hasWill && (willQos != 0 || (flags & 0x20)))
        return malformed("will QoS or retain set without a will");
    if (!v5 && (flags & 0x40) && !(flags & 0x80))
        return malformed("a password without a user name");   // 3.1.1 §3.1.2.9
    p.cleanStart = flags & 0x02;
    MQTT_READ(keepAlive, r.u16("keep alive"));
    p.keepAlive = keepAlive;
    MQTT_READ(properties, propertiesIf(v5, r, Context::Connect));
    p.properties = std::move(properties);
    MQTT_READ(clientId, r.string("client identifier"));
    p.clientId = std::move(clientId);
    if (hasWill) {
        MqttWill will;
        MQTT_READ(willProperties, propertiesIf(v5, r, Context::Will));
        will.properties = std::move(willProperties);
        MQTT_READ(topic, r.string("will topic"));
        MQTT_READ(payload, r.binary("will payload"));
        will.topic = std::move(topic);
        will.payload = std::move(payload);
        will.qos = willQos;
        will.retain = flags & 0x20;
        p.will = std::move(will);
    }
    if (flags & 0x80) {
        MQTT_READ(username, r.string("user name"));
        p.username = std::move(username);
    }
    if (flags & 0x40) {
        MQTT_READ(password, r.binary("password"));
        p.password = std::move(password);
    }
    if (auto done = finished(r, "CONNECT"); !done.ok())
        return done.error();
    return MqttPacket(std::move(p));
}

Result<MqttPacket> connAck(const MqttFrame &frame, bool v5)
{
    MqttByteReader r(frame.body);
    MQTT_READ(ackFlags, r.u8("acknowledge flags"));
    if (ackFlags & 0xFE)
        return malformed("reserved acknowledge flags are set");
    MqttConnAck p;
    p.sessionPresent = ackFlags & 0x01;
    MQTT_READ(code, r.u8("reason code"));
    p.reasonCode = code;
    MQTT_READ(properties, propertiesIf(v5, r, Context::ConnAck));
    p.properties = std::move(properties);
    if (auto done = finished(r, "CONNACK"); !done.ok())
        return done.error();
    return MqttPacket(std::move(p));
}

Result<MqttPacket> publish(const MqttFrame &frame, bool v5)
{
    MqttPublish p;
    p.dup = frame.flags() & 0x08;
    p.qos = (frame.flags() >> 1) & 0x03;
    p.retain = frame.flags() & 0x01;
    if (p.qos == 3)
        return malformed("PUBLISH with QoS 3");   // §3.3.1.2
    if (p.qos == 0 && p.dup)
        return malformed("DUP set on a QoS 0 PUBLISH");   // §3.3.1.1
    MqttByteReader r(frame.body);
    MQTT_READ(topic, r.string("topic name"));
    p.topic = std::move(topic);
    if (p.qos > 0) {
        MQTT_READ(packetId, packetIdentifier(r));
        p.packetId = packetId;
    }
    MQTT_READ(properties, propertiesIf(v5, r, Context::Publish));
    p.properties = std::move(properties);
    if (p.topic.empty() && !p.properties.topicAlias)
        return protocolError("an empty topic name without a topic alias");   // §3.3.2.1
    p.payload = std::string(r.rest());
    return MqttPacket(std::move(p));
}

Result<MqttPacket> pubAck(const MqttFrame &frame, MqttPacketType type, bool v5)
{
    MqttByteReader r(frame.body);
    MqttPubAck p;
    p.type = type;
    MQTT_READ(packetId, packetIdentifier(r));
    p.packetId = packetId;
    if (v5 && !r.atEnd()) {
        MQTT_READ(code, r.u8("reason code"));
        p.reasonCode = code;
        if (!r.atEnd()) {
            MQTT_READ(properties, MqttProperties::read(r, Context::PubAck));
            p.properties = std::move(properties);
        }
    }
    if (auto done = finished(r, "acknowledgement"); !done.ok())
        return done.error();
    return MqttPacket(std::move(p));
}

Result<MqttPacket> subscribe(const MqttFrame &frame, bool v5)
{
    MqttByteReader r(frame.body);
    MqttSubscribe p;
    MQTT_READ(packetId, packetIdentifier(r));
    p.packetId = packetId;
    MQTT_READ(properties, propertiesIf(v5, r, Context::Subscribe));
    p.properties = std::move(properties);
    while (!r.atEnd()) {
        MqttSubscription s;
        MQTT_READ(filter, r.string("topic filter"));
        MQTT_READ(options, r.u8("subscription options"));
        s.filter = std::move(filter);
        s.qos = options & 0x03;
        if (s.qos == 3)
            return malformed("subscription QoS 3");
        // §3.8.3.1: bits 6-7 reserved in v5; 3.1.1 uses only the QoS bits (§3.8.3.1).
        if (options & (v5 ? 0xC0 : 0xFC))
            return malformed("reserved subscription option bits are set");
        s.noLocal = options & 0x04;
        s.retainAsPublished = options & 0x08;
        s.retainHandling = (options >> 4) & 0x03;
        if (s.retainHandling == 3)
            return protocolError("retain handling 3");
        p.subscriptions.push_back(std::move(s));
    }
    if (p.subscriptions.empty())
        return protocolError("SUBSCRIBE without a topic filter");   // §3.8.3
    return MqttPacket(std::move(p));
}

Result<MqttPacket> subAck(const MqttFrame &frame, MqttPacketType type, bool v5)
{
    MqttByteReader r(frame.body);
    MqttSubAck p;
    p.type = type;
    MQTT_READ(packetId, r.u16("packet identifier"));
    p.packetId = packetId;
    MQTT_READ(properties, propertiesIf(v5, r, type == MqttPacketType::SubAck ? Context::SubAck : Context::UnsubAck));
    p.properties = std::move(properties);
    for (char code : r.rest())
        p.reasonCodes.push_back(std::uint8_t(code));
    if (!v5 && type == MqttPacketType::UnsubAck && !p.reasonCodes.empty())
        return malformed("a 3.1.1 UNSUBACK has no payload");
    return MqttPacket(std::move(p));
}

Result<MqttPacket> unsubscribe(const MqttFrame &frame, bool v5)
{
    MqttByteReader r(frame.body);
    MqttUnsubscribe p;
    MQTT_READ(packetId, packetIdentifier(r));
    p.packetId = packetId;
    MQTT_READ(properties, propertiesIf(v5, r, Context::Unsubscribe));
    p.properties = std::move(properties);
    while (!r.atEnd()) {
        MQTT_READ(filter, r.string("topic filter"));
        p.filters.push_back(std::move(filter));
    }
    if (p.filters.empty())
        return protocolError("UNSUBSCRIBE without a topic filter");   // §3.10.3
    return MqttPacket(std::move(p));
}

Result<MqttPacket> disconnect(const MqttFrame &frame, MqttPacketType type, bool v5)
{
    MqttByteReader r(frame.body);
    MqttDisconnect p;
    p.type = type;
    if (v5 && !r.atEnd()) {
        MQTT_READ(code, r.u8("reason code"));
        p.reasonCode = code;
        if (!r.atEnd()) {
            MQTT_READ(properties, MqttProperties::read(r, type == MqttPacketType::Auth ? Context::Auth : Context::Disconnect));
            p.properties = std::move(properties);
        }
    }
    if (auto done = finished(r, type == MqttPacketType::Auth ? "AUTH" : "DISCONNECT"); !done.ok())
        return done.error();
    return MqttPacket(std::move(p));
}

#undef MQTT_READ

} // namespace

std::optional<std::uint8_t> MqttPacketReader::protocolLevel(const MqttFrame &frame)
{
    if (frame.type() != std::uint8_t(MqttPacketType::Connect))
        return std::nullopt;
    MqttByteReader r(frame.body);
    auto name = r.binary("protocol name");
    auto level = name.ok() ? r.u8("protocol level") : Result<std::uint8_t>(name.error());
    return level.ok() ? std::optional<std::uint8_t>(level.value()) : std::nullopt;
}

Result<MqttPacket> MqttPacketReader::decode(const MqttFrame &frame, MqttVersion version)
{
    const auto type = MqttPacketType(frame.type());
    const bool v5 = version == MqttVersion::V5;
    // §2.1.3: fixed flags per type — 0010 for PUBREL, SUBSCRIBE and UNSUBSCRIBE, 0000 for all
    // but PUBLISH.
    if (type != MqttPacketType::Publish) {
        const bool twoFlag = type == MqttPacketType::PubRel || type == MqttPacketType::Subscribe
                             || type == MqttPacketType::Unsubscribe;
        if (frame.flags() != (twoFlag ? 0x02 : 0x00))
            return malformed("wrong fixed header flags for packet type " + std::to_string(frame.type()));
    }
    switch (type) {
    case MqttPacketType::Connect: return connect(frame);
    case MqttPacketType::ConnAck: return connAck(frame, v5);
    case MqttPacketType::Publish: return publish(frame, v5);
    case MqttPacketType::PubAck:
    case MqttPacketType::PubRec:
    case MqttPacketType::PubRel:
    case MqttPacketType::PubComp: return pubAck(frame, type, v5);
    case MqttPacketType::Subscribe: return subscribe(frame, v5);
    case MqttPacketType::SubAck:
    case MqttPacketType::UnsubAck: return subAck(frame, type, v5);
    case MqttPacketType::Unsubscribe: return unsubscribe(frame, v5);
    case MqttPacketType::PingReq:
    case MqttPacketType::PingResp:
        if (!frame.body.empty())
            return malformed("PINGREQ and PINGRESP have no body");
        return MqttPacket(MqttPing{type == MqttPacketType::PingResp});
    case MqttPacketType::Disconnect: return disconnect(frame, type, v5);
    case MqttPacketType::Auth:
        if (!v5)
            return malformed("AUTH does not exist in MQTT 3.1.1");
        return disconnect(frame, type, v5);
    }
    return malformed("packet type " + std::to_string(frame.type()) + " is reserved");
}

Result<MqttPacket> MqttPacketReader::decodeCaptured(std::string_view bytes, MqttVersion version)
{
    MqttFrameDecoder framer;
    framer.feed(bytes);
    if (!framer.hasFrame() || framer.bufferedBytes() > 0)
        return Error::make(ErrorKind::BadRequest, "not one whole MQTT packet");
    return decode(framer.takeFrame(), version);
}

} // namespace petstore::core
