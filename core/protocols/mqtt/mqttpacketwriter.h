// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocols/mqtt/mqttpacket.h"

#include <string>

namespace petstore::core {

// Encodes packets to their exact bytes for one protocol version (MQTT 3.1.1 §3, 5.0 §3): fixed
// header with the type's required flags, remaining length, variable header, payload. v5
// acknowledgements use the short forms the specification allows (no reason code when it is 0
// and there are no properties). Packets are assumed valid; 3.1.1 drops what it cannot carry.
class MqttPacketWriter
{
public:
    static std::string encode(const MqttPacket &packet, MqttVersion version);
};

} // namespace petstore::core
