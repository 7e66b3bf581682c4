// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/petstore/uuid.h"

#include <array>
#include <cstdint>
#include <random>

namespace petstore::core {

namespace {

constexpr long long MaxTimestamp = (1LL << 48) - 1;
constexpr unsigned MaxCounter = 0xFFF;

// Random bits come from a per-thread engine rather than the generator object, so copies of a
// Store (tenants cloned from one seeded template) never hand out the same random tail.
std::uint64_t randomBits()
{
    thread_local std::mt19937_64 engine([] {
        std::random_device device;
        std::seed_seq seed{device(), device(), device(), device()};
        return std::mt19937_64(seed);
    }());
    return engine();
}

// RFC 9562 §6.2 method 1: the counter is re-seeded randomly on every new millisecond with its
// most significant bit cleared, which leaves at least 2048 increments before rollover.
unsigned freshCounter()
{
    return unsigned(randomBits() & 0x7FF);
}

bool isHex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

} // namespace

std::string UuidV7Generator::next(TimePoint now)
{
    long long ms = now.time_since_epoch().count();
    ms = ms < 0 ? 0 : (ms > MaxTimestamp ? MaxTimestamp : ms);
    if (ms > m_lastMs) {
        m_lastMs = ms;
        m_counter = freshCounter();
    } else if (++m_counter > MaxCounter) {
        // Same millisecond (or the clock stepped back): RFC 9562 §6.2 lets the timestamp run
        // ahead by one when the counter overflows, which keeps ids strictly increasing.
        m_lastMs = m_lastMs < MaxTimestamp ? m_lastMs + 1 : MaxTimestamp;
        m_counter = freshCounter();
    }

    // RFC 9562 §5.7: unix_ts_ms(48) | ver(4)=0111 | rand_a(12)=counter | var(2)=10 | rand_b(62)
    std::array<unsigned char, 16> bytes{};
    for (int i = 0; i < 6; ++i)
        bytes[std::size_t(i)] = static_cast<unsigned char>(m_lastMs >> (40 - 8 * i));
    bytes[6] = static_cast<unsigned char>(0x70 | (m_counter >> 8));
    bytes[7] = static_cast<unsigned char>(m_counter & 0xFF);
    const std::uint64_t tail = randomBits();
    for (int i = 0; i < 8; ++i)
        bytes[std::size_t(8 + i)] = static_cast<unsigned char>(tail >> (56 - 8 * i));
    bytes[8] = static_cast<unsigned char>(0x80 | (bytes[8] & 0x3F));

    static constexpr char Hex[] = "0123456789abcdef";
    std::string text;
    text.reserve(36);
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            text += '-';
        text += Hex[bytes[i] >> 4];
        text += Hex[bytes[i] & 0x0F];
    }
    return text;
}

bool isUuid(std::string_view text)
{
    if (text.size() != 36)
        return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? text[i] != '-' : !isHex(text[i]))
            return false;
    }
    return true;
}

} // namespace petstore::core
