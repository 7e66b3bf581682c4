// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/common/jsontreemodel.h"
#include "panels/common/jsonview.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QTest>
#include <QTreeView>

using petstore::panels::JsonTreeModel;
using petstore::panels::JsonView;

class TestJsonView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsATreeAndCopiesNormalizedPaths()
    {
        JsonView view;
        view.setJson("{\"data\":[{\"name\":\"Rex\",\"it's\":true}],\"total\":1}");
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        JsonTreeModel *model = view.model();
        QCOMPARE(model->rowCount(), 2);
        const QModelIndex data = model->index(0, 0);
        QCOMPARE(data.data().toString(), QStringLiteral("data"));
        QCOMPARE(model->index(0, 1).data().toString(), QStringLiteral("[1 item(s)]"));
        const QModelIndex first = model->index(0, 0, data);
        const QModelIndex quoted = model->index(0, 0, first);
        QCOMPARE(quoted.data().toString(), QStringLiteral("it's"));
        QCOMPARE(model->pathOf(quoted), QStringLiteral("$['data'][0]['it\\'s']"));
        const QModelIndex name = model->index(1, 0, first);
        view.tree()->setCurrentIndex(name);
        view.tree()->setFocus();
        QTest::keyClick(view.tree(), Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("$['data'][0]['name']"));
        QTest::keyClick(view.tree(), Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("Rex"));
    }

    void largeArraysAreBuiltOnlyWhenOpened()
    {
        std::string big = "[";
        for (int i = 0; i < 100000; ++i)
            big += (i ? ",{\"i\":" : "{\"i\":") + std::to_string(i) + "}";
        big += "]";
        JsonView view;
        view.setJson(QByteArray::fromStdString(big));
        QCOMPARE(view.model()->rowCount(), 100000);
        QCOMPARE(view.model()->index(99999, 0).data().toString(), QStringLiteral("[99999]"));
    }

    void invalidJsonShowsTheTextWithANote()
    {
        JsonView view;
        view.setJson("not json");
        auto *note = view.findChild<QLabel *>(QStringLiteral("jsonNote"));
        QVERIFY(!note->isHidden());
        QCOMPARE(view.model()->rowCount(), 0);
    }
};

QTEST_MAIN(TestJsonView)
#include "tst_jsonview.moc"
