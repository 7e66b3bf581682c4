// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

namespace petstore::core {

// PBKDF2-HMAC-SHA256 (RFC 8018 §5.2) with a random 16-byte salt per password. The encoded
// form is self-describing so the iteration count can change without invalidating old hashes:
//   pbkdf2-sha256$<iterations>$<base64 salt>$<base64 32-byte key>
class PasswordHasher
{
public:
    static constexpr int DefaultIterations = 100000;

    static std::string hash(std::string_view password, int iterations = DefaultIterations);
    // Constant-time comparison; false for a malformed encoding.
    static bool verify(std::string_view password, std::string_view encoded);
};

} // namespace petstore::core
