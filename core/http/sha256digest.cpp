// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/sha256digest.h"

#include <openssl/evp.h>

namespace petstore::core {

QByteArray Sha256Digest::of(std::string_view bytes)
{
    QByteArray digest(32, Qt::Uninitialized);
    unsigned int size = 0;
    EVP_Digest(bytes.data(), bytes.size(), reinterpret_cast<unsigned char *>(digest.data()), &size,
               EVP_sha256(), nullptr);
    return digest;
}

} // namespace petstore::core
