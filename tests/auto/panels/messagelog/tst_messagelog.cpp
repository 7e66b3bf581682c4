// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/common/messagelog.h"

#include <QLineEdit>
#include <QTableView>
#include <QTest>

using petstore::panels::MessageLog;
using petstore::panels::MessageLogModel;

class TestMessageLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsMessagesAndThePayloadOfTheSelectedOne()
    {
        MessageLog log;
        log.show();
        log.append(MessageLog::Direction::Outgoing, QStringLiteral("text"), QStringLiteral("subscribe pets"), "{\"type\":\"subscribe\",\"channel\":\"pets\"}");
        log.append(MessageLog::Direction::Incoming, QStringLiteral("text"), QStringLiteral("event pet.created"), "{\"type\":\"event\"}");
        log.append(MessageLog::Direction::Info, QStringLiteral("binary"), QStringLiteral("binary frame"), QByteArray("\x01\x02", 2));
        QTableView *view = log.view();
        QCOMPARE(view->model()->rowCount(), 3);
        QCOMPARE(view->model()->index(0, 1).data().toString(), QStringLiteral("↑ out"));
        QCOMPARE(view->model()->index(1, 2).data().toString(), QStringLiteral("16 B"));
        view->setCurrentIndex(view->model()->index(0, MessageLogModel::SummaryColumn));
        QCOMPARE(log.shownPayload(), QStringLiteral("{\n  \"channel\": \"pets\",\n  \"type\": \"subscribe\"\n}"));
    }

    void searchFiltersByKindAndSummary()
    {
        MessageLog log;
        log.append(MessageLog::Direction::Incoming, QStringLiteral("pet.created"), QStringLiteral("event pet.created"), "{}");
        log.append(MessageLog::Direction::Incoming, QStringLiteral("order.placed"), QStringLiteral("event order.placed"), "{}");
        QTest::keyClicks(log.findChild<QLineEdit *>(QStringLiteral("messageSearch")), QStringLiteral("ORDER"));
        QCOMPARE(log.view()->model()->rowCount(), 1);
        QCOMPARE(log.view()->model()->index(0, MessageLogModel::SummaryColumn).data().toString(), QStringLiteral("event order.placed"));
    }

    void dropsTheOldestBeyondCapacity()
    {
        MessageLog log;
        log.setCapacity(3);
        for (int i = 0; i < 5; ++i)
            log.append(MessageLog::Direction::Incoming, QString(), QString::number(i), {});
        QCOMPARE(log.view()->model()->rowCount(), 3);
        QCOMPARE(log.view()->model()->index(0, MessageLogModel::SummaryColumn).data().toString(), QStringLiteral("2"));
        log.clear();
        QCOMPARE(log.view()->model()->rowCount(), 0);
    }
};

QTEST_MAIN(TestMessageLog)
#include "tst_messagelog.moc"
