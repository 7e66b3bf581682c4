// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/common/wireview.h"

#include <QCheckBox>
#include <QTest>

using petstore::panels::WireView;

class TestWireView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void saysWhereTheBytesCameFromAndShowsLineEndings()
    {
        WireView view;
        view.setExchange("GET / HTTP/1.1\r\nHost: h\r\n\r\n", "HTTP/1.1 204 No Content\r\n\r\n", WireView::Origin::Captured);
        QCOMPARE(view.originText(), QStringLiteral("Exact bytes captured by the embedded mock"));
        QVERIFY(view.shownText().contains(QStringLiteral("── request · 27 bytes ──\nGET / HTTP/1.1\\r\\n\nHost: h\\r\\n\n\\r\\n\n")));
        QVERIFY(view.shownText().contains(QStringLiteral("── response · 27 bytes ──")));
        view.setExchange("a", "b", WireView::Origin::Reconstructed);
        QVERIFY(view.originText().startsWith(QStringLiteral("Reconstructed")));
    }

    void hexToggleShowsADump()
    {
        WireView view;
        view.setExchange(QByteArray("GET /\x01", 6), QByteArray(), WireView::Origin::Captured);
        view.findChild<QCheckBox *>(QStringLiteral("wireHex"))->click();
        QVERIFY(view.shownText().contains(QStringLiteral("00000000  47 45 54 20 2f 01")));
        QVERIFY(view.shownText().contains(QStringLiteral("|GET /.|")));
        QCOMPARE(WireView::visibleText(QByteArray("a\tb\x02", 4)), QStringLiteral("a\\tb\\x02"));
    }
};

QTEST_MAIN(TestWireView)
#include "tst_wireview.moc"
