// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/explorer/environmentdialog.h"
#include "app/explorer/environmentstore.h"

#include <QApplication>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace petstore::explorer;

class TestEnvironmentDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addsAnEnvironmentWithAVariableByTyping()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        EnvironmentStore store(settings);
        EnvironmentDialog dialog(store);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.findChild<QPushButton *>(QStringLiteral("addEnvironment"))->click();
        QCOMPARE(store.environments().size(), 4);

        auto *name = dialog.findChild<QLineEdit *>(QStringLiteral("environmentName"));
        QVERIFY(name->hasFocus());
        QTest::keyClicks(name, QStringLiteral("Staging"));
        QTest::keyClick(name, Qt::Key_Return);
        auto *base = dialog.findChild<QLineEdit *>(QStringLiteral("environmentBaseUrl"));
        base->selectAll();
        QTest::keyClicks(base, QStringLiteral("https://staging.example/v1"));
        QTest::keyClick(base, Qt::Key_Return);

        auto *variables = dialog.findChild<QTableWidget *>(QStringLiteral("environmentVariables"));
        const int empty = variables->rowCount() - 1;
        variables->item(empty, 0)->setText(QStringLiteral("petId"));
        variables->item(empty, 1)->setText(QStringLiteral("p-1"));

        QCOMPARE(store.environments().size(), 4);
        const Environment added = store.environments().last();
        QCOMPARE(added.name, QStringLiteral("Staging"));
        QCOMPARE(added.baseUrl, QStringLiteral("https://staging.example/v1"));
        QCOMPARE(added.variables.value(QStringLiteral("petId")), QStringLiteral("p-1"));
        QCOMPARE(variables->rowCount(), empty + 2);
        QCOMPARE(dialog.findChild<QListWidget *>(QStringLiteral("environmentList"))->currentItem()->text(), QStringLiteral("Staging"));
    }

    void builtInsAreReadOnlyAndCannotBeRemoved()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        EnvironmentStore store(settings);
        store.setCurrent(QStringLiteral("production"));
        EnvironmentDialog dialog(store);
        QVERIFY(dialog.findChild<QLineEdit *>(QStringLiteral("environmentBaseUrl"))->isReadOnly());
        QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("removeEnvironment"))->isEnabled());
    }
};

QTEST_MAIN(TestEnvironmentDialog)
#include "tst_environmentdialog.moc"
