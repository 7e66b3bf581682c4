// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/rest/savedrequeststore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace petstore;
using panels::SavedNode;
using panels::SavedRequestStore;

class TestSavedRequestStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void buildsATreeThatSurvivesReopen()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("saved.sqlite"));
        qint64 folder = 0;
        {
            SavedRequestStore store;
            QVERIFY(store.open(path).ok());
            const auto collection = store.createCollection(QStringLiteral("Petstore"));
            QVERIFY(collection.ok());
            folder = *store.createFolder(*collection, QStringLiteral("Pets"));
            core::HttpRequestSpec spec;
            spec.name = "List pets";
            spec.url = "{{baseUrl}}/pets";
            QVERIFY(store.saveRequest(folder, spec).ok());
            spec.name = "Get pet";
            QVERIFY(store.saveRequest(folder, spec).ok());
        }
        SavedRequestStore store;
        QVERIFY(store.open(path).ok());
        const auto roots = store.children(0);
        QCOMPARE(roots.size(), 1);
        QCOMPARE(roots[0].kind, SavedNode::Kind::Collection);
        const auto requests = store.children(folder);
        QCOMPARE(requests.size(), 2);
        QCOMPARE(requests[0].name, QStringLiteral("List pets"));
        QCOMPARE(QString::fromStdString(requests[1].spec.url), QStringLiteral("{{baseUrl}}/pets"));
    }

    void renamesMovesAndRemovesRecursively()
    {
        QTemporaryDir dir;
        SavedRequestStore store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("s.sqlite"))).ok());
        const qint64 a = *store.createCollection(QStringLiteral("A"));
        const qint64 b = *store.createCollection(QStringLiteral("B"));
        core::HttpRequestSpec spec;
        spec.name = "one";
        const qint64 request = *store.saveRequest(a, spec);
        QVERIFY(store.rename(request, QStringLiteral("renamed")).ok());
        QCOMPARE(QString::fromStdString(store.node(request)->spec.name), QStringLiteral("renamed"));
        QVERIFY(store.move(request, b).ok());
        QCOMPARE(store.children(a).size(), 0);
        QCOMPARE(store.children(b).size(), 1);
        QVERIFY(!store.move(b, a).ok());
        QVERIFY(store.remove(b).ok());
        QVERIFY(!store.node(request).has_value());
        QCOMPARE(store.children(0).size(), 1);
    }

    void importsAnOpenApiCollectionInOneGo()
    {
        QTemporaryDir dir;
        SavedRequestStore store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("s.sqlite"))).ok());
        core::Collection collection{"Mini", {{"Pets", {{}, {}}}, {"Orders", {{}}}}};
        const auto imported = store.importCollection(collection);
        QVERIFY(imported.ok());
        QCOMPARE(store.node(*imported)->name, QStringLiteral("Mini"));
        const auto folders = store.children(*imported);
        QCOMPARE(folders.size(), 2);
        QCOMPARE(store.children(folders[0].id).size(), 2);
        QCOMPARE(store.children(folders[1].id).size(), 1);
    }

    void aCorruptFileFallsBackToMemory()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.sqlite"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("SQLite format 2 — not really");
        file.close();
        SavedRequestStore store;
        const auto opened = store.open(path);
        QVERIFY(!opened.ok());
        QVERIFY(QString::fromStdString(opened.error().message).startsWith(QStringLiteral("Collections is kept in memory")));
        QVERIFY(store.createCollection(QStringLiteral("Still works")).ok());
        QCOMPARE(store.children(0).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSavedRequestStore)
#include "tst_savedrequeststore.moc"
