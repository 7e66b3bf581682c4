// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the text/event-stream parser the SSE console uses: the same bytes fed whole and split at
// a data-chosen point give the same events (or the same failure), limits hold, and what the
// writer produces from a parsed event parses back to the same event.
#include "core/protocols/sse/sseeventwriter.h"
#include "core/protocols/sse/ssestreamparser.h"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

using petstore::core::SseEventWriter;
using petstore::core::SseStreamParser;

namespace {

constexpr std::size_t MaxLine = 512;
constexpr std::size_t MaxEvent = 2048;

std::string run(std::string_view input, std::size_t split, bool roundTrip)
{
    SseStreamParser parser(SseStreamParser::Limits{MaxLine, MaxEvent});
    parser.feed(input.substr(0, split));
    parser.feed(input.substr(split));
    std::string summary;
    while (parser.hasEvent()) {
        const auto event = parser.takeEvent();
        // Data grows by at most 3 bytes per input byte (U+FFFD for one invalid byte).
        if (event.data.size() > MaxEvent * 3)
            std::abort();
        summary += event.type + '\x1f' + event.id + '\x1f' + event.data + '\x1e';
        if (roundTrip) {
            SseStreamParser again;
            again.feed(SseEventWriter::event(event.data, event.type, event.id));
            if (!again.hasEvent())
                std::abort();
            const auto back = again.takeEvent();
            if (back.data != event.data || back.type != event.type || (!event.id.empty() && back.id != event.id))
                std::abort();
        }
    }
    return summary + (parser.failed() ? parser.errorMessage() : std::string());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const std::string_view input(reinterpret_cast<const char *>(data) + 1, size - 1);
    const std::size_t split = input.empty() ? 0 : data[0] % (input.size() + 1);
    const std::string whole = run(input, input.size(), true);
    // A failure depends only on the bytes, not on how they were split; events too.
    if (run(input, split, false) != whole)
        std::abort();
    return 0;
}
