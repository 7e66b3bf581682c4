// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace petstore::core {

// A media type or media range as Content-Type and Accept carry it (RFC 9110 §8.3.1,
// §12.5.1): the lower-case type/subtype, and the parameters after `;` with lower-case names
// and values (quotes removed).
struct MediaType
{
    std::string essence;                                       // "application/json"
    std::vector<std::pair<std::string, std::string>> parameters;

    static MediaType parse(std::string_view text);
    // A parameter's value, or `fallback` when absent.
    std::string parameter(std::string_view name, std::string fallback = {}) const;
};

} // namespace petstore::core
