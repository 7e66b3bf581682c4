// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/etag.h"

#include <QTest>

using petstore::core::ETag;
using petstore::core::EntityTag;

namespace {

// "W/abc" style summary of a parsed list, "invalid" when parsing failed.
QString describe(const std::optional<std::vector<EntityTag>> &tags)
{
    if (!tags)
        return QStringLiteral("invalid");
    QStringList parts;
    for (const EntityTag &tag : *tags)
        parts << (tag.weak ? "W/" : "") + QString::fromStdString(tag.opaque);
    return parts.join(u'|');
}

} // namespace

class tst_ETag : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void strongTagHashesBytes_data();
    void strongTagHashesBytes();
    void weakTagNamesIdAndRevision();
    void parsesSingleEntityTag_data();
    void parsesSingleEntityTag();
    void parsesEntityTagLists_data();
    void parsesEntityTagLists();
    void ifNoneMatchUsesWeakComparison_data();
    void ifNoneMatchUsesWeakComparison();
    void ifMatchUsesStrongComparison_data();
    void ifMatchUsesStrongComparison();
};

void tst_ETag::strongTagHashesBytes_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("etag");

    // base64url of the first 16 bytes of SHA-256, computed independently with Python hashlib.
    QTest::newRow("empty") << QByteArray() << R"("47DEQpj8HBSa-_TImW-5JA")";
    QTest::newRow("hello") << QByteArray("hello") << R"("LPJNul-wow4m6Dsqxbning")";
    QTest::newRow("json") << QByteArray(R"({"id":1})") << R"("A3ySFO73TMOIfzpPCFtOFw")";
}

void tst_ETag::strongTagHashesBytes()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, etag);
    const std::string actual = ETag::strongFor(std::string_view(bytes.constData(), bytes.size()));
    QCOMPARE(QString::fromStdString(actual), etag);
    QVERIFY(ETag::parse(actual).has_value());
}

void tst_ETag::weakTagNamesIdAndRevision()
{
    QCOMPARE(QString::fromStdString(ETag::weakForRevision("pet-1", 3)), R"(W/"98635816-3")");
    QCOMPARE(QString::fromStdString(ETag::weakForRevision("pet-1", 4)), R"(W/"98635816-4")");
    QCOMPARE(QString::fromStdString(ETag::weakForRevision("019237a4-7f1c-7c2a-9d1e-3b5f6a7c8d9e",
                                                     18446744073709551615ULL)),
             R"(W/"cfe58db2-18446744073709551615")");
}

void tst_ETag::parsesSingleEntityTag_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("parsed");

    QTest::newRow("strong") << R"("abc")" << "abc";
    QTest::newRow("weak") << R"(W/"abc")" << "W/abc";
    QTest::newRow("emptyOpaque") << R"("")" << "";
    QTest::newRow("surroundingSpace") << " \t\"abc\" " << "abc";
    QTest::newRow("commaInside") << R"("a,b")" << "a,b";
    QTest::newRow("lowercaseWeakPrefix") << R"(w/"abc")" << "invalid";
    QTest::newRow("unquoted") << "abc" << "invalid";
    QTest::newRow("unterminated") << R"("abc)" << "invalid";
    QTest::newRow("trailingGarbage") << R"("abc"x)" << "invalid";
    QTest::newRow("spaceInside") << R"("a b")" << "invalid";
    QTest::newRow("two") << R"("a", "b")" << "invalid";
    QTest::newRow("empty") << "" << "invalid";
}

void tst_ETag::parsesSingleEntityTag()
{
    QFETCH(QString, text);
    QFETCH(QString, parsed);
    const std::optional<EntityTag> tag = ETag::parse(text.toStdString());
    QCOMPARE(describe(tag ? std::optional(std::vector{*tag}) : std::nullopt), parsed);
}

void tst_ETag::parsesEntityTagLists_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("parsed");

    QTest::newRow("one") << R"("a")" << "a";
    QTest::newRow("three") << R"("a", W/"b","c")" << "a|W/b|c";
    QTest::newRow("emptyElements") << R"(, "a" ,, "b",)" << "a|b";
    QTest::newRow("commaInsideOpaque") << R"("a,b", "c")" << "a,b|c";
    QTest::newRow("empty") << "" << "";
    QTest::newRow("onlyCommas") << " , ," << "";
    QTest::newRow("star") << "*" << "invalid";
    QTest::newRow("missingComma") << R"("a" "b")" << "invalid";
    QTest::newRow("bareToken") << R"("a", b)" << "invalid";
    QTest::newRow("unterminated") << R"("a", "b)" << "invalid";
}

void tst_ETag::parsesEntityTagLists()
{
    QFETCH(QString, field);
    QFETCH(QString, parsed);
    QCOMPARE(describe(ETag::parseList(field.toStdString())), parsed);
}

void tst_ETag::ifNoneMatchUsesWeakComparison_data()
{
    QTest::addColumn<QString>("ifNoneMatch");
    QTest::addColumn<QString>("etag");
    QTest::addColumn<bool>("proceed");

    QTest::newRow("sameStrong") << R"("x")" << R"("x")" << false;
    QTest::newRow("weakRequestStrongCurrent") << R"(W/"x")" << R"("x")" << false;
    QTest::newRow("strongRequestWeakCurrent") << R"("x")" << R"(W/"x")" << false;
    QTest::newRow("bothWeak") << R"(W/"x")" << R"(W/"x")" << false;
    QTest::newRow("different") << R"("y")" << R"("x")" << true;
    QTest::newRow("inList") << R"("a", W/"x", "b")" << R"("x")" << false;
    QTest::newRow("notInList") << R"("a", "b")" << R"("x")" << true;
    QTest::newRow("starWithRepresentation") << "*" << R"("x")" << false;
    QTest::newRow("starWithoutRepresentation") << " * " << "" << true;
    QTest::newRow("caseMatters") << R"("X")" << R"("x")" << true;
    QTest::newRow("malformedMatchesNothing") << R"("x)" << R"("x")" << true;
}

void tst_ETag::ifNoneMatchUsesWeakComparison()
{
    QFETCH(QString, ifNoneMatch);
    QFETCH(QString, etag);
    QFETCH(bool, proceed);
    QCOMPARE(ETag::noneMatch(ifNoneMatch.toStdString(), etag.toStdString()), proceed);
}

void tst_ETag::ifMatchUsesStrongComparison_data()
{
    QTest::addColumn<QString>("ifMatch");
    QTest::addColumn<QString>("etag");
    QTest::addColumn<bool>("matched");

    QTest::newRow("sameStrong") << R"("x")" << R"("x")" << true;
    QTest::newRow("weakRequest") << R"(W/"x")" << R"("x")" << false;
    QTest::newRow("weakCurrent") << R"("x")" << R"(W/"x")" << false;
    QTest::newRow("bothWeak") << R"(W/"x")" << R"(W/"x")" << false;
    QTest::newRow("different") << R"("y")" << R"("x")" << false;
    QTest::newRow("inList") << R"("a", "x")" << R"("x")" << true;
    QTest::newRow("onlyWeakInList") << R"("a", W/"x")" << R"("x")" << false;
    QTest::newRow("starWithRepresentation") << "*" << R"("x")" << true;
    QTest::newRow("starWithWeakRepresentation") << "*" << R"(W/"x")" << true;
    QTest::newRow("starWithoutRepresentation") << "*" << "" << false;
    QTest::newRow("malformed") << R"(x)" << R"("x")" << false;
    QTest::newRow("emptyField") << "" << R"("x")" << false;
}

void tst_ETag::ifMatchUsesStrongComparison()
{
    QFETCH(QString, ifMatch);
    QFETCH(QString, etag);
    QFETCH(bool, matched);
    QCOMPARE(ETag::match(ifMatch.toStdString(), etag.toStdString()), matched);
}

QTEST_APPLESS_MAIN(tst_ETag)
#include "tst_etag.moc"
