// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace petstore::core {

// A WebSocket frame as RFC 6455 §5.2 lays it out, for consoles that show frames "down to the
// bytes": FIN, opcode, MASK, payload length (7, 7+16 or 7+64 bits) and the payload.
struct WebSocketFrame
{
    enum Opcode : std::uint8_t {
        Continuation = 0x0,
        Text = 0x1,
        Binary = 0x2,
        Close = 0x8,
        Ping = 0x9,
        Pong = 0xA,
    };

    bool fin = true;
    Opcode opcode = Text;
    bool masked = false;        // client-to-server frames are always masked (§5.3)
    std::uint64_t length = 0;   // payload length

    // The header bytes without the 4-byte masking key (which QWebSocket picks per frame).
    std::string headerBytes() const;
    // "81 85 · FIN 1 · text (0x1) · MASK 1 · length 5"
    std::string describe() const;
    static const char *opcodeName(Opcode opcode);

    // How a message of `length` bytes leaves a sender that cuts frames at `maxFrame` bytes:
    // the first frame has the message's opcode, the rest are continuations, the last has FIN.
    static std::vector<WebSocketFrame> framesOf(Opcode opcode, std::uint64_t length, bool masked,
                                                std::uint64_t maxFrame);

    // A close frame's payload (§5.5.1): the code in network byte order, then the UTF-8 reason.
    static std::string closePayload(std::uint16_t code, std::string_view reason);
};

// Bytes written as hex pairs ("01 ff 7A", spaces, colons and line breaks allowed), for binary
// messages composed by hand. Errors name the first offending character.
Result<std::string> bytesFromHex(std::string_view text);

} // namespace petstore::core
