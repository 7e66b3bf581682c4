// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace petstore::core {

// The URL- and filename-safe base64 alphabet without padding (RFC 4648 §5), as used by JWS
// (RFC 7515 §2), entity tags and pagination cursors.
class Base64Url
{
public:
    static std::string encode(std::string_view bytes);
    // Only the canonical encoding of some byte string is accepted: no padding, no characters
    // outside the alphabet, no non-zero spare bits. Anything else returns nullopt, so one value
    // has exactly one spelling (a tampered token cannot re-encode to the same bytes).
    static std::optional<std::string> decode(std::string_view text);
};

} // namespace petstore::core
