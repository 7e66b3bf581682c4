// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/common/keyvaluetable.h"

#include <QApplication>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using petstore::core::KeyValueRow;
using petstore::panels::KeyValueTable;

namespace {

void typeInto(QTableView *view, int row, int column, const QString &text)
{
    const QModelIndex index = view->model()->index(row, column);
    view->setCurrentIndex(index);
    view->edit(index);
    auto *editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    QVERIFY(editor);
    QTest::keyClicks(editor, text);
    QTest::keyClick(editor, Qt::Key_Return);
    // The closed editor is deleted later; let it go before the next cell opens its own.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QCoreApplication::processEvents();
}

} // namespace

class TestKeyValueTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void typingInTheEmptyRowAddsARow()
    {
        KeyValueTable table;
        table.show();
        QVERIFY(QTest::qWaitForWindowExposed(&table));
        QSignalSpy edited(&table, &KeyValueTable::rowsEdited);
        QCOMPARE(table.view()->model()->rowCount(), 1);
        typeInto(table.view(), 0, 1, QStringLiteral("Accept"));
        typeInto(table.view(), 0, 2, QStringLiteral("application/json"));
        QCOMPARE(table.rows().size(), std::size_t(1));
        QVERIFY(table.rows()[0] == (KeyValueRow{true, "Accept", "application/json"}));
        QCOMPARE(table.view()->model()->rowCount(), 2);
        QCOMPARE(edited.size(), 2);
    }

    void setRowsIsNotAnEditAndTheToggleDisables()
    {
        KeyValueTable table;
        QSignalSpy edited(&table, &KeyValueTable::rowsEdited);
        table.setRows({{true, "a", "1"}, {true, "b", "2"}});
        QCOMPARE(edited.size(), 0);
        table.view()->model()->setData(table.view()->model()->index(0, 0), Qt::Unchecked, Qt::CheckStateRole);
        QCOMPARE(table.rows()[0].enabled, false);
        QCOMPARE(edited.size(), 1);
    }

    void deleteRemovesTheCurrentRow()
    {
        KeyValueTable table;
        table.setRows({{true, "a", "1"}, {true, "b", "2"}});
        table.show();
        QVERIFY(QTest::qWaitForWindowExposed(&table));
        table.view()->setCurrentIndex(table.view()->model()->index(0, 1));
        QTest::keyClick(table.view(), Qt::Key_Delete);
        QCOMPARE(table.rows().size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(table.rows()[0].name), QStringLiteral("b"));
    }
};

QTEST_MAIN(TestKeyValueTable)
#include "tst_keyvaluetable.moc"
