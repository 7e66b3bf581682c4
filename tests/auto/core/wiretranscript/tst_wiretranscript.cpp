// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/requests/wiretranscript.h"

#include <QTest>

using namespace petstore::core;

class TestWireTranscript : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requestUsesOriginFormAndHostFirst()
    {
        const ResolvedRequest request{"POST", "https://api.example:8443/v1/pets?x=1#frag",
                                      {{"Content-Type", "application/json"}, {"host", "ignored"}}, "{}"};
        QCOMPARE(QString::fromStdString(WireTranscript::request(request)),
                 QStringLiteral("POST /v1/pets?x=1 HTTP/1.1\r\nHost: api.example:8443\r\n"
                                "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"));
        QCOMPARE(QString::fromStdString(WireTranscript::request({"GET", "http://h", {}, ""})),
                 QStringLiteral("GET / HTTP/1.1\r\nHost: h\r\n\r\n"));
    }

    void responseKeepsHeadersAsReceived()
    {
        QCOMPARE(QString::fromStdString(WireTranscript::response("1.1", 404, "Not Found",
                                                                 {{"Content-Type", "application/problem+json"}}, "{}")),
                 QStringLiteral("HTTP/1.1 404 Not Found\r\nContent-Type: application/problem+json\r\n\r\n{}"));
        QCOMPARE(QString::fromStdString(WireTranscript::response("", 204, "No Content", {}, "")),
                 QStringLiteral("HTTP/1.1 204 No Content\r\n\r\n"));
    }
};

QTEST_APPLESS_MAIN(TestWireTranscript)
#include "tst_wiretranscript.moc"
