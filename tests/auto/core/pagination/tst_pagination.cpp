// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/pagination.h"

#include <QTest>

#include <climits>

using petstore::core::ErrorKind;
using petstore::core::PageMode;
using petstore::core::PageRequest;
using petstore::core::PageWindow;
using petstore::core::Pagination;
using nlohmann::json;

namespace {

// Cursors pinned by value: a change in the encoding breaks clients holding old cursors.
const QString CursorAt0 = QStringLiteral("djE6MDo1NzEwODc0Nw");     // "v1:0:57108747"
const QString CursorAt10 = QStringLiteral("djE6MTA6YmJmYzZjNWU");   // "v1:10:bbfc6c5e"
const QString CursorAt20 = QStringLiteral("djE6MjA6ODYzMGM5ZGI");   // "v1:20:8630c9db"
const QString CursorAt40 = QStringLiteral("djE6NDA6Zjc5MDA1Njk");   // "v1:40:f7900569"

PageRequest makeRequest(int limit, const QVariant &page, const QString &cursor)
{
    PageRequest request;
    request.limit = limit;
    if (page.isValid())
        request.page = page.toInt();
    if (!cursor.isNull())
        request.cursor = cursor.toStdString();
    return request;
}

// Splits "a=1&b=2" (or another item separator, so values may contain '&').
Pagination::QueryItems queryItems(const QString &query, QChar separator = u'&')
{
    Pagination::QueryItems items;
    for (const QString &pair : query.split(separator, Qt::SkipEmptyParts)) {
        const qsizetype eq = pair.indexOf(u'=');
        items.emplace_back(pair.left(eq).toStdString(),
                           eq < 0 ? std::string() : pair.mid(eq + 1).toStdString());
    }
    return items;
}

// "field:code;field:code" for compact table rows.
QString fieldsOf(const petstore::core::Error &error)
{
    QStringList parts;
    for (const auto &field : error.fields)
        parts << QString::fromStdString(field.field + ':' + field.code);
    return parts.join(u';');
}

QByteArray dumped(const json &value)
{
    return QByteArray::fromStdString(value.dump());
}

} // namespace

class tst_Pagination : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void windowClampsToCollection_data();
    void windowClampsToCollection();
    void rejectsInvalidRequests_data();
    void rejectsInvalidRequests();
    void readsQueryParameters_data();
    void readsQueryParameters();
    void buildsExactEnvelopes_data();
    void buildsExactEnvelopes();
    void cursorRoundTripsOffsets_data();
    void cursorRoundTripsOffsets();
};

void tst_Pagination::windowClampsToCollection_data()
{
    QTest::addColumn<int>("limit");
    QTest::addColumn<QVariant>("page");
    QTest::addColumn<QString>("cursor");
    QTest::addColumn<int>("total");
    QTest::addColumn<int>("offset");
    QTest::addColumn<int>("count");

    QTest::newRow("defaultFirstPage") << 20 << QVariant() << QString() << 45 << 0 << 20;
    QTest::newRow("secondPage") << 20 << QVariant(2) << QString() << 45 << 20 << 20;
    QTest::newRow("lastPartialPage") << 20 << QVariant(3) << QString() << 45 << 40 << 5;
    QTest::newRow("pageBeyondEnd") << 20 << QVariant(4) << QString() << 45 << 45 << 0;
    QTest::newRow("hugePage") << 100 << QVariant(INT_MAX) << QString() << 45 << 45 << 0;
    QTest::newRow("emptyCollection") << 20 << QVariant(1) << QString() << 0 << 0 << 0;
    QTest::newRow("cursorStart") << 10 << QVariant() << CursorAt0 << 45 << 0 << 10;
    QTest::newRow("cursorNearEnd") << 10 << QVariant() << CursorAt40 << 45 << 40 << 5;
    QTest::newRow("cursorBeyondEnd") << 10 << QVariant() << CursorAt40 << 12 << 12 << 0;
}

void tst_Pagination::windowClampsToCollection()
{
    QFETCH(int, limit);
    QFETCH(QVariant, page);
    QFETCH(QString, cursor);
    QFETCH(int, total);
    QFETCH(int, offset);
    QFETCH(int, count);

    const auto window = Pagination::window(makeRequest(limit, page, cursor), std::size_t(total));
    QVERIFY(window.ok());
    QCOMPARE(window->offset, std::size_t(offset));
    QCOMPARE(window->count, std::size_t(count));
}

void tst_Pagination::rejectsInvalidRequests_data()
{
    QTest::addColumn<int>("limit");
    QTest::addColumn<QVariant>("page");
    QTest::addColumn<QString>("cursor");
    QTest::addColumn<QString>("fields");

    QTest::newRow("limitZero") << 0 << QVariant() << QString() << "query.limit:minimum";
    QTest::newRow("limitNegative") << -5 << QVariant() << QString() << "query.limit:minimum";
    QTest::newRow("limitTooLarge") << 101 << QVariant() << QString() << "query.limit:maximum";
    QTest::newRow("pageZero") << 20 << QVariant(0) << QString() << "query.page:minimum";
    QTest::newRow("pageNegative") << 20 << QVariant(-3) << QString() << "query.page:minimum";
    QTest::newRow("limitAndPage") << 0 << QVariant(0) << QString()
                                  << "query.limit:minimum;query.page:minimum";
    QTest::newRow("pageAndCursor") << 20 << QVariant(2) << CursorAt20
                                   << "query.cursor:mutuallyExclusive";
    QTest::newRow("garbageCursor") << 20 << QVariant() << "not a cursor!"
                                   << "query.cursor:invalidCursor";
    QTest::newRow("emptyCursor") << 20 << QVariant() << "" << "query.cursor:invalidCursor";
    QTest::newRow("tamperedOffset") << 20 << QVariant() << "djE6MjE6ODYzMGM5ZGI" // v1:21:<crc of 20>
                                    << "query.cursor:invalidCursor";
    QTest::newRow("unknownVersion") << 20 << QVariant() << "djI6MjA6ODYzMGM5ZGI" // v2:20:...
                                    << "query.cursor:invalidCursor";
    QTest::newRow("leadingZeros") << 20 << QVariant() << "djE6MDIwOjg3ZmUyM2I4" // v1:020:<ok crc>
                                  << "query.cursor:invalidCursor";
    QTest::newRow("paddedCursor") << 20 << QVariant() << CursorAt20 + "="
                                  << "query.cursor:invalidCursor";
    QTest::newRow("truncatedCursor") << 20 << QVariant() << CursorAt20.chopped(1)
                                     << "query.cursor:invalidCursor";
    QTest::newRow("plainOffset") << 20 << QVariant() << "20" << "query.cursor:invalidCursor";
}

void tst_Pagination::rejectsInvalidRequests()
{
    QFETCH(int, limit);
    QFETCH(QVariant, page);
    QFETCH(QString, cursor);
    QFETCH(QString, fields);

    const auto window = Pagination::window(makeRequest(limit, page, cursor), 45);
    QVERIFY(!window.ok());
    QCOMPARE(window.error().kind, ErrorKind::Validation);
    QCOMPARE(fieldsOf(window.error()), fields);
}

void tst_Pagination::readsQueryParameters_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("expected");

    QTest::newRow("none") << "" << "limit=20 page=- cursor=-";
    QTest::newRow("pageAndLimit") << "page=2&limit=5" << "limit=5 page=2 cursor=-";
    QTest::newRow("otherParamsIgnored") << "species=DOG&limit=7" << "limit=7 page=- cursor=-";
    QTest::newRow("firstOccurrenceWins") << "page=2&page=3" << "limit=20 page=2 cursor=-";
    QTest::newRow("cursor") << "cursor=" + CursorAt20 + "&limit=10"
                            << "limit=10 page=- cursor=" + CursorAt20;
    QTest::newRow("limitNotInteger") << "limit=abc" << "error query.limit:type";
    QTest::newRow("pageFraction") << "page=1.5" << "error query.page:type";
    QTest::newRow("pageEmpty") << "page=" << "error query.page:type";
    QTest::newRow("limitPlusSign") << "limit=+5" << "error query.limit:type";
    QTest::newRow("bothNotInteger") << "limit=x&page=y" << "error query.limit:type;query.page:type";
    QTest::newRow("limitOverflow") << "limit=99999999999999999999" << "error query.limit:maximum";
    QTest::newRow("pageNegative") << "page=-1" << "error query.page:minimum";
    QTest::newRow("pageWithCursor") << "page=1&cursor=" + CursorAt20
                                    << "error query.cursor:mutuallyExclusive";
    QTest::newRow("badCursor") << "cursor=abc" << "error query.cursor:invalidCursor";
}

void tst_Pagination::readsQueryParameters()
{
    QFETCH(QString, query);
    QFETCH(QString, expected);

    const auto request = Pagination::fromQuery(queryItems(query));
    QString actual;
    if (request.ok()) {
        actual = QStringLiteral("limit=%1 page=%2 cursor=%3")
                     .arg(request->limit)
                     .arg(request->page ? QString::number(*request->page) : QStringLiteral("-"))
                     .arg(request->cursor ? QString::fromStdString(*request->cursor)
                                          : QStringLiteral("-"));
    } else {
        QCOMPARE(request.error().kind, ErrorKind::Validation);
        actual = "error " + fieldsOf(request.error());
    }
    QCOMPARE(actual, expected);
}

void tst_Pagination::buildsExactEnvelopes_data()
{
    QTest::addColumn<int>("limit");
    QTest::addColumn<QVariant>("page");
    QTest::addColumn<QString>("cursor");
    QTest::addColumn<bool>("cursorFirst");
    QTest::addColumn<int>("total");
    QTest::addColumn<QString>("otherQuery"); // items separated by '|'
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("middlePageKeepsFiltersEncoded")
        << 20 << QVariant(2) << QString() << false << 45
        << QString::fromUtf8("species=DOG|q=good boy & co/\u00e9")
        << QByteArray(R"({"data":[20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39],
            "pagination":{"page":2,"limit":20,"totalItems":45,"totalPages":3},
            "links":{"self":"/v1/pets?species=DOG&q=good%20boy%20%26%20co%2F%C3%A9&page=2&limit=20",
                     "first":"/v1/pets?species=DOG&q=good%20boy%20%26%20co%2F%C3%A9&page=1&limit=20",
                     "prev":"/v1/pets?species=DOG&q=good%20boy%20%26%20co%2F%C3%A9&page=1&limit=20",
                     "next":"/v1/pets?species=DOG&q=good%20boy%20%26%20co%2F%C3%A9&page=3&limit=20",
                     "last":"/v1/pets?species=DOG&q=good%20boy%20%26%20co%2F%C3%A9&page=3&limit=20"}})");
    QTest::newRow("defaultFirstPage")
        << 2 << QVariant() << QString() << false << 5 << QString()
        << QByteArray(R"({"data":[0,1],
            "pagination":{"page":1,"limit":2,"totalItems":5,"totalPages":3},
            "links":{"self":"/v1/pets?page=1&limit=2","first":"/v1/pets?page=1&limit=2",
                     "prev":null,"next":"/v1/pets?page=2&limit=2",
                     "last":"/v1/pets?page=3&limit=2"}})");
    QTest::newRow("lastPage")
        << 2 << QVariant(3) << QString() << false << 5 << QString("sort=-createdAt,name")
        << QByteArray(R"({"data":[4],
            "pagination":{"page":3,"limit":2,"totalItems":5,"totalPages":3},
            "links":{"self":"/v1/pets?sort=-createdAt%2Cname&page=3&limit=2",
                     "first":"/v1/pets?sort=-createdAt%2Cname&page=1&limit=2",
                     "prev":"/v1/pets?sort=-createdAt%2Cname&page=2&limit=2","next":null,
                     "last":"/v1/pets?sort=-createdAt%2Cname&page=3&limit=2"}})");
    QTest::newRow("emptyCollection")
        << 20 << QVariant() << QString() << false << 0 << QString()
        << QByteArray(R"({"data":[],
            "pagination":{"page":1,"limit":20,"totalItems":0,"totalPages":0},
            "links":{"self":"/v1/pets?page=1&limit=20","first":"/v1/pets?page=1&limit=20",
                     "prev":null,"next":null,"last":"/v1/pets?page=1&limit=20"}})");
    QTest::newRow("pageBeyondEndIsEmpty")
        << 20 << QVariant(7) << QString() << false << 45 << QString()
        << QByteArray(R"({"data":[],
            "pagination":{"page":7,"limit":20,"totalItems":45,"totalPages":3},
            "links":{"self":"/v1/pets?page=7&limit=20","first":"/v1/pets?page=1&limit=20",
                     "prev":"/v1/pets?page=3&limit=20","next":null,
                     "last":"/v1/pets?page=3&limit=20"}})");
    QTest::newRow("cursorMiddle")
        << 20 << QVariant() << CursorAt20 << false << 45 << QString("status=AVAILABLE")
        << QByteArray(R"({"data":[20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39],
            "pagination":{"limit":20,"totalItems":45,
                          "nextCursor":"djE6NDA6Zjc5MDA1Njk","prevCursor":"djE6MDo1NzEwODc0Nw"},
            "links":{"self":"/v1/pets?status=AVAILABLE&cursor=djE6MjA6ODYzMGM5ZGI&limit=20",
                     "first":"/v1/pets?status=AVAILABLE&limit=20",
                     "prev":"/v1/pets?status=AVAILABLE&cursor=djE6MDo1NzEwODc0Nw&limit=20",
                     "next":"/v1/pets?status=AVAILABLE&cursor=djE6NDA6Zjc5MDA1Njk&limit=20",
                     "last":null}})");
    QTest::newRow("cursorLastSlice")
        << 20 << QVariant() << CursorAt40 << false << 45 << QString()
        << QByteArray(R"({"data":[40,41,42,43,44],
            "pagination":{"limit":20,"totalItems":45,"nextCursor":null,
                          "prevCursor":"djE6MjA6ODYzMGM5ZGI"},
            "links":{"self":"/v1/pets?cursor=djE6NDA6Zjc5MDA1Njk&limit=20",
                     "first":"/v1/pets?limit=20",
                     "prev":"/v1/pets?cursor=djE6MjA6ODYzMGM5ZGI&limit=20",
                     "next":null,"last":null}})");
    QTest::newRow("cursorPrevClampsToStart")
        << 30 << QVariant() << CursorAt20 << false << 25 << QString()
        << QByteArray(R"({"data":[20,21,22,23,24],
            "pagination":{"limit":30,"totalItems":25,"nextCursor":null,
                          "prevCursor":"djE6MDo1NzEwODc0Nw"},
            "links":{"self":"/v1/pets?cursor=djE6MjA6ODYzMGM5ZGI&limit=30",
                     "first":"/v1/pets?limit=30",
                     "prev":"/v1/pets?cursor=djE6MDo1NzEwODc0Nw&limit=30",
                     "next":null,"last":null}})");
    QTest::newRow("cursorFirstEndpointWithoutCursor")
        << 10 << QVariant() << QString() << true << 45 << QString()
        << QByteArray(R"({"data":[0,1,2,3,4,5,6,7,8,9],
            "pagination":{"limit":10,"totalItems":45,"nextCursor":"djE6MTA6YmJmYzZjNWU",
                          "prevCursor":null},
            "links":{"self":"/v1/pets?limit=10","first":"/v1/pets?limit=10","prev":null,
                     "next":"/v1/pets?cursor=djE6MTA6YmJmYzZjNWU&limit=10","last":null}})");
}

void tst_Pagination::buildsExactEnvelopes()
{
    QFETCH(int, limit);
    QFETCH(QVariant, page);
    QFETCH(QString, cursor);
    QFETCH(bool, cursorFirst);
    QFETCH(int, total);
    QFETCH(QString, otherQuery);
    QFETCH(QByteArray, expected);

    PageRequest request = makeRequest(limit, page, cursor);
    request.whenUnspecified = cursorFirst ? PageMode::Cursor : PageMode::Page;
    const auto window = Pagination::window(request, std::size_t(total));
    QVERIFY(window.ok());
    json data = json::array();
    for (std::size_t i = window->offset; i < window->offset + window->count; ++i)
        data.push_back(i);

    const json actual = Pagination::envelope(std::move(data), request, *window, std::size_t(total),
                                             "/v1/pets", queryItems(otherQuery, u'|'));
    QCOMPARE(dumped(actual), dumped(json::parse(expected.toStdString())));
}

void tst_Pagination::cursorRoundTripsOffsets_data()
{
    QTest::addColumn<qulonglong>("offset");
    QTest::addColumn<QString>("cursor");

    QTest::newRow("0") << 0ULL << CursorAt0;
    QTest::newRow("10") << 10ULL << CursorAt10;
    QTest::newRow("20") << 20ULL << CursorAt20;
    QTest::newRow("1000000") << 1000000ULL << QStringLiteral("djE6MTAwMDAwMDozZDU2NzI4ZA");
}

void tst_Pagination::cursorRoundTripsOffsets()
{
    QFETCH(qulonglong, offset);
    QFETCH(QString, cursor);

    QCOMPARE(QString::fromStdString(Pagination::encodeCursor(std::size_t(offset))), cursor);
    const std::optional<std::size_t> decoded = Pagination::decodeCursor(cursor.toStdString());
    QVERIFY(decoded.has_value());
    QCOMPARE(qulonglong(*decoded), offset);
}

QTEST_APPLESS_MAIN(tst_Pagination)
#include "tst_pagination.moc"
