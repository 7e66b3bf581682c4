// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/common/learnpane.h"

#include <QTest>

using petstore::panels::LearnPane;

class TestLearnPane : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rendersTheProtocolPageShippedAsAResource()
    {
        LearnPane pane;
        pane.setPage(QStringLiteral(":/docs/protocols/rest.md"));
        const QString text = pane.toPlainText();
        QVERIFY(text.startsWith(QStringLiteral("REST")));
        QVERIFY(text.contains(QStringLiteral("Base URL")));
        QVERIFY(!text.contains(QStringLiteral("SPDX")));
    }

    void saysSoWhenThereIsNoPage()
    {
        LearnPane pane;
        pane.setPage(QStringLiteral(":/docs/protocols/nope.md"));
        QCOMPARE(pane.toPlainText(), QStringLiteral("No guide for this protocol yet."));
    }
};

QTEST_MAIN(TestLearnPane)
#include "tst_learnpane.moc"
