// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <cstdint>

namespace petstore::mock {

// The one place an error becomes an MQTT 5.0 reason code (§2.4) for CONNACK, the acks and
// DISCONNECT; 3.1.1 clients get core::mqttConnectReturnCode() of it in a CONNACK, or a closed
// connection, since their protocol has no other way to say why (3.1.1 §4.8).
std::uint8_t mqttReasonCodeFor(const core::Error &error);

} // namespace petstore::mock
