// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes what the streaming consoles parse beyond the SSE framing: hex payloads typed into the
// WebSocket composer (accepted text decodes to bytes that re-encode to the same digits), chat
// chunks assembled by the SSE console (the text is exactly the concatenated deltas), and SSE
// filters (`?types=`, `?subject=`) built from arbitrary text never crash.
#include "core/petstore/eventfilter.h"
#include "core/protocols/sse/chatstreamassembler.h"
#include "core/protocols/websocket/websocketframe.h"

#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

using namespace petstore::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view input(reinterpret_cast<const char *>(data), size);

    const auto bytes = bytesFromHex(input);
    if (bytes.ok()) {
        std::string digits;
        for (char c : input)
            if (std::isxdigit(static_cast<unsigned char>(c)))
                digits += char(std::tolower(static_cast<unsigned char>(c)));
        if (digits.size() != bytes.value().size() * 2)
            std::abort();
        static const char hex[] = "0123456789abcdef";
        for (std::size_t i = 0; i < bytes.value().size(); ++i) {
            const auto b = static_cast<unsigned char>(bytes.value()[i]);
            if (digits[2 * i] != hex[b >> 4] || digits[2 * i + 1] != hex[b & 15])
                std::abort();
        }
    }

    // Each line is one event's data.
    ChatStreamAssembler chat;
    std::string expected;
    std::size_t start = 0;
    while (start <= input.size()) {
        const std::size_t end = std::min(input.find('\n', start), input.size());
        SseEvent event;
        event.data = std::string(input.substr(start, end - start));
        expected += chat.add(event);
        start = end + 1;
    }
    if (chat.text() != expected)
        std::abort();

    const std::size_t half = input.size() / 2;
    const EventFilter filter(std::string(input.substr(0, half)), std::string(input.substr(half)));
    CloudEvent event;
    event.type = std::string(input.substr(0, half));
    event.subject = std::string(input.substr(half));
    (void)filter.matches(event);
    return 0;
}
