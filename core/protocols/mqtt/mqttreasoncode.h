// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>

namespace petstore::core {

// MQTT 5.0 reason codes (§2.4 table 2-6) the broker and the client panel name, and the 3.1.1
// CONNACK return codes (3.1.1 §3.2.2.3) the v5 refusals fall back to.
namespace MqttReasonCode {
enum : std::uint8_t {
    Success = 0x00,
    GrantedQos1 = 0x01,
    GrantedQos2 = 0x02,
    DisconnectWithWill = 0x04,
    NoMatchingSubscribers = 0x10,
    NoSubscriptionExisted = 0x11,
    UnspecifiedError = 0x80,
    MalformedPacket = 0x81,
    ProtocolError = 0x82,
    ImplementationSpecificError = 0x83,
    UnsupportedProtocolVersion = 0x84,
    ClientIdentifierNotValid = 0x85,
    BadUserNameOrPassword = 0x86,
    NotAuthorized = 0x87,
    ServerUnavailable = 0x88,
    ServerBusy = 0x89,
    ServerShuttingDown = 0x8B,
    BadAuthenticationMethod = 0x8C,
    KeepAliveTimeout = 0x8D,
    SessionTakenOver = 0x8E,
    TopicFilterInvalid = 0x8F,
    TopicNameInvalid = 0x90,
    PacketIdentifierInUse = 0x91,
    PacketIdentifierNotFound = 0x92,
    ReceiveMaximumExceeded = 0x93,
    TopicAliasInvalid = 0x94,
    PacketTooLarge = 0x95,
    QuotaExceeded = 0x97,
    PayloadFormatInvalid = 0x99,
    SharedSubscriptionsNotSupported = 0x9E,
};
}

// The specification's name of a reason code, e.g. "Packet too large"; "0xNN" when unknown.
std::string mqttReasonCodeName(std::uint8_t code);

// The 3.1.1 CONNACK return code closest to a v5 CONNACK reason code (0x01 unacceptable
// protocol version, 0x02 identifier rejected, 0x03 server unavailable, 0x04 bad user name or
// password, 0x05 not authorized).
std::uint8_t mqttConnectReturnCode(std::uint8_t reasonCode);

} // namespace petstore::core
