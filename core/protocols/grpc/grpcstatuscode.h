// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string_view>

namespace petstore::core {

// The canonical gRPC status codes (grpc/doc/statuscodes.md) by number, as the wire's
// `grpc-status` trailer carries them, for code that shows statuses without linking gRPC.
class GrpcStatusCode
{
public:
    static constexpr int Ok = 0;
    // "OK", "CANCELLED", ... "UNAUTHENTICATED"; "UNKNOWN" for numbers outside 0..16.
    static std::string_view name(int code);
};

} // namespace petstore::core
