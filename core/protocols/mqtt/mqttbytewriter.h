// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace petstore::core {

// Appends MQTT's data representations (MQTT 5.0 §1.5, 3.1.1 §1.5): big-endian two- and
// four-byte integers, variable byte integers, length-prefixed UTF-8 strings and binary data.
// The caller has validated what it writes; the writer only lays out bytes.
class MqttByteWriter
{
public:
    void u8(std::uint8_t value) { m_bytes += char(value); }
    void u16(std::uint16_t value);
    void u32(std::uint32_t value);
    // §1.5.5: 7 bits per byte, high bit = more follows; at most 268,435,455 (four bytes).
    void variableInt(std::uint32_t value);
    void string(std::string_view text) { binary(text); }   // §1.5.4: two-byte length + bytes
    void binary(std::string_view data);                    // §1.5.6
    void raw(std::string_view bytes) { m_bytes.append(bytes); }

    const std::string &bytes() const { return m_bytes; }
    std::string take() { return std::move(m_bytes); }
    std::size_t size() const { return m_bytes.size(); }

    // How many bytes variableInt(value) writes.
    static std::size_t variableIntSize(std::uint32_t value);
    static constexpr std::uint32_t MaxVariableInt = 268435455;

private:
    std::string m_bytes;
};

} // namespace petstore::core
