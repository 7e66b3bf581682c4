// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/jwths256.h"

#include "core/http/base64url.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <cctype>
#include <optional>

namespace petstore::core {

namespace {

constexpr std::size_t SignatureBytes = 32;

std::string hmacSha256(std::string_view secret, std::string_view data)
{
    // OpenSSL reads a null key as "keep the previous key"; an empty key needs a real pointer.
    static const unsigned char emptyKey = 0;
    const void *key = secret.empty() ? static_cast<const void *>(&emptyKey) : secret.data();
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    const unsigned char *ok = HMAC(EVP_sha256(), key, int(secret.size()),
                                   reinterpret_cast<const unsigned char *>(data.data()),
                                   data.size(), out, &length);
    if (!ok || length != SignatureBytes)
        return {};
    return std::string(reinterpret_cast<const char *>(out), length);
}

Error unauthorized(std::string message)
{
    return Error::make(ErrorKind::Unauthorized, std::move(message));
}

std::optional<nlohmann::json> parseObject(const std::string &bytes)
{
    nlohmann::json value = nlohmann::json::parse(bytes, nullptr, false);
    if (value.is_discarded() || !value.is_object())
        return std::nullopt;
    return value;
}

bool equalsIgnoringCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size()
        && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x))
                   == std::tolower(static_cast<unsigned char>(y));
           });
}

std::optional<Error> checkHeader(const nlohmann::json &header)
{
    // RFC 8725 §3.1: the algorithm is fixed by the verifier, never taken from the token.
    if (!header.contains("alg"))
        return unauthorized("token header has no alg");
    if (header["alg"] != "HS256")
        return unauthorized("token algorithm is not accepted, only HS256 is");
    // RFC 7515 §4.1.9: typ is a media type name, compared case-insensitively.
    if (header.contains("typ")
        && !(header["typ"].is_string()
             && equalsIgnoringCase(header["typ"].get_ref<const std::string &>(), "JWT")))
        return unauthorized("token typ is not JWT");
    // RFC 7515 §4.1.11: we understand no extensions, so any critical one must be refused.
    if (header.contains("crit"))
        return unauthorized("token header lists critical extensions that are not supported");
    return std::nullopt;
}

std::optional<Error> checkTimes(const nlohmann::json &claims, std::int64_t now, int leeway)
{
    // RFC 7519 §4.1.4: the current time must be before exp (plus the allowed skew).
    if (!claims.contains("exp"))
        return unauthorized("token has no exp claim");
    if (!claims["exp"].is_number())
        return unauthorized("token exp claim is not a NumericDate");
    if (double(now) >= claims["exp"].get<double>() + leeway)
        return unauthorized("token has expired");
    // RFC 7519 §4.1.5: the current time must be at or after nbf (minus the allowed skew).
    if (claims.contains("nbf")) {
        if (!claims["nbf"].is_number())
            return unauthorized("token nbf claim is not a NumericDate");
        if (double(now) + leeway < claims["nbf"].get<double>())
            return unauthorized("token is not valid yet");
    }
    return std::nullopt;
}

} // namespace

std::string JwtHs256::sign(const nlohmann::json &claims, std::string_view secret)
{
    const nlohmann::json header = {{"alg", "HS256"}, {"typ", "JWT"}};
    const auto dump = [](const nlohmann::json &value) {
        return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    };
    const std::string signingInput = Base64Url::encode(dump(header)) + '.'
        + Base64Url::encode(dump(claims));
    return signingInput + '.' + Base64Url::encode(hmacSha256(secret, signingInput));
}

Result<nlohmann::json> JwtHs256::verify(std::string_view token, std::string_view secret,
                                        std::int64_t nowSeconds, int leewaySeconds)
{
    // RFC 7515 §7.1: BASE64URL(header) '.' BASE64URL(payload) '.' BASE64URL(signature)
    const std::size_t firstDot = token.find('.');
    const std::size_t secondDot =
        firstDot == std::string_view::npos ? firstDot : token.find('.', firstDot + 1);
    if (secondDot == std::string_view::npos || token.find('.', secondDot + 1) != token.npos)
        return unauthorized("token is not a compact JWS (expected three base64url parts)");
    const std::string_view headerPart = token.substr(0, firstDot);
    const std::string_view payloadPart = token.substr(firstDot + 1, secondDot - firstDot - 1);
    const std::string_view signaturePart = token.substr(secondDot + 1);

    const std::optional<std::string> headerBytes = Base64Url::decode(headerPart);
    if (!headerBytes)
        return unauthorized("token header is not valid base64url");
    const std::optional<nlohmann::json> header = parseObject(*headerBytes);
    if (!header)
        return unauthorized("token header is not a JSON object");
    if (std::optional<Error> error = checkHeader(*header))
        return *error;

    // The signature is checked before the payload is even parsed (RFC 8725 §3.1).
    const std::optional<std::string> signature = Base64Url::decode(signaturePart);
    if (!signature)
        return unauthorized("token signature is not valid base64url");
    const std::string expected = hmacSha256(secret, token.substr(0, secondDot));
    if (expected.size() != SignatureBytes || signature->size() != SignatureBytes
        || CRYPTO_memcmp(expected.data(), signature->data(), SignatureBytes) != 0)
        return unauthorized("token signature is invalid");

    const std::optional<std::string> payloadBytes = Base64Url::decode(payloadPart);
    if (!payloadBytes)
        return unauthorized("token payload is not valid base64url");
    std::optional<nlohmann::json> claims = parseObject(*payloadBytes);
    if (!claims)
        return unauthorized("token payload is not a JSON object");
    if (std::optional<Error> error = checkTimes(*claims, nowSeconds, leewaySeconds))
        return *error;
    return std::move(*claims);
}

bool JwtHs256::hasScope(const nlohmann::json &claims, std::string_view scope)
{
    if (scope.empty() || !claims.is_object() || !claims.contains("scope")
        || !claims["scope"].is_string())
        return false;
    std::string_view rest = claims["scope"].get_ref<const std::string &>();
    while (!rest.empty()) {
        const std::size_t space = rest.find(' ');
        if (rest.substr(0, space) == scope)
            return true;
        if (space == std::string_view::npos)
            break;
        rest.remove_prefix(space + 1);
    }
    return false;
}

} // namespace petstore::core
