// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/mqtt/mqttproperties.h"

#include <tuple>

namespace petstore::core {

namespace {

using Context = MqttProperties::Context;

constexpr std::uint16_t bits(std::initializer_list<Context> contexts)
{
    std::uint16_t mask = 0;
    for (Context c : contexts)
        mask |= std::uint16_t(c);
    return mask;
}

constexpr std::uint16_t PublishOrWill = bits({Context::Publish, Context::Will});
constexpr std::uint16_t Acks = bits({Context::ConnAck, Context::PubAck, Context::SubAck, Context::UnsubAck,
                                     Context::Disconnect, Context::Auth});
constexpr std::uint16_t Everywhere = 0x07FF;

// MQTT 5.0 §2.2.2.2 table 2-4: where each property may appear.
std::uint16_t allowedIn(std::uint8_t id)
{
    switch (id) {
    case 0x01: case 0x02: case 0x03: case 0x08: case 0x09: return PublishOrWill;
    case 0x0B: return bits({Context::Publish, Context::Subscribe});
    case 0x11: return bits({Context::Connect, Context::ConnAck, Context::Disconnect});
    case 0x12: case 0x13: case 0x1A: case 0x24: case 0x25: case 0x28: case 0x29: case 0x2A:
        return bits({Context::ConnAck});
    case 0x15: case 0x16: return bits({Context::Connect, Context::ConnAck, Context::Auth});
    case 0x17: case 0x19: return bits({Context::Connect});
    case 0x18: return bits({Context::Will});
    case 0x1C: return bits({Context::ConnAck, Context::Disconnect});
    case 0x1F: return Acks;
    case 0x21: case 0x22: case 0x27: return bits({Context::Connect, Context::ConnAck});
    case 0x23: return bits({Context::Publish});
    case 0x26: return Everywhere;
    default: return 0;
    }
}

Error malformed(const std::string &message)
{
    return Error::make(ErrorKind::BadRequest, message);
}

Error protocolError(const std::string &message)
{
    return Error::make(ErrorKind::Validation, message);
}

std::string hex(std::uint8_t id)
{
    static const char digits[] = "0123456789ABCDEF";
    return std::string("0x") + digits[id >> 4] + digits[id & 15];
}

template<typename T>
std::optional<Error> store(std::optional<T> &slot, Result<T> value, std::uint8_t id)
{
    if (!value.ok())
        return value.error();
    if (slot)
        return protocolError("property " + hex(id) + " appears more than once");
    slot = value.value();
    return std::nullopt;
}

} // namespace

bool MqttProperties::operator==(const MqttProperties &o) const
{
    auto tie = [](const MqttProperties &p) {
        return std::tie(p.payloadFormatIndicator, p.messageExpiryInterval, p.contentType, p.responseTopic,
                        p.correlationData, p.subscriptionIdentifiers, p.sessionExpiryInterval,
                        p.assignedClientIdentifier, p.serverKeepAlive, p.authenticationMethod, p.authenticationData,
                        p.requestProblemInformation, p.willDelayInterval, p.requestResponseInformation,
                        p.responseInformation, p.serverReference, p.reasonString, p.receiveMaximum,
                        p.topicAliasMaximum, p.topicAlias, p.maximumQos, p.retainAvailable, p.userProperties,
                        p.maximumPacketSize, p.wildcardSubscriptionAvailable, p.subscriptionIdentifierAvailable,
                        p.sharedSubscriptionAvailable);
    };
    return tie(*this) == tie(o);
}

Result<MqttProperties> MqttProperties::read(MqttByteReader &reader, Context context)
{
    auto length = reader.variableInt("property length");
    if (!length.ok())
        return length.error();
    auto block = reader.take(length.value(), "properties");
    if (!block.ok())
        return block.error();
    MqttByteReader in(block.value());
    MqttProperties p;
    while (!in.atEnd()) {
        auto identifier = in.variableInt("property identifier");
        if (!identifier.ok())
            return identifier.error();
        if (identifier.value() > 0xFF || !(allowedIn(std::uint8_t(identifier.value())) & std::uint16_t(context)))
            return malformed("property " + std::to_string(identifier.value()) + " is not allowed in this packet");
        const auto id = std::uint8_t(identifier.value());
        const char *what = "property value";
        std::optional<Error> error;
        switch (id) {
        case 0x01: error = store(p.payloadFormatIndicator, in.u8(what), id); break;
        case 0x02: error = store(p.messageExpiryInterval, in.u32(what), id); break;
        case 0x03: error = store(p.contentType, in.string(what), id); break;
        case 0x08: error = store(p.responseTopic, in.string(what), id); break;
        case 0x09: error = store(p.correlationData, in.binary(what), id); break;
        case 0x0B: {
            auto value = in.variableInt(what);
            if (!value.ok())
                return value.error();
            if (value.value() == 0)
                return protocolError("a subscription identifier cannot be 0");   // §3.8.2.1.2
            if (context != Context::Publish && !p.subscriptionIdentifiers.empty())
                return protocolError("property 0x0B appears more than once");
            p.subscriptionIdentifiers.push_back(value.value());
            break;
        }
        case 0x11: error = store(p.sessionExpiryInterval, in.u32(what), id); break;
        case 0x12: error = store(p.assignedClientIdentifier, in.string(what), id); break;
        case 0x13: error = store(p.serverKeepAlive, in.u16(what), id); break;
        case 0x15: error = store(p.authenticationMethod, in.string(what), id); break;
        case 0x16: error = store(p.authenticationData, in.binary(what), id); break;
        case 0x17: error = store(p.requestProblemInformation, in.u8(what), id); break;
        case 0x18: error = store(p.willDelayInterval, in.u32(what), id); break;
        case 0x19: error = store(p.requestResponseInformation, in.u8(what), id); break;
        case 0x1A: error = store(p.responseInformation, in.string(what), id); break;
        case 0x1C: error = store(p.serverReference, in.string(what), id); break;
        case 0x1F: error = store(p.reasonString, in.string(what), id); break;
        case 0x21: error = store(p.receiveMaximum, in.u16(what), id); break;
        case 0x22: error = store(p.topicAliasMaximum, in.u16(what), id); break;
        case 0x23: error = store(p.topicAlias, in.u16(what), id); break;
        case 0x24: error = store(p.maximumQos, in.u8(what), id); break;
        case 0x25: error = store(p.retainAvailable, in.u8(what), id); break;
        case 0x26: {
            auto name = in.string("user property name");
            if (!name.ok())
                return name.error();
            auto value = in.string("user property value");
            if (!value.ok())
                return value.error();
            p.userProperties.emplace_back(name.value(), value.value());
            break;
        }
        case 0x27: error = store(p.maximumPacketSize, in.u32(what), id); break;
        case 0x28: error = store(p.wildcardSubscriptionAvailable, in.u8(what), id); break;
        case 0x29: error = store(p.subscriptionIdentifierAvailable, in.u8(what), id); break;
        case 0x2A: error = store(p.sharedSubscriptionAvailable, in.u8(what), id); break;
        default: break;
        }
        if (error)
            return *error;
    }
    // Value ranges (§3.1.2.11, §3.2.2.3): these bytes are 0 or 1; 0 is not a receive maximum or
    // a packet size.
    for (const auto &[id, value] : {std::pair{0x01, p.payloadFormatIndicator}, std::pair{0x17, p.requestProblemInformation},
                                    std::pair{0x19, p.requestResponseInformation}, std::pair{0x24, p.maximumQos},
                                    std::pair{0x25, p.retainAvailable}, std::pair{0x28, p.wildcardSubscriptionAvailable},
                                    std::pair{0x29, p.subscriptionIdentifierAvailable},
                                    std::pair{0x2A, p.sharedSubscriptionAvailable}})
        if (value && *value > 1)
            return protocolError("property " + hex(std::uint8_t(id)) + " must be 0 or 1");
    if (p.receiveMaximum && *p.receiveMaximum == 0)
        return protocolError("receive maximum cannot be 0");
    if (p.maximumPacketSize && *p.maximumPacketSize == 0)
        return protocolError("maximum packet size cannot be 0");
    if (p.topicAlias && *p.topicAlias == 0)
        return protocolError("topic alias 0 is not permitted");   // §3.3.2.3.4
    if (p.authenticationData && !p.authenticationMethod)
        return protocolError("authentication data without an authentication method");   // §3.1.2.11.10
    return p;
}

void MqttProperties::write(MqttByteWriter &writer) const
{
    MqttByteWriter body;
    auto byte = [&body](std::uint8_t id, const std::optional<std::uint8_t> &v) {
        if (v) { body.variableInt(id); body.u8(*v); }
    };
    auto u16 = [&body](std::uint8_t id, const std::optional<std::uint16_t> &v) {
        if (v) { body.variableInt(id); body.u16(*v); }
    };
    auto u32 = [&body](std::uint8_t id, const std::optional<std::uint32_t> &v) {
        if (v) { body.variableInt(id); body.u32(*v); }
    };
    auto text = [&body](std::uint8_t id, const std::optional<std::string> &v) {
        if (v) { body.variableInt(id); body.string(*v); }
    };
    byte(0x01, payloadFormatIndicator);
    u32(0x02, messageExpiryInterval);
    text(0x03, contentType);
    text(0x08, responseTopic);
    text(0x09, correlationData);   // binary and string share their layout
    for (std::uint32_t id : subscriptionIdentifiers) {
        body.variableInt(0x0B);
        body.variableInt(id);
    }
    u32(0x11, sessionExpiryInterval);
    text(0x12, assignedClientIdentifier);
    u16(0x13, serverKeepAlive);
    text(0x15, authenticationMethod);
    text(0x16, authenticationData);
    byte(0x17, requestProblemInformation);
    u32(0x18, willDelayInterval);
    byte(0x19, requestResponseInformation);
    text(0x1A, responseInformation);
    text(0x1C, serverReference);
    text(0x1F, reasonString);
    u16(0x21, receiveMaximum);
    u16(0x22, topicAliasMaximum);
    u16(0x23, topicAlias);
    byte(0x24, maximumQos);
    byte(0x25, retainAvailable);
    for (const auto &[name, value] : userProperties) {
        body.variableInt(0x26);
        body.string(name);
        body.string(value);
    }
    u32(0x27, maximumPacketSize);
    byte(0x28, wildcardSubscriptionAvailable);
    byte(0x29, subscriptionIdentifierAvailable);
    byte(0x2A, sharedSubscriptionAvailable);
    writer.variableInt(std::uint32_t(body.size()));
    writer.raw(body.bytes());
}

std::size_t MqttProperties::encodedSize() const
{
    MqttByteWriter writer;
    write(writer);
    return writer.size();
}

} // namespace petstore::core
