// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/http1/http1requestparser.h"

#include <QtTest>

using petstore::core::Http1Request;
using petstore::core::Http1RequestParser;

class TestHttp1RequestParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesSimpleGet();
    void parsesRequestFedOneByteAtATime();
    void parsesPipelinedRequestsInOrder();
    void decodesChunkedBody();
    void keepsExactRawBytes();
    void acceptsCustomAndQueryMethods();
    void requestsContinueForExpectHeader();
    void stopsAtUpgradeAndKeepsRemainder();
    void decidesKeepAlive_data();
    void decidesKeepAlive();
    void rejectsMalformedInput_data();
    void rejectsMalformedInput();
    void refusesOversizedBodyBeforeReadingIt();
    void staysFailedAfterError();
};

void TestHttp1RequestParser::parsesSimpleGet()
{
    Http1RequestParser parser;
    parser.feed("GET /v1/pets?limit=2&species=DOG HTTP/1.1\r\nHost: localhost\r\nAccept: */*\r\n\r\n");
    QVERIFY(parser.hasRequest());
    const Http1Request r = parser.takeRequest();
    QCOMPARE(r.method, std::string("GET"));
    QCOMPARE(r.path(), std::string("/v1/pets"));
    QCOMPARE(r.query(), std::string("limit=2&species=DOG"));
    QCOMPARE(r.header("host"), std::string("localhost"));
    QCOMPARE(r.headers.size(), std::size_t(2));
    QVERIFY(r.body.empty());
    QVERIFY(!parser.hasRequest());
}

void TestHttp1RequestParser::parsesRequestFedOneByteAtATime()
{
    const std::string wire = "POST /v1/pets HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\n{\"name\":1}\n";
    Http1RequestParser parser;
    for (char c : wire) {
        QVERIFY(!parser.hasRequest());
        parser.feed(std::string_view(&c, 1));
    }
    QVERIFY(parser.hasRequest());
    QCOMPARE(parser.takeRequest().body, std::string("{\"name\":1}\n"));
}

void TestHttp1RequestParser::parsesPipelinedRequestsInOrder()
{
    Http1RequestParser parser;
    parser.feed("GET /a HTTP/1.1\r\nHost: x\r\n\r\nPOST /b HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabcGET /c HTTP/1.1\r\nHost: x\r\n\r\n");
    QStringList seen;
    while (parser.hasRequest()) {
        const Http1Request r = parser.takeRequest();
        seen << QString::fromStdString(r.method + ' ' + r.target + ' ' + r.body);
    }
    QCOMPARE(seen, QStringList({"GET /a ", "POST /b abc", "GET /c "}));
}

void TestHttp1RequestParser::decodesChunkedBody()
{
    Http1RequestParser parser;
    parser.feed("POST /x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n4;ext=1\r\nWiki\r\n5\r\npedia\r\n0\r\nTrailer: t\r\n\r\n");
    QVERIFY(parser.hasRequest());
    QCOMPARE(parser.takeRequest().body, std::string("Wikipedia"));
}

void TestHttp1RequestParser::keepsExactRawBytes()
{
    const std::string wire = "PUT /v1/pets/1 HTTP/1.1\r\nHost:   spaced  \r\nContent-Length: 2\r\n\r\n{}";
    Http1RequestParser parser;
    parser.feed(wire + "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    const Http1Request r = parser.takeRequest();
    QCOMPARE(r.raw, wire);
    QCOMPARE(r.header("Host"), std::string("spaced"));
}

void TestHttp1RequestParser::acceptsCustomAndQueryMethods()
{
    Http1RequestParser parser;
    parser.feed("QUERY /v1/pets/search HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}PURGE /x HTTP/1.1\r\nHost: x\r\n\r\n");
    QCOMPARE(parser.takeRequest().method, std::string("QUERY"));
    QCOMPARE(parser.takeRequest().method, std::string("PURGE"));
}

void TestHttp1RequestParser::requestsContinueForExpectHeader()
{
    Http1RequestParser parser;
    parser.feed("POST /x HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n");
    QVERIFY(parser.takeContinueRequest());
    QVERIFY(!parser.takeContinueRequest());
    parser.feed("{}");
    QVERIFY(parser.hasRequest());
}

void TestHttp1RequestParser::stopsAtUpgradeAndKeepsRemainder()
{
    Http1RequestParser parser;
    parser.feed("GET /v1/ws/echo HTTP/1.1\r\nHost: x\r\nConnection: keep-alive, Upgrade\r\nUpgrade: websocket\r\n\r\n\x81\x05hello");
    QVERIFY(parser.upgraded());
    QCOMPARE(parser.takeRequest().upgradeProtocol(), std::string("websocket"));
    QCOMPARE(parser.takeRemainder(), std::string("\x81\x05hello"));
}

void TestHttp1RequestParser::decidesKeepAlive_data()
{
    QTest::addColumn<QString>("wire");
    QTest::addColumn<bool>("keepAlive");
    QTest::newRow("http11-default") << "GET / HTTP/1.1\r\nHost: x\r\n\r\n" << true;
    QTest::newRow("http11-close") << "GET / HTTP/1.1\r\nHost: x\r\nConnection: Close\r\n\r\n" << false;
    QTest::newRow("http10-default") << "GET / HTTP/1.0\r\n\r\n" << false;
    QTest::newRow("http10-keep-alive") << "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n" << true;
}

void TestHttp1RequestParser::decidesKeepAlive()
{
    QFETCH(QString, wire);
    QFETCH(bool, keepAlive);
    Http1RequestParser parser;
    parser.feed(wire.toStdString());
    QVERIFY(parser.hasRequest());
    QCOMPARE(parser.takeRequest().keepAlive(), keepAlive);
}

void TestHttp1RequestParser::rejectsMalformedInput_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<int>("status");
    QTest::newRow("no-version") << QByteArray("GET /\r\nHost: x\r\n\r\n") << 400;
    QTest::newRow("extra-space") << QByteArray("GET  / HTTP/1.1\r\nHost: x\r\n\r\n") << 400;
    QTest::newRow("bad-method-token") << QByteArray("G(T / HTTP/1.1\r\nHost: x\r\n\r\n") << 400;
    QTest::newRow("http2-preface") << QByteArray("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n") << 505;
    QTest::newRow("garbage-version") << QByteArray("GET / HTTQ/1.1\r\nHost: x\r\n\r\n") << 400;
    QTest::newRow("missing-host") << QByteArray("GET / HTTP/1.1\r\nAccept: */*\r\n\r\n") << 400;
    QTest::newRow("space-before-colon") << QByteArray("GET / HTTP/1.1\r\nHost : x\r\n\r\n") << 400;
    QTest::newRow("obs-fold") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nX-A: a\r\n  b\r\n\r\n") << 400;
    QTest::newRow("control-in-value") << QByteArray("GET / HTTP/1.1\r\nHost: x\x01y\r\n\r\n") << 400;
    QTest::newRow("bad-content-length") << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1x\r\n\r\n") << 400;
    QTest::newRow("negative-content-length") << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n") << 400;
    QTest::newRow("conflicting-lengths") << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n") << 400;
    QTest::newRow("te-and-cl") << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n") << 400;
    QTest::newRow("gzip-te") << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n") << 501;
    QTest::newRow("bad-chunk-size") << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n") << 400;
    QTest::newRow("chunk-without-crlf") << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nab\r\n") << 400;
    QTest::newRow("huge-head") << (QByteArray("GET / HTTP/1.1\r\nHost: x\r\nX-Big: ") + QByteArray(20000, 'a')) << 431;
    QByteArray many("GET / HTTP/1.1\r\nHost: x\r\n");
    for (int i = 0; i < 101; ++i)
        many += "X-" + QByteArray::number(i) + ": v\r\n";
    QTest::newRow("too-many-fields") << (many + "\r\n") << 431;
    QTest::newRow("body-too-large") << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1048577\r\n\r\n") << 413;
    QTest::newRow("chunked-too-large") << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n100001\r\n") << 413;
}

void TestHttp1RequestParser::rejectsMalformedInput()
{
    QFETCH(QByteArray, wire);
    QFETCH(int, status);
    Http1RequestParser parser;
    parser.feed(std::string_view(wire.constData(), std::size_t(wire.size())));
    QVERIFY(!parser.hasRequest());
    QCOMPARE(parser.errorStatus(), status);
    QVERIFY(!parser.errorMessage().empty());
}

void TestHttp1RequestParser::refusesOversizedBodyBeforeReadingIt()
{
    Http1RequestParser::Limits limits;
    limits.maxBodyBytes = 100;
    Http1RequestParser parser(limits);
    parser.feed("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 101\r\n\r\n");
    QCOMPARE(parser.errorStatus(), 413);
    QCOMPARE(parser.bufferedBytes(), std::size_t(0));
}

void TestHttp1RequestParser::staysFailedAfterError()
{
    Http1RequestParser parser;
    parser.feed("BAD\r\n\r\n");
    QVERIFY(parser.failed());
    parser.feed("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    QVERIFY(!parser.hasRequest());
    QCOMPARE(parser.bufferedBytes(), std::size_t(0));
}

QTEST_APPLESS_MAIN(TestHttp1RequestParser)
#include "tst_http1requestparser.moc"
