// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocols/mqtt/mqttpacket.h"

#include <nlohmann/json.hpp>

#include <string_view>

namespace petstore::core {

// A packet as JSON for people to read (the Traffic dock's Decoded tab, the MQTT panel): every
// field and every property present, by the specification's names; a payload as text when it
// is UTF-8 (and as parsed JSON too when it is JSON), else as base64url.
class MqttPacketJson
{
public:
    static nlohmann::json toJson(const MqttPacket &packet);
    static nlohmann::json toJson(const MqttProperties &properties);
    // One packet's bytes as captured (fixed header included), decoded for `version`; an
    // {"error": ...} object when they are not a whole valid packet.
    static nlohmann::json fromWire(std::string_view bytes, MqttVersion version);
};

} // namespace petstore::core
