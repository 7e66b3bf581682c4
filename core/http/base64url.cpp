// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/base64url.h"

#include <QByteArray>

namespace petstore::core {

namespace {

constexpr auto Options = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

} // namespace

std::string Base64Url::encode(std::string_view bytes)
{
    return QByteArray(bytes.data(), qsizetype(bytes.size())).toBase64(Options).toStdString();
}

std::optional<std::string> Base64Url::decode(std::string_view text)
{
    const QByteArray input(text.data(), qsizetype(text.size()));
    const auto result = QByteArray::fromBase64Encoding(
        input, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (result.decodingStatus != QByteArray::Base64DecodingStatus::Ok)
        return std::nullopt;
    // Qt tolerates padding, a dangling sixth bit group and non-zero spare bits; re-encoding
    // and comparing rejects all three at once (RFC 4648 §3.5 canonical encoding).
    if (result.decoded.toBase64(Options) != input)
        return std::nullopt;
    return result.decoded.toStdString();
}

} // namespace petstore::core
