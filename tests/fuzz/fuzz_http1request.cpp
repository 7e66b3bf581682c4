// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes HTTP/1.1 request framing: the same bytes fed whole and split at a data-chosen point
// must give the same requests (or the same error), and nothing may crash or grow unbounded.
#include "core/protocols/http1/http1requestparser.h"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

using petstore::core::Http1RequestParser;

namespace {

std::string run(std::string_view input, std::size_t split)
{
    Http1RequestParser::Limits limits;
    limits.maxHeaderBytes = 4096;
    limits.maxBodyBytes = 8192;
    Http1RequestParser parser(limits);
    parser.feed(input.substr(0, split));
    parser.feed(input.substr(split));
    std::string summary;
    while (parser.hasRequest()) {
        const auto request = parser.takeRequest();
        if (request.raw.size() > limits.maxHeaderBytes + limits.maxBodyBytes + 2048 || request.body.size() > limits.maxBodyBytes)
            std::abort();
        summary += request.method + ' ' + request.target + ' ' + std::to_string(request.body.size()) + '\n';
    }
    return summary + std::to_string(parser.errorStatus());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view input(reinterpret_cast<const char *>(data), size);
    const std::size_t split = size == 0 ? 0 : data[0] % (size + 1);
    if (run(input, input.size()) != run(input, split))
        std::abort();
    return 0;
}
