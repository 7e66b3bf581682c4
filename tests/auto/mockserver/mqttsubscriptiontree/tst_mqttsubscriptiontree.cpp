// SPDX-License-Identifier: GPL-3.0-or-later
// The broker's subscription tree against MQTT 5.0 §4.7 and §4.8.2: `+` and `#` (including
// "sport/#" matching "sport"), the `$`-topic rule, replacing and removing subscriptions with
// the tree pruned, and shared groups delivering each message to one member, round robin,
// preferring connected members.
#include "mock-server/mqtt/mqttsession.h"
#include "mock-server/mqtt/mqttsubscriptiontree.h"

#include <QTest>

using petstore::mock::MqttSession;
using petstore::mock::MqttSubscriptionOptions;
using petstore::mock::MqttSubscriptionTree;

class TestMqttSubscriptionTree : public QObject
{
    Q_OBJECT

private:
    static QStringList matches(MqttSubscriptionTree &tree, const char *topic)
    {
        QStringList ids;
        tree.match(topic, [&ids](MqttSession *session, const MqttSubscriptionOptions &options) {
            ids << QString::fromStdString(session->clientId()) + QLatin1Char(':') + QString::number(options.qos);
        });
        ids.sort();
        return ids;
    }

private Q_SLOTS:
    void matchesWildcardsAndKeepsDollarTopicsApart_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("topic");
        QTest::addColumn<bool>("matched");
        auto row = [](const char *filter, const char *topic, bool matched) {
            QTest::addRow("%s vs %s", filter, topic) << QString::fromLatin1(filter) << QString::fromLatin1(topic) << matched;
        };
        row("pets/+/status", "pets/p1/status", true);
        row("pets/+/status", "pets/p1/health", false);
        row("pets/+/status", "pets/status", false);
        row("pets/#", "pets", true);             // # matches the parent level too
        row("pets/#", "pets/p1/status", true);
        row("#", "pets/p1/status", true);
        row("+/+", "/finance", true);            // an empty first level is a level
        row("+", "/finance", false);
        row("#", "$SYS/broker/uptime", false);   // §4.7.2
        row("+/broker/uptime", "$SYS/broker/uptime", false);
        row("$SYS/#", "$SYS/broker/uptime", true);
        row("$SYS/+/uptime", "$SYS/broker/uptime", true);
        row("a/b", "a/b/c", false);
        row("a/+/c", "a//c", true);
    }

    void matchesWildcardsAndKeepsDollarTopicsApart()
    {
        QFETCH(QString, filter);
        QFETCH(QString, topic);
        QFETCH(bool, matched);
        MqttSession session("s", {});
        MqttSubscriptionTree tree;
        QVERIFY(tree.add(filter.toStdString(), &session, {1, false, false, 0, 0}));
        QCOMPARE(!matches(tree, topic.toUtf8().constData()).isEmpty(), matched);
    }

    void replacesRemovesAndPrunes()
    {
        MqttSession a("a", {}), b("b", {});
        MqttSubscriptionTree tree;
        QVERIFY(tree.add("pets/+/status", &a, {0, false, false, 0, 0}));
        QVERIFY2(!tree.add("pets/+/status", &a, {2, false, false, 0, 0}), "the same filter again replaces it");
        QVERIFY(tree.add("pets/#", &b, {1, false, false, 0, 0}));
        QCOMPARE(tree.size(), std::size_t(2));
        QCOMPARE(matches(tree, "pets/p1/status"), (QStringList{QStringLiteral("a:2"), QStringLiteral("b:1")}));
        QVERIFY(!tree.remove("pets/#", &a));
        QVERIFY(tree.remove("pets/+/status", &a));
        QCOMPARE(matches(tree, "pets/p1/status"), QStringList{QStringLiteral("b:1")});
        QVERIFY(tree.remove("pets/#", &b));
        QCOMPARE(tree.size(), std::size_t(0));
        QVERIFY(matches(tree, "pets/p1/status").isEmpty());
        QVERIFY2(tree.add("pets/#", &b, {1, false, false, 0, 0}), "a pruned branch can grow again");
    }

    void sharedGroupsDeliverToOneMemberRoundRobin()
    {
        MqttSession a("a", {}), b("b", {}), c("c", {});
        MqttSubscriptionTree tree;
        for (MqttSession *session : {&a, &b, &c})
            tree.add("$share/workers/jobs/#", session, {1, false, false, 0, 0});
        tree.add("$share/audit/jobs/+", &a, {0, false, false, 0, 0});
        QStringList seen;
        for (int i = 0; i < 6; ++i) {
            const QStringList one = matches(tree, "jobs/7");
            QCOMPARE(one.size(), 2);   // one member of each group
            seen << one;
        }
        QCOMPARE(seen.count(QStringLiteral("a:0")), 6);   // the audit group has one member
        for (const char *member : {"a:1", "b:1", "c:1"})
            QCOMPARE(seen.count(QString::fromLatin1(member)), 2);
        QVERIFY(tree.remove("$share/workers/jobs/#", &b));
        QVERIFY(!tree.remove("$share/nobody/jobs/#", &b));
    }
};

QTEST_GUILESS_MAIN(TestMqttSubscriptionTree)
#include "tst_mqttsubscriptiontree.moc"
