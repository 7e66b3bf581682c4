// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/rest/requesthistorystore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace petstore;
using panels::HistoryEntry;
using panels::RequestHistoryStore;

namespace {

HistoryEntry entry(const std::string &method, const std::string &url, int status)
{
    HistoryEntry e;
    e.spec.method = method;
    e.spec.url = url;
    e.status = status;
    e.totalMs = 1.5;
    return e;
}

} // namespace

class TestRequestHistoryStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepsEntriesNewestFirstAcrossReopen()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        {
            RequestHistoryStore store;
            QVERIFY(store.open(path).ok());
            QVERIFY(store.isPersistent());
            QVERIFY(store.add(entry("GET", "{{baseUrl}}/pets", 200)).ok());
            auto post = entry("POST", "{{baseUrl}}/orders", 201);
            post.spec.bodyKind = core::RequestBodyKind::Json;
            post.spec.body = "{\"petId\":\"p1\"}";
            QVERIFY(store.add(post).ok());
        }
        RequestHistoryStore store;
        QVERIFY(store.open(path).ok());
        const auto entries = store.recent(10);
        QCOMPARE(entries.size(), 2);
        QCOMPARE(QString::fromStdString(entries[0].spec.method), QStringLiteral("POST"));
        QCOMPARE(QString::fromStdString(entries[0].spec.body), QStringLiteral("{\"petId\":\"p1\"}"));
        QCOMPARE(entries[0].status, 201);
        QCOMPARE(entries[1].totalMs, 1.5);
    }

    void searchesMethodUrlAndStatus()
    {
        RequestHistoryStore store;
        QTemporaryDir dir;
        QVERIFY(store.open(dir.filePath(QStringLiteral("h.sqlite"))).ok());
        store.add(entry("GET", "http://h/pets", 200));
        store.add(entry("DELETE", "http://h/pets/1", 404));
        store.add(entry("GET", "http://h/orders", 200));
        QCOMPARE(store.recent(10, QStringLiteral("orders")).size(), 1);
        QCOMPARE(store.recent(10, QStringLiteral("404")).size(), 1);
        QCOMPARE(store.recent(10, QStringLiteral("get")).size(), 2);
        QVERIFY(store.remove(store.recent(1)[0].id).ok());
        QCOMPARE(store.recent(10).size(), 2);
        QVERIFY(store.clear().ok());
        QCOMPARE(store.recent(10).size(), 0);
    }

    void prunesBeyondItsCapacity()
    {
        RequestHistoryStore store;
        QTemporaryDir dir;
        QVERIFY(store.open(dir.filePath(QStringLiteral("h.sqlite"))).ok());
        for (int i = 0; i < RequestHistoryStore::Capacity + 3; ++i)
            QVERIFY(store.add(entry("GET", "http://h/" + std::to_string(i), 200)).ok());
        const auto entries = store.recent(RequestHistoryStore::Capacity + 10);
        QCOMPARE(entries.size(), RequestHistoryStore::Capacity);
        QCOMPARE(QString::fromStdString(entries.last().spec.url), QStringLiteral("http://h/3"));
    }

    void aCorruptFileIsReportedAndHistoryStillWorks()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("corrupt.sqlite"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, '\x5a'));
        file.close();
        RequestHistoryStore store;
        const auto opened = store.open(path);
        QVERIFY(!opened.ok());
        QCOMPARE(QString::fromStdString(opened.error().message),
                 QStringLiteral("History is kept in memory for this session: %1 cannot be used (file is not a database Unable to fetch row).").arg(path));
        QVERIFY(!store.isPersistent());
        QVERIFY(store.add(entry("GET", "http://h/", 200)).ok());
        QCOMPARE(store.recent(5).size(), 1);
        QCOMPARE(QFile(path).size(), 4096);
    }

    void anUnwritableLocationIsReportedAndHistoryStillWorks()
    {
        // A path under a regular file cannot be created, even by root.
        QTemporaryDir dir;
        QFile blocker(dir.filePath(QStringLiteral("not-a-dir")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const QString path = dir.filePath(QStringLiteral("not-a-dir/history.sqlite"));
        RequestHistoryStore store;
        const auto opened = store.open(path);
        QVERIFY(!opened.ok());
        QVERIFY(QString::fromStdString(opened.error().message)
                    .startsWith(QStringLiteral("History is kept in memory for this session: %1 cannot be used").arg(path)));
        QVERIFY(store.add(entry("GET", "http://h/", 200)).ok());
        QCOMPARE(store.recent(5).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestRequestHistoryStore)
#include "tst_requesthistorystore.moc"
