// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace petstore::core {

// Reads MQTT's data representations from one packet's bytes, refusing what the specification
// calls malformed (MQTT 5.0 §1.5, §4.13): reading past the end, a variable byte integer longer
// than four bytes or not minimally encoded, UTF-8 strings that are ill-formed or hold U+0000
// (§1.5.4). Errors are ErrorKind::BadRequest, which the broker answers with reason code 0x81
// (v5) or by closing the connection (3.1.1). `what` names the field in the message.
class MqttByteReader
{
public:
    explicit MqttByteReader(std::string_view bytes) : m_bytes(bytes) {}

    Result<std::uint8_t> u8(const char *what);
    Result<std::uint16_t> u16(const char *what);
    Result<std::uint32_t> u32(const char *what);
    Result<std::uint32_t> variableInt(const char *what);
    Result<std::string> string(const char *what);
    Result<std::string> binary(const char *what);
    // The next `size` bytes as they are (a PUBLISH payload, a property block).
    Result<std::string_view> take(std::size_t size, const char *what);
    std::string_view rest();

    std::size_t remaining() const { return m_bytes.size() - m_at; }
    bool atEnd() const { return m_at == m_bytes.size(); }

    // Well-formed UTF-8 (RFC 3629: no overlongs, no surrogates, nothing past U+10FFFF) without
    // U+0000, as MQTT 5.0 §1.5.4 and 3.1.1 §1.5.3 require of every string.
    static bool isValidMqttUtf8(std::string_view text);

private:
    Error malformed(const char *what, const std::string &problem) const;

    std::string_view m_bytes;
    std::size_t m_at = 0;
};

} // namespace petstore::core
