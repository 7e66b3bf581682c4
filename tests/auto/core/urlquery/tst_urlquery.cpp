// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/requests/urlquery.h"

#include <QTest>

using namespace petstore::core;

class TestUrlQuery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsRows()
    {
        const auto rows = UrlQuery::rows("{{baseUrl}}/pets?limit=2&name=Rex+Jr&q=%C3%A9&flag#frag");
        QCOMPARE(rows.size(), std::size_t(4));
        QVERIFY(rows[0] == (KeyValueRow{true, "limit", "2"}));
        QVERIFY(rows[1] == (KeyValueRow{true, "name", "Rex Jr"}));
        QVERIFY(rows[2] == (KeyValueRow{true, "q", "é"}));
        QVERIFY(rows[3] == (KeyValueRow{true, "flag", ""}));
        QVERIFY(UrlQuery::rows("http://h/#a?b=c").empty());
    }

    void writesRows_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("expected");
        QTest::newRow("replaces the query") << "http://h/p?old=1" << "http://h/p?limit=2&name=Rex%20Jr&v={{n}}";
        QTest::newRow("keeps the fragment") << "http://h/p#top" << "http://h/p?limit=2&name=Rex%20Jr&v={{n}}#top";
        QTest::newRow("variables in the base") << "{{baseUrl}}/pets" << "{{baseUrl}}/pets?limit=2&name=Rex%20Jr&v={{n}}";
    }
    void writesRows()
    {
        QFETCH(QString, url);
        QFETCH(QString, expected);
        const std::vector<KeyValueRow> rows{{true, "limit", "2"}, {false, "off", "x"}, {true, "name", "Rex Jr"},
                                            {true, "", ""}, {true, "v", "{{n}}"}};
        QCOMPARE(QString::fromStdString(UrlQuery::withRows(url.toStdString(), rows)), expected);
    }

    void noEnabledRowsDropTheQuestionMark()
    {
        QCOMPARE(QString::fromStdString(UrlQuery::withRows("http://h/p?a=1", {{false, "a", "1"}})), QStringLiteral("http://h/p"));
    }

    void roundTripsAnEncodedUrl()
    {
        const std::string url = "{{baseUrl}}/pets?status=available&limit={{limit}}&name=Rex%20Jr";
        QCOMPARE(QString::fromStdString(UrlQuery::withRows(url, UrlQuery::rows(url))), QString::fromStdString(url));
    }
};

QTEST_APPLESS_MAIN(TestUrlQuery)
#include "tst_urlquery.moc"
