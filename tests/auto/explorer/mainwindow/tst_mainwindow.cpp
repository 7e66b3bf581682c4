// SPDX-License-Identifier: GPL-3.0-or-later
// The main window as a new user meets it: every protocol listed, the embedded mock running, and
// GET {{baseUrl}}/pets sent in two keystrokes (Ctrl+L, Ctrl+Enter) with the exchange in Traffic.
#include "app/explorer/environmentstore.h"
#include "app/explorer/mainwindow.h"
#include "mock-server/mockserverhost.h"

#include <QAbstractItemModel>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace petstore;

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    std::unique_ptr<mock::MockServerHost> m_host;

    QString settingsPath() const { return m_home.filePath(QStringLiteral("settings.ini")); }

private Q_SLOTS:
    void initTestCase()
    {
        m_host = std::make_unique<mock::MockServerHost>();
        mock::MockConfig config;
        config.useFreePorts();
        m_host->start(config);
        QVERIFY(m_host->waitForStatus());
        QVERIFY(m_host->status().running);
    }

    void cleanupTestCase()
    {
        m_host.reset();
    }

    void listsEveryProtocolAndSaysWhichAreNotBuilt()
    {
        QSettings settings(settingsPath(), QSettings::IniFormat);
        explorer::MainWindow window(settings, *m_host, m_home.path());
        window.show();
        auto *navigator = window.findChild<QListWidget *>(QStringLiteral("protocolNavigator"));
        QVERIFY(navigator);
        QCOMPARE(navigator->count(), 10);
        QCOMPARE(navigator->item(0)->text(), QStringLiteral("REST"));
        QCOMPARE(navigator->item(4)->text(), QStringLiteral("MQTT  (not built yet)"));

        navigator->setCurrentRow(4);
        QCOMPARE(window.currentProtocol(), QStringLiteral("mqtt"));
        auto *text = window.findChild<QLabel *>(QStringLiteral("notBuiltText"));
        QVERIFY(text);
        QVERIFY(text->isVisible());
        QVERIFY(text->text().contains(QStringLiteral("MQTT panel step")));
    }

    void sendsGetPetsToTheEmbeddedMockInTwoKeystrokes()
    {
        QSettings settings(settingsPath(), QSettings::IniFormat);
        explorer::MainWindow window(settings, *m_host, m_home.path());
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showProtocol(QStringLiteral("rest"));
        auto *url = window.findChild<QLineEdit *>(QStringLiteral("urlEdit"));
        auto *status = window.findChild<QLabel *>(QStringLiteral("responseStatus"));
        QVERIFY(url && status);
        QCOMPARE(url->text(), QStringLiteral("{{baseUrl}}/pets"));

        QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier);
        QVERIFY(url->hasFocus());
        QTest::keyClick(url, Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(status->text(), QStringLiteral("200 OK"), 10000);

        auto *traffic = window.findChild<QTableView *>(QStringLiteral("trafficTable"));
        QVERIFY(traffic);
        QTRY_VERIFY_WITH_TIMEOUT(traffic->model()->rowCount() >= 1, 5000);
        bool found = false;
        for (int row = 0; row < traffic->model()->rowCount() && !found; ++row) {
            for (int column = 0; column < traffic->model()->columnCount(); ++column) {
                if (traffic->model()->index(row, column).data().toString().contains(QStringLiteral("GET /v1/pets")))
                    found = true;
            }
        }
        QVERIFY2(found, "the Traffic dock lists GET /v1/pets");
    }

    void targetSelectorSwitchesEveryPanelsBaseUrl()
    {
        QSettings settings(settingsPath(), QSettings::IniFormat);
        explorer::MainWindow window(settings, *m_host, m_home.path());
        window.show();
        auto *target = window.findChild<QComboBox *>(QStringLiteral("targetSelector"));
        auto *label = window.findChild<QLabel *>(QStringLiteral("targetStatusLabel"));
        QVERIFY(target && label);
        QCOMPARE(target->count(), 3);
        QVERIFY(label->text().contains(QStringLiteral("http://127.0.0.1:%1/v1").arg(m_host->status().httpPort)));
        target->setCurrentIndex(target->findData(QStringLiteral("sandbox")));
        Q_EMIT target->activated(target->currentIndex());
        QCOMPARE(window.environments().current().id, QStringLiteral("sandbox"));
        QVERIFY(label->text().contains(QStringLiteral("https://sandbox.petstoreapi.com/v1")));
        window.environments().setCurrent(QStringLiteral("embedded"));
    }

    void remembersTheLastProtocolAcrossRestarts()
    {
        {
            QSettings settings(settingsPath(), QSettings::IniFormat);
            explorer::MainWindow window(settings, *m_host, m_home.path());
            window.show();
            window.showProtocol(QStringLiteral("graphql"));
            window.close();
        }
        QSettings settings(settingsPath(), QSettings::IniFormat);
        explorer::MainWindow window(settings, *m_host, m_home.path());
        QCOMPARE(window.currentProtocol(), QStringLiteral("graphql"));
        window.showProtocol(QStringLiteral("rest"));
        window.close();
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
