// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocols/mqtt/mqttpacket.h"

#include <string>

namespace petstore::core {

// One line per packet for the Traffic dock and the MQTT panel's log, e.g.
// "PUBLISH pets/p1/status QoS 1 id 7 retain (83 B)" or "CONNACK Not authorized".
class MqttPacketSummary
{
public:
    static const char *typeName(MqttPacketType type);
    static std::string describe(const MqttPacket &packet);
};

} // namespace petstore::core
