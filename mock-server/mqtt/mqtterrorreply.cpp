// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/mqtt/mqtterrorreply.h"

#include "core/protocols/mqtt/mqttreasoncode.h"

namespace petstore::mock {

std::uint8_t mqttReasonCodeFor(const core::Error &error)
{
    using namespace core::MqttReasonCode;
    switch (error.kind) {
    case core::ErrorKind::BadRequest: return MalformedPacket;          // the codec could not parse it
    case core::ErrorKind::Validation: return ProtocolError;            // parsed, but breaks a rule
    case core::ErrorKind::Unauthorized: return BadUserNameOrPassword;
    case core::ErrorKind::Forbidden: return NotAuthorized;
    case core::ErrorKind::NotFound:
    case core::ErrorKind::Conflict:
    case core::ErrorKind::InvalidTransition:
    case core::ErrorKind::PreconditionFailed: return ImplementationSpecificError;
    case core::ErrorKind::Internal: break;
    }
    return UnspecifiedError;
}

} // namespace petstore::mock
