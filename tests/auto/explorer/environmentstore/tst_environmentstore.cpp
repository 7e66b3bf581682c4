// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/explorer/environmentstore.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using petstore::explorer::EnvironmentStore;

class TestEnvironmentStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString settingsPath() const { return m_dir.filePath(QStringLiteral("settings.ini")); }

private Q_SLOTS:
    void init()
    {
        QFile::remove(settingsPath());
    }

    void startsOnTheEmbeddedMockWithThreeBuiltIns()
    {
        QSettings settings(settingsPath(), QSettings::IniFormat);
        EnvironmentStore store(settings);
        QCOMPARE(store.environments().size(), 3);
        QCOMPARE(store.current().id, QStringLiteral("embedded"));
        QVERIFY(store.current().embeddedMock);
        QCOMPARE(store.find(QStringLiteral("production"))->baseUrl, QStringLiteral("https://api.petstoreapi.com/v1"));
        QCOMPARE(store.find(QStringLiteral("sandbox"))->baseUrl, QStringLiteral("https://sandbox.petstoreapi.com/v1"));
    }

    void embeddedBaseUrlFollowsTheBoundPort()
    {
        QSettings settings(settingsPath(), QSettings::IniFormat);
        EnvironmentStore store(settings);
        QSignalSpy changed(&store, &EnvironmentStore::currentChanged);
        store.setEmbeddedPort(43117);
        QCOMPARE(store.current().baseUrl, QStringLiteral("http://127.0.0.1:43117/v1"));
        QCOMPARE(store.variables().value(QStringLiteral("baseUrl")), QStringLiteral("http://127.0.0.1:43117/v1"));
        QCOMPARE(changed.size(), 1);
    }

    void userEnvironmentsAndSelectionSurviveARestart()
    {
        QString id;
        {
            QSettings settings(settingsPath(), QSettings::IniFormat);
            EnvironmentStore store(settings);
            id = store.add(QStringLiteral("Staging"), QStringLiteral("https://staging.example/v1"),
                           {{QStringLiteral("token"), QStringLiteral("abc")}});
            store.setCurrent(id);
        }
        QSettings settings(settingsPath(), QSettings::IniFormat);
        EnvironmentStore store(settings);
        QCOMPARE(store.environments().size(), 4);
        QCOMPARE(store.current().id, id);
        QCOMPARE(store.current().name, QStringLiteral("Staging"));
        QCOMPARE(store.variables().value(QStringLiteral("token")), QStringLiteral("abc"));
        QCOMPARE(store.variables().value(QStringLiteral("baseUrl")), QStringLiteral("https://staging.example/v1"));
    }

    void builtInsKeepNameAndBaseUrlButStoreVariables()
    {
        {
            QSettings settings(settingsPath(), QSettings::IniFormat);
            EnvironmentStore store(settings);
            auto production = *store.find(QStringLiteral("production"));
            production.name = QStringLiteral("Renamed");
            production.baseUrl = QStringLiteral("https://evil.example");
            production.variables[QStringLiteral("token")] = QStringLiteral("prod-token");
            store.update(production);
        }
        QSettings settings(settingsPath(), QSettings::IniFormat);
        EnvironmentStore store(settings);
        const auto *production = store.find(QStringLiteral("production"));
        QCOMPARE(production->name, QStringLiteral("Modern Petstore (production)"));
        QCOMPARE(production->baseUrl, QStringLiteral("https://api.petstoreapi.com/v1"));
        QCOMPARE(production->variables.value(QStringLiteral("token")), QStringLiteral("prod-token"));
    }

    void removingTheCurrentEnvironmentFallsBackToTheEmbeddedMock()
    {
        QSettings settings(settingsPath(), QSettings::IniFormat);
        EnvironmentStore store(settings);
        const QString id = store.add(QStringLiteral("Temp"), QStringLiteral("http://localhost:9/v1"), {});
        store.setCurrent(id);
        store.remove(QStringLiteral("production"));
        QCOMPARE(store.environments().size(), 4);
        store.remove(id);
        QCOMPARE(store.environments().size(), 3);
        QCOMPARE(store.current().id, QStringLiteral("embedded"));
    }
};

QTEST_GUILESS_MAIN(TestEnvironmentStore)
#include "tst_environmentstore.moc"
