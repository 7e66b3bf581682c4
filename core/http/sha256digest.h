// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

#include <string_view>

namespace petstore::core {

// SHA-256 (FIPS 180-4) through OpenSSL, which uses the CPU's SHA extensions: several times
// faster than QCryptographicHash, and it runs on every response for its ETag.
class Sha256Digest
{
public:
    static QByteArray of(std::string_view bytes);   // 32 raw bytes
};

} // namespace petstore::core
