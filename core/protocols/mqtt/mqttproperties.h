// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocols/mqtt/mqttbytereader.h"
#include "core/protocols/mqtt/mqttbytewriter.h"
#include "core/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace petstore::core {

// The MQTT 5.0 properties of a packet (§2.2.2): every property of the specification, typed,
// with the packets each may appear in. 3.1.1 packets have none.
struct MqttProperties
{
    // Which packet (or the CONNECT's will) a property block belongs to (§2.2.2.2 table 2-4).
    enum class Context : std::uint16_t {
        Connect = 1 << 0,
        ConnAck = 1 << 1,
        Publish = 1 << 2,
        Will = 1 << 3,
        PubAck = 1 << 4,   // PUBACK, PUBREC, PUBREL and PUBCOMP share one list
        Subscribe = 1 << 5,
        SubAck = 1 << 6,
        Unsubscribe = 1 << 7,
        UnsubAck = 1 << 8,
        Disconnect = 1 << 9,
        Auth = 1 << 10,
    };

    std::optional<std::uint8_t> payloadFormatIndicator;        // 0x01
    std::optional<std::uint32_t> messageExpiryInterval;        // 0x02
    std::optional<std::string> contentType;                    // 0x03
    std::optional<std::string> responseTopic;                  // 0x08
    std::optional<std::string> correlationData;                // 0x09 (binary)
    std::vector<std::uint32_t> subscriptionIdentifiers;        // 0x0B (several on PUBLISH)
    std::optional<std::uint32_t> sessionExpiryInterval;        // 0x11
    std::optional<std::string> assignedClientIdentifier;       // 0x12
    std::optional<std::uint16_t> serverKeepAlive;              // 0x13
    std::optional<std::string> authenticationMethod;           // 0x15
    std::optional<std::string> authenticationData;             // 0x16 (binary)
    std::optional<std::uint8_t> requestProblemInformation;     // 0x17
    std::optional<std::uint32_t> willDelayInterval;            // 0x18
    std::optional<std::uint8_t> requestResponseInformation;    // 0x19
    std::optional<std::string> responseInformation;            // 0x1A
    std::optional<std::string> serverReference;                // 0x1C
    std::optional<std::string> reasonString;                   // 0x1F
    std::optional<std::uint16_t> receiveMaximum;               // 0x21
    std::optional<std::uint16_t> topicAliasMaximum;            // 0x22
    std::optional<std::uint16_t> topicAlias;                   // 0x23
    std::optional<std::uint8_t> maximumQos;                    // 0x24
    std::optional<std::uint8_t> retainAvailable;               // 0x25
    std::vector<std::pair<std::string, std::string>> userProperties;   // 0x26, in order
    std::optional<std::uint32_t> maximumPacketSize;            // 0x27
    std::optional<std::uint8_t> wildcardSubscriptionAvailable; // 0x28
    std::optional<std::uint8_t> subscriptionIdentifierAvailable;   // 0x29
    std::optional<std::uint8_t> sharedSubscriptionAvailable;   // 0x2A

    bool operator==(const MqttProperties &other) const;
    bool operator!=(const MqttProperties &other) const { return !(*this == other); }

    // Reads the property length and the properties. A property not allowed in `context`, an
    // unknown identifier or a value of the wrong type is malformed (ErrorKind::BadRequest,
    // reason code 0x81, §2.2.2.2); a repeated property or a value out of its range is a
    // protocol error (ErrorKind::Validation, 0x82).
    static Result<MqttProperties> read(MqttByteReader &reader, Context context);
    // Writes the property length and the properties, in identifier order.
    void write(MqttByteWriter &writer) const;
    // Bytes write() produces, length included.
    std::size_t encodedSize() const;
};

} // namespace petstore::core
