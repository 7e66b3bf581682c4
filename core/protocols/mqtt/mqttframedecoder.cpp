// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/mqtt/mqttframedecoder.h"

namespace petstore::core {

void MqttFrameDecoder::feed(std::string_view bytes)
{
    if (failed())
        return;
    m_buffer.append(bytes);
    frame();
}

MqttFrame MqttFrameDecoder::takeFrame()
{
    MqttFrame frame = std::move(m_frames.front());
    m_frames.pop_front();
    return frame;
}

void MqttFrameDecoder::frame()
{
    std::size_t at = 0;
    while (!failed() && m_buffer.size() - at >= 2) {
        // Remaining length: one to four bytes of 7 bits each (§1.5.5), minimally encoded.
        std::uint32_t length = 0;
        std::uint32_t multiplier = 1;
        std::size_t used = 0;
        bool complete = false;
        while (used < 4 && at + 1 + used < m_buffer.size()) {
            const auto byte = static_cast<std::uint8_t>(m_buffer[at + 1 + used]);
            if (used > 0 && byte == 0) {
                m_failure = Failure::Malformed;
                break;
            }
            length += std::uint32_t(byte & 0x7F) * multiplier;
            multiplier *= 128;
            ++used;
            if ((byte & 0x80) == 0) {
                complete = true;
                break;
            }
        }
        if (failed())
            break;
        if (!complete) {
            if (used == 4)
                m_failure = Failure::Malformed;   // a fifth length byte
            break;                                // otherwise wait for the rest of the length
        }
        const std::size_t total = 1 + used + length;
        if (total > m_maxPacketBytes) {
            m_failure = Failure::TooLarge;
            break;
        }
        if (m_buffer.size() - at < total)
            break;
        m_frames.push_back(MqttFrame{static_cast<std::uint8_t>(m_buffer[at]), m_buffer.substr(at + 1 + used, length)});
        at += total;
    }
    m_buffer.erase(0, at);
    if (failed())
        m_buffer.clear();
}

} // namespace petstore::core
