// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/mqtt/mqttbytereader.h"

namespace petstore::core {

Error MqttByteReader::malformed(const char *what, const std::string &problem) const
{
    return Error::make(ErrorKind::BadRequest, std::string(what) + ": " + problem);
}

Result<std::uint8_t> MqttByteReader::u8(const char *what)
{
    if (remaining() < 1)
        return malformed(what, "the packet ends early");
    return std::uint8_t(m_bytes[m_at++]);
}

Result<std::uint16_t> MqttByteReader::u16(const char *what)
{
    if (remaining() < 2)
        return malformed(what, "the packet ends early");
    const auto high = std::uint8_t(m_bytes[m_at]);
    const auto low = std::uint8_t(m_bytes[m_at + 1]);
    m_at += 2;
    return std::uint16_t(high << 8 | low);
}

Result<std::uint32_t> MqttByteReader::u32(const char *what)
{
    if (remaining() < 4)
        return malformed(what, "the packet ends early");
    std::uint32_t value = 0;
    for (int i = 0; i < 4; ++i)
        value = value << 8 | std::uint8_t(m_bytes[m_at++]);
    return value;
}

Result<std::uint32_t> MqttByteReader::variableInt(const char *what)
{
    std::uint32_t value = 0;
    std::uint32_t multiplier = 1;
    for (int i = 0; i < 4; ++i) {
        if (remaining() < 1)
            return malformed(what, "the packet ends early");
        const auto byte = std::uint8_t(m_bytes[m_at++]);
        // §1.5.5: the encoding must use the minimum number of bytes; a trailing 0x00 after a
        // continuation bit is a longer-than-needed encoding.
        if (i > 0 && byte == 0)
            return malformed(what, "variable byte integer is not minimally encoded");
        value += std::uint32_t(byte & 0x7F) * multiplier;
        if ((byte & 0x80) == 0)
            return value;
        multiplier *= 128;
    }
    return malformed(what, "variable byte integer longer than four bytes");
}

Result<std::string> MqttByteReader::binary(const char *what)
{
    auto length = u16(what);
    if (!length.ok())
        return length.error();
    if (remaining() < length.value())
        return malformed(what, "length " + std::to_string(length.value()) + " runs past the packet");
    std::string data(m_bytes.substr(m_at, length.value()));
    m_at += length.value();
    return data;
}

Result<std::string> MqttByteReader::string(const char *what)
{
    auto text = binary(what);
    if (!text.ok())
        return text;
    if (!isValidMqttUtf8(text.value()))
        return malformed(what, "not well-formed UTF-8, or contains U+0000");
    return text;
}

Result<std::string_view> MqttByteReader::take(std::size_t size, const char *what)
{
    if (remaining() < size)
        return malformed(what, "the packet ends early");
    const std::string_view part = m_bytes.substr(m_at, size);
    m_at += size;
    return part;
}

std::string_view MqttByteReader::rest()
{
    const std::string_view part = m_bytes.substr(m_at);
    m_at = m_bytes.size();
    return part;
}

bool MqttByteReader::isValidMqttUtf8(std::string_view text)
{
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == 0x00)
            return false;
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t length;
        std::uint32_t point;
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
            point = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            point = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            point = c & 0x07;
        } else {
            return false;   // continuation byte first, overlong lead (C0, C1) or beyond F4
        }
        if (i + length > text.size())
            return false;
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0) != 0x80)
                return false;
            point = point << 6 | (next & 0x3F);
        }
        const bool overlong = (length == 3 && point < 0x800) || (length == 4 && point < 0x10000);
        if (overlong || point > 0x10FFFF || (point >= 0xD800 && point <= 0xDFFF))
            return false;
        i += length;
    }
    return true;
}

} // namespace petstore::core
