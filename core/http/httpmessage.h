// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace petstore::core {

// Header names compare case-insensitively (RFC 9110 §5.1).
bool headerNameEquals(std::string_view a, std::string_view b);
// A list-based field value, "a, b, c" (RFC 9110 §5.6.1), e.g. for Allow.
std::string joinFieldValues(const std::vector<std::string> &items);

// An HTTP response as plain data, independent of any socket: what handlers and middleware
// produce and what the idempotency cache replays.
struct HttpResponse
{
    int status = 200;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;

    // First value of a header, or empty.
    std::string header(std::string_view name) const;
    // Replaces every value of `name` with one value.
    void setHeader(std::string_view name, std::string value);
    void addHeader(std::string name, std::string value) { headers.emplace_back(std::move(name), std::move(value)); }
    bool hasHeader(std::string_view name) const;
};

} // namespace petstore::core
