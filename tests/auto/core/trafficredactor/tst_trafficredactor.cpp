// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/traffic/trafficredactor.h"

#include <QtTest>

using petstore::core::TrafficRedactor;

class TestTrafficRedactor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void masksSecrets_data();
    void masksSecrets();
};

void TestTrafficRedactor::masksSecrets_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("expected");
    QTest::newRow("bearer") << "GET / HTTP/1.1\r\nHost: x\r\nauthorization: Bearer abc.def\r\n\r\n"
                            << "GET / HTTP/1.1\r\nHost: x\r\nauthorization: [redacted]\r\n\r\n";
    QTest::newRow("api-key") << "GET / HTTP/1.1\r\nX-API-Key: k123\r\n\r\n"
                             << "GET / HTTP/1.1\r\nX-API-Key: [redacted]\r\n\r\n";
    QTest::newRow("password") << "POST / HTTP/1.1\r\n\r\n{\"username\":\"alice\",\"password\" : \"s3cr\\\"et\"}"
                              << "POST / HTTP/1.1\r\n\r\n{\"username\":\"alice\",\"password\" : \"[redacted]\"}";
    QTest::newRow("card") << "POST / HTTP/1.1\r\n\r\n{\"source\":{\"number\":\"4242424242424242\",\"cvc\":\"123\",\"name\":\"A\"}}"
                          << "POST / HTTP/1.1\r\n\r\n{\"source\":{\"number\":\"[redacted]\",\"cvc\":\"[redacted]\",\"name\":\"A\"}}";
    QTest::newRow("token-response") << "HTTP/1.1 200 OK\r\n\r\n{\"accessToken\":\"eyJ\",\"expiresIn\":3600}"
                                    << "HTTP/1.1 200 OK\r\n\r\n{\"accessToken\":\"[redacted]\",\"expiresIn\":3600}";
    QTest::newRow("name-as-value-untouched") << "HTTP/1.1 200 OK\r\n\r\n{\"q\":\"password\"}"
                                             << "HTTP/1.1 200 OK\r\n\r\n{\"q\":\"password\"}";
    QTest::newRow("query-access-token") << "GET /v1/events?types=pet.*&access_token=eyJ.x&tenant=t HTTP/1.1\r\n\r\n"
                                        << "GET /v1/events?types=pet.*&access_token=[redacted]&tenant=t HTTP/1.1\r\n\r\n";
    QTest::newRow("query-token-first") << "GET /v1/ws/chat?token=abc HTTP/1.1\r\nHost: x\r\n\r\n"
                                       << "GET /v1/ws/chat?token=[redacted] HTTP/1.1\r\nHost: x\r\n\r\n";
    QTest::newRow("query-lookalike-untouched") << "GET /x?tokens=1&my_token=2 HTTP/1.1\r\n\r\n"
                                               << "GET /x?tokens=1&my_token=2 HTTP/1.1\r\n\r\n";
    QTest::newRow("numeric-member-untouched") << "HTTP/1.1 200 OK\r\n\r\n{\"number\":5}"
                                              << "HTTP/1.1 200 OK\r\n\r\n{\"number\":5}";
}

void TestTrafficRedactor::masksSecrets()
{
    QFETCH(QString, message);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(TrafficRedactor::redactHttpMessage(message.toStdString())), expected);
}

QTEST_APPLESS_MAIN(TestTrafficRedactor)
#include "tst_trafficredactor.moc"
