// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocols/mqtt/mqttframedecoder.h"
#include "core/protocols/mqtt/mqttpacket.h"
#include "core/result.h"

#include <optional>
#include <string_view>

namespace petstore::core {

// Decodes one frame into a packet for the connection's protocol version (CONNECT brings its
// own). Every rule of the specification's packet sections that the bytes alone can break is
// checked: fixed-header flags, QoS 3, DUP on QoS 0, reserved bits, packet identifier 0, empty
// subscription lists, trailing bytes. Errors: ErrorKind::BadRequest for a malformed packet
// (v5 reason 0x81; 3.1.1 closes) and ErrorKind::Validation for a protocol error (0x82).
class MqttPacketReader
{
public:
    static Result<MqttPacket> decode(const MqttFrame &frame, MqttVersion version);
    // One packet as captured on the wire, fixed header included (Traffic records): framed,
    // then decoded; anything but exactly one whole packet is ErrorKind::BadRequest.
    static Result<MqttPacket> decodeCaptured(std::string_view bytes, MqttVersion version);

    // The protocol level a CONNECT asks for, read before anything else so the broker can
    // answer an unsupported one (v5 reason 0x84, 3.1.1 return code 0x01); nothing when the
    // frame is no CONNECT or too short to say.
    static std::optional<std::uint8_t> protocolLevel(const MqttFrame &frame);
};

} // namespace petstore::core
