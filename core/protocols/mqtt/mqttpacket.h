// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocols/mqtt/mqttproperties.h"

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace petstore::core {

// The protocol level byte of CONNECT (MQTT 3.1.1 §3.1.2.2, 5.0 §3.1.2.2).
enum class MqttVersion : std::uint8_t { V311 = 4, V5 = 5 };

enum class MqttPacketType : std::uint8_t {
    Connect = 1, ConnAck, Publish, PubAck, PubRec, PubRel, PubComp,
    Subscribe, SubAck, Unsubscribe, UnsubAck, PingReq, PingResp, Disconnect, Auth,
};

struct MqttWill
{
    std::string topic;
    std::string payload;
    std::uint8_t qos = 0;
    bool retain = false;
    MqttProperties properties;   // v5 will properties (will delay, expiry, content type, ...)
    bool operator==(const MqttWill &o) const;
};

struct MqttConnect
{
    MqttVersion version = MqttVersion::V5;
    bool cleanStart = true;
    std::uint16_t keepAlive = 60;
    std::string clientId;
    std::optional<MqttWill> will;
    std::optional<std::string> username;
    std::optional<std::string> password;   // binary data
    MqttProperties properties;
    bool operator==(const MqttConnect &o) const;
};

struct MqttConnAck
{
    bool sessionPresent = false;
    std::uint8_t reasonCode = 0;   // v5 reason code; 3.1.1 return code (0..5)
    MqttProperties properties;
    bool operator==(const MqttConnAck &o) const;
};

struct MqttPublish
{
    bool dup = false;
    std::uint8_t qos = 0;
    bool retain = false;
    std::string topic;             // may be empty in v5 when a topic alias stands for it
    std::uint16_t packetId = 0;    // QoS 1 and 2 only
    std::string payload;
    MqttProperties properties;
    bool operator==(const MqttPublish &o) const;
};

// PUBACK, PUBREC, PUBREL and PUBCOMP share one layout.
struct MqttPubAck
{
    MqttPacketType type = MqttPacketType::PubAck;
    std::uint16_t packetId = 0;
    std::uint8_t reasonCode = 0;
    MqttProperties properties;
    bool operator==(const MqttPubAck &o) const;
};

struct MqttSubscription
{
    std::string filter;
    std::uint8_t qos = 0;
    bool noLocal = false;              // v5 subscription options (§3.8.3.1)
    bool retainAsPublished = false;
    std::uint8_t retainHandling = 0;
    bool operator==(const MqttSubscription &o) const;
};

struct MqttSubscribe
{
    std::uint16_t packetId = 0;
    std::vector<MqttSubscription> subscriptions;
    MqttProperties properties;
    bool operator==(const MqttSubscribe &o) const;
};

// SUBACK and UNSUBACK: one reason code per filter (3.1.1's UNSUBACK has none).
struct MqttSubAck
{
    MqttPacketType type = MqttPacketType::SubAck;
    std::uint16_t packetId = 0;
    std::vector<std::uint8_t> reasonCodes;
    MqttProperties properties;
    bool operator==(const MqttSubAck &o) const;
};

struct MqttUnsubscribe
{
    std::uint16_t packetId = 0;
    std::vector<std::string> filters;
    MqttProperties properties;
    bool operator==(const MqttUnsubscribe &o) const;
};

// PINGREQ and PINGRESP carry nothing but their type.
struct MqttPing
{
    bool response = false;
    bool operator==(const MqttPing &o) const { return response == o.response; }
};

// DISCONNECT and AUTH: a reason code and properties (3.1.1's DISCONNECT has neither).
struct MqttDisconnect
{
    MqttPacketType type = MqttPacketType::Disconnect;
    std::uint8_t reasonCode = 0;
    MqttProperties properties;
    bool operator==(const MqttDisconnect &o) const;
};

using MqttPacket = std::variant<MqttConnect, MqttConnAck, MqttPublish, MqttPubAck, MqttSubscribe, MqttSubAck,
                                MqttUnsubscribe, MqttPing, MqttDisconnect>;

MqttPacketType packetType(const MqttPacket &packet);

} // namespace petstore::core
