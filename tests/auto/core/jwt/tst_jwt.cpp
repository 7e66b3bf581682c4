// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/jwths256.h"

#include <QMessageAuthenticationCode>
#include <QTest>

using petstore::core::ErrorKind;
using petstore::core::JwtHs256;
using nlohmann::json;

namespace {

constexpr std::int64_t Now = 1'700'000'000;
const QByteArray Secret = "s3cret";
const QByteArray StandardHeader = R"({"alg":"HS256","typ":"JWT"})";
const QByteArray ValidClaims = R"({"sub":"u1","exp":1700000100})";

QByteArray b64(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// Builds tokens with Qt's HMAC, independently of the OpenSSL code under test.
QByteArray signature(const QByteArray &signingInput, const QByteArray &secret = Secret)
{
    return QMessageAuthenticationCode::hash(signingInput, secret, QCryptographicHash::Sha256);
}

QByteArray token(const QByteArray &header, const QByteArray &payload,
                 const QByteArray &secret = Secret)
{
    const QByteArray input = b64(header) + '.' + b64(payload);
    return input + '.' + b64(signature(input, secret));
}

// Signs whatever text sits in the first two parts, even if it is not base64url.
QByteArray tokenFromParts(const QByteArray &headerPart, const QByteArray &payloadPart)
{
    const QByteArray input = headerPart + '.' + payloadPart;
    return input + '.' + b64(signature(input));
}

QByteArray claimsAt(const char *name, std::int64_t value)
{
    return QByteArray::fromStdString(json{{"sub", "u1"}, {"exp", Now + 100}, {name, value}}.dump());
}

} // namespace

class tst_Jwt : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void signsExactCompactToken();
    void verifiesWhatItSigns();
    void rejectsInvalidTokens_data();
    void rejectsInvalidTokens();
    void acceptsValidTokens_data();
    void acceptsValidTokens();
    void readsSpaceSeparatedScopes_data();
    void readsSpaceSeparatedScopes();
};

void tst_Jwt::signsExactCompactToken()
{
    const json claims = {{"sub", "user-1"}, {"scope", "read:pets write:pets"}, {"exp", 1900000000}};
    // Computed independently with Python's hmac and base64 modules.
    const std::string expected =
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
        ".eyJleHAiOjE5MDAwMDAwMDAsInNjb3BlIjoicmVhZDpwZXRzIHdyaXRlOnBldHMiLCJzdWIiOiJ1c2VyLTEifQ"
        ".g9sfYtNJA3R1rhNSjb8W11Zy7nQ01CCGUd2-Z37WFAY";
    QCOMPARE(JwtHs256::sign(claims, "s3cret"), expected);
}

void tst_Jwt::verifiesWhatItSigns()
{
    const json claims = {{"sub", "user-1"}, {"scope", "read:pets"}, {"exp", Now + 3600},
                         {"iat", Now}, {"name", "Zo\u00eb"}};
    const auto verified = JwtHs256::verify(JwtHs256::sign(claims, "k"), "k", Now);
    QVERIFY(verified.ok());
    QCOMPARE(verified->dump(), claims.dump());
    // An empty secret still produces an HMAC; it simply is not the same key.
    const std::string unkeyed = JwtHs256::sign(claims, "");
    QVERIFY(JwtHs256::verify(unkeyed, "", Now).ok());
    QCOMPARE(JwtHs256::verify(unkeyed, "k", Now).error().message,
             std::string("token signature is invalid"));
}

void tst_Jwt::rejectsInvalidTokens_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QString>("message");

    const QString notCompact = "token is not a compact JWS (expected three base64url parts)";
    const QString badAlg = "token algorithm is not accepted, only HS256 is";
    const QByteArray valid = token(StandardHeader, ValidClaims);

    QTest::newRow("empty") << QByteArray() << notCompact;
    QTest::newRow("twoParts") << QByteArray("abc.def") << notCompact;
    QTest::newRow("fourParts") << valid + ".x" << notCompact;
    QTest::newRow("headerNotBase64url") << tokenFromParts("!!!", b64(ValidClaims))
                                        << "token header is not valid base64url";
    QTest::newRow("headerPadded")
        << tokenFromParts(QByteArray(R"({"alg":"HS256", "x":1})").toBase64(
                              QByteArray::Base64UrlEncoding),
                          b64(ValidClaims))
        << "token header is not valid base64url";
    QTest::newRow("headerNotJson") << token("{", ValidClaims) << "token header is not a JSON object";
    QTest::newRow("headerArray") << token("[]", ValidClaims) << "token header is not a JSON object";
    QTest::newRow("algMissing") << token(R"({"typ":"JWT"})", ValidClaims)
                                << "token header has no alg";
    QTest::newRow("algNone") << b64(R"({"alg":"none"})") + '.' + b64(ValidClaims) + '.' << badAlg;
    QTest::newRow("algHS512") << token(R"({"alg":"HS512"})", ValidClaims) << badAlg;
    QTest::newRow("algLowercase") << token(R"({"alg":"hs256"})", ValidClaims) << badAlg;
    QTest::newRow("algNumber") << token(R"({"alg":256})", ValidClaims) << badAlg;
    QTest::newRow("algRS256") << token(R"({"alg":"RS256"})", ValidClaims) << badAlg;
    QTest::newRow("typNotJwt") << token(R"({"alg":"HS256","typ":"JWS"})", ValidClaims)
                               << "token typ is not JWT";
    QTest::newRow("typNumber") << token(R"({"alg":"HS256","typ":1})", ValidClaims)
                               << "token typ is not JWT";
    QTest::newRow("critHeader") << token(R"({"alg":"HS256","crit":["exp"]})", ValidClaims)
                                << "token header lists critical extensions that are not supported";
    QTest::newRow("wrongSecret") << token(StandardHeader, ValidClaims, "other")
                                 << "token signature is invalid";
    QTest::newRow("signatureEmpty") << b64(StandardHeader) + '.' + b64(ValidClaims) + '.'
                                    << "token signature is invalid";
    QTest::newRow("signatureTruncated")
        << b64(StandardHeader) + '.' + b64(ValidClaims) + '.'
               + b64(signature(b64(StandardHeader) + '.' + b64(ValidClaims)).left(31))
        << "token signature is invalid";
    QTest::newRow("signatureNotBase64url")
        << b64(StandardHeader) + '.' + b64(ValidClaims) + ".+/+/"
        << "token signature is not valid base64url";
    QTest::newRow("payloadTampered")
        << b64(StandardHeader) + '.' + b64(R"({"sub":"admin","exp":1700000100})") + '.'
               + valid.mid(valid.lastIndexOf('.') + 1)
        << "token signature is invalid";
    QTest::newRow("payloadNotBase64url") << tokenFromParts(b64(StandardHeader), "@@")
                                         << "token payload is not valid base64url";
    QTest::newRow("payloadNotJson") << token(StandardHeader, "not json")
                                    << "token payload is not a JSON object";
    QTest::newRow("payloadString") << token(StandardHeader, R"("claims")")
                                   << "token payload is not a JSON object";
    QTest::newRow("expMissing") << token(StandardHeader, R"({"sub":"u1"})")
                                << "token has no exp claim";
    QTest::newRow("expString") << token(StandardHeader, R"({"exp":"1700000100"})")
                               << "token exp claim is not a NumericDate";
    QTest::newRow("expiredBeyondLeeway")
        << token(StandardHeader, QByteArray::fromStdString(json{{"exp", Now - 30}}.dump()))
        << "token has expired";
    QTest::newRow("nbfBeyondLeeway") << token(StandardHeader, claimsAt("nbf", Now + 31))
                                     << "token is not valid yet";
    QTest::newRow("nbfString")
        << token(StandardHeader, R"({"exp":1700000100,"nbf":"soon"})")
        << "token nbf claim is not a NumericDate";
}

void tst_Jwt::rejectsInvalidTokens()
{
    QFETCH(QByteArray, token);
    QFETCH(QString, message);

    const auto result = JwtHs256::verify(token.toStdString(), Secret.toStdString(), Now, 30);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ErrorKind::Unauthorized);
    QCOMPARE(QString::fromStdString(result.error().message), message);
}

void tst_Jwt::acceptsValidTokens_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QString>("subject");

    QTest::newRow("standard") << token(StandardHeader, ValidClaims) << "u1";
    QTest::newRow("noTyp") << token(R"({"alg":"HS256"})", ValidClaims) << "u1";
    QTest::newRow("typLowercase") << token(R"({"alg":"HS256","typ":"jwt"})", ValidClaims) << "u1";
    QTest::newRow("expWithinLeeway")
        << token(StandardHeader, QByteArray::fromStdString(
                                     json{{"sub", "u2"}, {"exp", Now - 29}}.dump()))
        << "u2";
    QTest::newRow("expFractional")
        << token(StandardHeader, R"({"sub":"u3","exp":1700000000.5})") << "u3";
    QTest::newRow("nbfWithinLeeway") << token(StandardHeader, claimsAt("nbf", Now + 30)) << "u1";
    QTest::newRow("nbfPast") << token(StandardHeader, claimsAt("nbf", Now - 1000)) << "u1";
}

void tst_Jwt::acceptsValidTokens()
{
    QFETCH(QByteArray, token);
    QFETCH(QString, subject);

    const auto result = JwtHs256::verify(token.toStdString(), Secret.toStdString(), Now, 30);
    QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
    QCOMPARE(QString::fromStdString(result->value("sub", std::string())), subject);
}

void tst_Jwt::readsSpaceSeparatedScopes_data()
{
    QTest::addColumn<QByteArray>("claims");
    QTest::addColumn<QString>("scope");
    QTest::addColumn<bool>("granted");

    const QByteArray two = R"({"scope":"read:pets write:pets"})";
    QTest::newRow("first") << two << "read:pets" << true;
    QTest::newRow("second") << two << "write:pets" << true;
    QTest::newRow("prefixOnly") << two << "read" << false;
    QTest::newRow("suffixOnly") << two << "pets" << false;
    QTest::newRow("caseSensitive") << two << "READ:PETS" << false;
    QTest::newRow("wholeString") << two << "read:pets write:pets" << false;
    QTest::newRow("emptyScope") << two << "" << false;
    QTest::newRow("doubleSpace") << QByteArray(R"({"scope":"a  b"})") << "b" << true;
    QTest::newRow("notString") << QByteArray(R"({"scope":["read:pets"]})") << "read:pets" << false;
    QTest::newRow("missing") << QByteArray(R"({"sub":"u1"})") << "read:pets" << false;
}

void tst_Jwt::readsSpaceSeparatedScopes()
{
    QFETCH(QByteArray, claims);
    QFETCH(QString, scope);
    QFETCH(bool, granted);
    QCOMPARE(JwtHs256::hasScope(json::parse(claims.toStdString()), scope.toStdString()), granted);
}

QTEST_APPLESS_MAIN(tst_Jwt)
#include "tst_jwt.moc"
