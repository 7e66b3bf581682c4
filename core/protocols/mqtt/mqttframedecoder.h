// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>

namespace petstore::core {

// One MQTT control packet as framed on the wire: the first byte (type and flags) and the
// bytes after the remaining length (MQTT 5.0 §2.1, 3.1.1 §2.2).
struct MqttFrame
{
    std::uint8_t header = 0;   // packet type in the high nibble, flags in the low one
    std::string body;          // variable header and payload

    std::uint8_t type() const { return header >> 4; }
    std::uint8_t flags() const { return header & 0x0F; }
};

// Cuts a byte stream into MQTT frames: feed bytes as they arrive, split or coalesced anyhow,
// and take whole frames. A remaining length that is not a valid variable byte integer is
// malformed; a frame larger than the maximum packet size is refused before its body is
// buffered (MQTT 5.0 §3.1.2.11.4: reason code 0x95). After a failure nothing more is framed.
class MqttFrameDecoder
{
public:
    enum class Failure { None, Malformed, TooLarge };

    explicit MqttFrameDecoder(std::uint32_t maxPacketBytes = 268435460) : m_maxPacketBytes(maxPacketBytes) {}

    void feed(std::string_view bytes);
    bool hasFrame() const { return !m_frames.empty(); }
    MqttFrame takeFrame();

    Failure failure() const { return m_failure; }
    bool failed() const { return m_failure != Failure::None; }
    std::size_t bufferedBytes() const { return m_buffer.size(); }

private:
    void frame();

    std::uint32_t m_maxPacketBytes;
    std::string m_buffer;
    std::deque<MqttFrame> m_frames;
    Failure m_failure = Failure::None;
};

} // namespace petstore::core
