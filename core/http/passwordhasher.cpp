// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/passwordhasher.h"

#include <QByteArray>
#include <QList>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

namespace petstore::core {

namespace {

constexpr int SaltBytes = 16;
constexpr int KeyBytes = 32;
// Bounds what a stored hash may demand, so a corrupted seed cannot stall a login for minutes.
constexpr int MaxIterations = 10'000'000;

QByteArray derive(std::string_view password, const QByteArray &salt, int iterations)
{
    QByteArray key(KeyBytes, Qt::Uninitialized);
    const int ok = PKCS5_PBKDF2_HMAC(password.data(), int(password.size()),
                                     reinterpret_cast<const unsigned char *>(salt.constData()),
                                     int(salt.size()), iterations, EVP_sha256(), KeyBytes,
                                     reinterpret_cast<unsigned char *>(key.data()));
    return ok == 1 ? key : QByteArray();
}

} // namespace

std::string PasswordHasher::hash(std::string_view password, int iterations)
{
    QByteArray salt(SaltBytes, Qt::Uninitialized);
    RAND_bytes(reinterpret_cast<unsigned char *>(salt.data()), SaltBytes);
    const QByteArray key = derive(password, salt, iterations);
    return "pbkdf2-sha256$" + std::to_string(iterations) + '$' + salt.toBase64().toStdString()
        + '$' + key.toBase64().toStdString();
}

bool PasswordHasher::verify(std::string_view password, std::string_view encoded)
{
    const QList<QByteArray> parts =
        QByteArray(encoded.data(), qsizetype(encoded.size())).split('$');
    if (parts.size() != 4 || parts[0] != "pbkdf2-sha256")
        return false;
    bool ok = false;
    const int iterations = parts[1].toInt(&ok);
    if (!ok || iterations < 1 || iterations > MaxIterations)
        return false;
    const QByteArray salt = QByteArray::fromBase64(parts[2]);
    const QByteArray expected = QByteArray::fromBase64(parts[3]);
    if (salt.isEmpty() || expected.size() != KeyBytes)
        return false;
    const QByteArray actual = derive(password, salt, iterations);
    return actual.size() == KeyBytes
        && CRYPTO_memcmp(actual.constData(), expected.constData(), KeyBytes) == 0;
}

} // namespace petstore::core
