// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/grpc/grpcconfig.h"

#include "mock-server/configmember.h"

namespace petstore::mock {

core::Status GrpcConfig::applyJson(const nlohmann::json &object)
{
    if (!object.is_object())
        return core::Error::make(core::ErrorKind::Validation, "invalid configuration", {{"/grpc", "must be an object", "type"}});
    GrpcConfig next = *this;
    std::vector<core::FieldError> errors;
    rejectUnknownMembers(object, {"port", "maxMessageBytes", "maxQueuedMessages", "keepaliveMinIntervalMs", "shutdownGraceMs"},
                         errors, "/grpc");
    readIntMember(object, "port", -1, 65535, next.port, errors, "/grpc");
    readIntMember(object, "maxMessageBytes", 1024, 64 * 1024 * 1024, next.maxMessageBytes, errors, "/grpc");
    readIntMember(object, "maxQueuedMessages", 1, 1000000, next.maxQueuedMessages, errors, "/grpc");
    readIntMember(object, "keepaliveMinIntervalMs", 1000, 3600000, next.keepaliveMinIntervalMs, errors, "/grpc");
    readIntMember(object, "shutdownGraceMs", 0, 60000, next.shutdownGraceMs, errors, "/grpc");
    if (!errors.empty())
        return core::Error::make(core::ErrorKind::Validation, "invalid configuration", std::move(errors));
    *this = next;
    return core::Done{};
}

} // namespace petstore::mock
