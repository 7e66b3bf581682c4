// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace petstore::core {

// Length-prefixed gRPC messages (gRPC over HTTP/2, "Length-Prefixed-Message": a compressed
// flag byte, a 4-byte big-endian length, the message) as JSON, for Traffic's Decoded view.
// Message types come from the method's descriptor in protobuf's generated pool, so every
// service compiled into the process decodes; payloads print in protobuf's JSON mapping.
class GrpcMessageJson
{
public:
    enum class Direction { Request, Response };

    // One entry per message, in order: the message as JSON, or {"error": why, "bytes": hex} for
    // a frame that is cut short, compressed or not a message of the method's type. Unknown
    // methods give each message's bytes in hex.
    static nlohmann::json decode(std::string_view method, std::string_view frames, Direction direction);

    // The frame of one serialized message (not compressed).
    static std::string frame(std::string_view message);
};

} // namespace petstore::core
