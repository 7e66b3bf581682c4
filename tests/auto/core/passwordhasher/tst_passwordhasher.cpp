// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/passwordhasher.h"

#include <QTest>

using petstore::core::PasswordHasher;

namespace {

// PBKDF2 is deliberately slow; tests use a tiny count, read back from the encoding.
constexpr int FastIterations = 1000;

// PBKDF2-HMAC-SHA256("correct horse", "0123456789abcdef", 2 iterations), computed
// independently with Python's hashlib.pbkdf2_hmac.
const QByteArray KnownHash =
    "pbkdf2-sha256$2$MDEyMzQ1Njc4OWFiY2RlZg==$+XZchAcQvbzHAIQiZZrHyRb2Cx523Fdzt1QV6Y6OK88=";

} // namespace

class tst_PasswordHasher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void verifiesWhatItHashes();
    void rejectsWrongPassword();
    void usesFreshSaltEachTime();
    void encodesSchemeIterationsSaltAndKey();
    void readsIterationCountFromEncoding();
    void rejectsMalformedEncodings_data();
    void rejectsMalformedEncodings();
};

void tst_PasswordHasher::verifiesWhatItHashes()
{
    const std::string encoded = PasswordHasher::hash("s3cret-P@ss", FastIterations);
    QVERIFY(PasswordHasher::verify("s3cret-P@ss", encoded));
    const std::string empty = PasswordHasher::hash("", FastIterations);
    QVERIFY(PasswordHasher::verify("", empty));
}

void tst_PasswordHasher::rejectsWrongPassword()
{
    const std::string encoded = PasswordHasher::hash("s3cret-P@ss", FastIterations);
    QVERIFY(!PasswordHasher::verify("s3cret-P@sS", encoded));
    QVERIFY(!PasswordHasher::verify("s3cret-P@ss ", encoded));
    QVERIFY(!PasswordHasher::verify("", encoded));
}

void tst_PasswordHasher::usesFreshSaltEachTime()
{
    const std::string a = PasswordHasher::hash("same", FastIterations);
    const std::string b = PasswordHasher::hash("same", FastIterations);
    QVERIFY(a != b);
    const QList<QByteArray> partsA = QByteArray::fromStdString(a).split('$');
    const QList<QByteArray> partsB = QByteArray::fromStdString(b).split('$');
    QVERIFY(partsA.at(2) != partsB.at(2));
    QVERIFY(PasswordHasher::verify("same", a));
    QVERIFY(PasswordHasher::verify("same", b));
}

void tst_PasswordHasher::encodesSchemeIterationsSaltAndKey()
{
    const QList<QByteArray> parts =
        QByteArray::fromStdString(PasswordHasher::hash("pw", FastIterations)).split('$');
    QCOMPARE(parts.size(), 4);
    QCOMPARE(parts.at(0), QByteArray("pbkdf2-sha256"));
    QCOMPARE(parts.at(1), QByteArray("1000"));
    QCOMPARE(QByteArray::fromBase64(parts.at(2)).size(), 16);
    QCOMPARE(QByteArray::fromBase64(parts.at(3)).size(), 32);
    QCOMPARE(PasswordHasher::DefaultIterations, 100000);
}

void tst_PasswordHasher::readsIterationCountFromEncoding()
{
    QVERIFY(PasswordHasher::verify("correct horse", KnownHash.toStdString()));
    QVERIFY(!PasswordHasher::verify("correct horsf", KnownHash.toStdString()));
    // Same salt and key claimed for another count: the derived key differs.
    QByteArray otherCount = KnownHash;
    otherCount.replace("$2$", "$3$");
    QVERIFY(!PasswordHasher::verify("correct horse", otherCount.toStdString()));
}

void tst_PasswordHasher::rejectsMalformedEncodings_data()
{
    QTest::addColumn<QByteArray>("encoded");

    const QByteArray salt = "MDEyMzQ1Njc4OWFiY2RlZg==";
    const QByteArray key = "+XZchAcQvbzHAIQiZZrHyRb2Cx523Fdzt1QV6Y6OK88=";
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("schemeOnly") << QByteArray("pbkdf2-sha256");
    QTest::newRow("threeParts") << "pbkdf2-sha256$2$" + salt;
    QTest::newRow("fiveParts") << KnownHash + "$extra";
    QTest::newRow("otherScheme") << "pbkdf2-sha512$2$" + salt + '$' + key;
    QTest::newRow("bcryptLike") << QByteArray("$2b$10$abcdefghijklmnopqrstuv");
    QTest::newRow("iterationsZero") << "pbkdf2-sha256$0$" + salt + '$' + key;
    QTest::newRow("iterationsNegative") << "pbkdf2-sha256$-2$" + salt + '$' + key;
    QTest::newRow("iterationsNotNumber") << "pbkdf2-sha256$two$" + salt + '$' + key;
    QTest::newRow("iterationsAboveCap") << "pbkdf2-sha256$10000001$" + salt + '$' + key;
    QTest::newRow("iterationsOverflow") << "pbkdf2-sha256$99999999999$" + salt + '$' + key;
    QTest::newRow("emptySalt") << "pbkdf2-sha256$2$$" + key;
    QTest::newRow("emptyKey") << "pbkdf2-sha256$2$" + salt + '$';
    QTest::newRow("shortKey") << "pbkdf2-sha256$2$" + salt + "$" + key.left(20);
    QTest::newRow("longKey") << "pbkdf2-sha256$2$" + salt + "$" + QByteArray(48, 'A').toBase64();
}

void tst_PasswordHasher::rejectsMalformedEncodings()
{
    QFETCH(QByteArray, encoded);
    QVERIFY(!PasswordHasher::verify("correct horse", encoded.toStdString()));
}

QTEST_APPLESS_MAIN(tst_PasswordHasher)
#include "tst_passwordhasher.moc"
