// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/grpc/grpcstatuscode.h"

#include <iterator>

namespace petstore::core {

std::string_view GrpcStatusCode::name(int code)
{
    static constexpr std::string_view names[] = {
        "OK",        "CANCELLED",          "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND",
        "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED",
        "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED"};
    return code >= 0 && code < int(std::size(names)) ? names[code] : "UNKNOWN";
}

} // namespace petstore::core
