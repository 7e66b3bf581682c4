// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/websocket/websocketframe.h"

#include "core/http/percentencoding.h"

#include <cstdio>

namespace petstore::core {

std::string WebSocketFrame::headerBytes() const
{
    std::string out;
    out += char((fin ? 0x80 : 0x00) | (opcode & 0x0F));
    const char mask = masked ? char(0x80) : char(0x00);
    // §5.2: 0..125 fit in 7 bits; 126 announces a 16-bit length, 127 a 64-bit one.
    if (length <= 125) {
        out += char(mask | char(length));
    } else if (length <= 0xFFFF) {
        out += char(mask | 126);
        out += char((length >> 8) & 0xFF);
        out += char(length & 0xFF);
    } else {
        out += char(mask | 127);
        for (int shift = 56; shift >= 0; shift -= 8)
            out += char((length >> shift) & 0xFF);
    }
    return out;
}

const char *WebSocketFrame::opcodeName(Opcode opcode)
{
    switch (opcode) {
    case Continuation: return "continuation";
    case Text: return "text";
    case Binary: return "binary";
    case Close: return "close";
    case Ping: return "ping";
    case Pong: return "pong";
    }
    return "reserved";
}

std::string WebSocketFrame::describe() const
{
    std::string hex;
    for (unsigned char c : headerBytes()) {
        char pair[4];
        std::snprintf(pair, sizeof pair, hex.empty() ? "%02x" : " %02x", c);
        hex += pair;
    }
    char opcodeText[8];
    std::snprintf(opcodeText, sizeof opcodeText, "0x%X", unsigned(opcode));
    return hex + " · FIN " + (fin ? "1" : "0") + " · " + opcodeName(opcode) + " (" + opcodeText + ") · MASK "
           + (masked ? "1" : "0") + " · length " + std::to_string(length);
}

std::vector<WebSocketFrame> WebSocketFrame::framesOf(Opcode opcode, std::uint64_t length, bool masked,
                                                     std::uint64_t maxFrame)
{
    std::vector<WebSocketFrame> frames;
    if (maxFrame == 0)
        maxFrame = length == 0 ? 1 : length;
    std::uint64_t left = length;
    do {
        WebSocketFrame frame;
        frame.opcode = frames.empty() ? opcode : Continuation;
        frame.masked = masked;
        frame.length = left < maxFrame ? left : maxFrame;
        left -= frame.length;
        frame.fin = left == 0;
        frames.push_back(frame);
    } while (left > 0);
    return frames;
}

std::string WebSocketFrame::closePayload(std::uint16_t code, std::string_view reason)
{
    std::string out;
    out += char(code >> 8);
    out += char(code & 0xFF);
    out.append(reason);
    return out;
}

Result<std::string> bytesFromHex(std::string_view text)
{
    std::string out;
    int high = -1;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == ' ' || c == ':' || c == '\n' || c == '\r' || c == '\t') {
            if (high >= 0)
                return Error::make(ErrorKind::Validation, "a lone hex digit before position " + std::to_string(i + 1));
            continue;
        }
        const int value = PercentEncoding::hexDigit(c);
        if (value < 0)
            return Error::make(ErrorKind::Validation,
                               std::string("'") + c + "' at position " + std::to_string(i + 1) + " is not a hex digit");
        if (high < 0) {
            high = value;
        } else {
            out += char(high << 4 | value);
            high = -1;
        }
    }
    if (high >= 0)
        return Error::make(ErrorKind::Validation, "an odd number of hex digits");
    return out;
}

} // namespace petstore::core
