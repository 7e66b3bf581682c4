// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/mqtt/mqttbytewriter.h"

namespace petstore::core {

void MqttByteWriter::u16(std::uint16_t value)
{
    m_bytes += char(value >> 8);
    m_bytes += char(value & 0xFF);
}

void MqttByteWriter::u32(std::uint32_t value)
{
    for (int shift = 24; shift >= 0; shift -= 8)
        m_bytes += char((value >> shift) & 0xFF);
}

void MqttByteWriter::variableInt(std::uint32_t value)
{
    do {
        std::uint8_t byte = value % 128;
        value /= 128;
        if (value > 0)
            byte |= 0x80;
        m_bytes += char(byte);
    } while (value > 0);
}

void MqttByteWriter::binary(std::string_view data)
{
    u16(std::uint16_t(data.size()));
    m_bytes.append(data);
}

std::size_t MqttByteWriter::variableIntSize(std::uint32_t value)
{
    return value < 128 ? 1 : value < 16384 ? 2 : value < 2097152 ? 3 : 4;
}

} // namespace petstore::core
