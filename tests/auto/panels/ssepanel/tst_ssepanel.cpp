// SPDX-License-Identifier: GPL-3.0-or-later
// The SSE console used as a person uses it, against a MockServer on a free port: connect to
// /v1/events, see an event placed through REST arrive, watch a chat answer assemble token by
// token, read the raw stream and the curl -N command, reconnect with Last-Event-ID.
#include "../support/mockpanelcontext.h"
#include "panels/common/codeeditor.h"
#include "panels/common/messagelog.h"
#include "panels/common/requesteditor.h"
#include "panels/sse/ssepanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace petstore;

class TestSsePanel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<mock::MockServer> m_mock;
    QTemporaryDir m_data;
    std::unique_ptr<tests::MockPanelContext> m_context;
    std::unique_ptr<panels::SsePanel> m_panel;

    QWidget *root() { return m_panel->widget(); }
    template<typename T>
    T *child(const char *name) { return root()->findChild<T *>(QString::fromLatin1(name)); }
    int rows() { return m_panel->events().view()->model()->rowCount(); }
    QString cell(int row, int column) { return m_panel->events().view()->model()->index(row, column).data().toString(); }
    bool hasRow(const QString &kind)
    {
        for (int r = 0; r < rows(); ++r)
            if (cell(r, panels::MessageLogModel::KindColumn) == kind)
                return true;
        return false;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // A fixed free port, so the mock can be restarted where the console reconnects.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        mock::MockConfig config;
        config.useFreePorts();
        config.httpPort = probe.serverPort();
        probe.close();
        config.streaming.chatTokenDelayMs = 20;
        config.streaming.retryMs = 200;
        m_mock = std::make_unique<mock::MockServer>(config);
        QVERIFY(m_mock->start().ok());
        m_context = std::make_unique<tests::MockPanelContext>(*m_mock, m_data.path());
        m_panel = std::make_unique<panels::SsePanel>(*m_context);
        root()->resize(1100, 760);
        root()->show();
        QVERIFY(QTest::qWaitForWindowExposed(root()));
        m_panel->activate();
    }

    void cleanupTestCase() { m_panel.reset(); }

    void connectsAndShowsAnOrderPlacedOverRest()
    {
        QCOMPARE(child<QLineEdit>("urlEdit")->text(), QStringLiteral("{{baseUrl}}/events"));
        QTest::keyClick(child<QLineEdit>("urlEdit"), Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE(m_mock->health()["protocols"]["sse"]["subscribers"].get<int>(), 1);
        QTRY_VERIFY(m_panel->status().startsWith(QStringLiteral("Streaming from")));
        QCOMPARE(child<QPushButton>("sendButton")->text(), QStringLiteral("Disconnect"));

        // Place an order the way a person would with the REST panel: over HTTP.
        QNetworkAccessManager http;
        QNetworkRequest pets(QUrl(m_context->baseUrl() + QStringLiteral("/pets?status=AVAILABLE&limit=1")));
        std::unique_ptr<QNetworkReply> list(http.get(pets));
        QTRY_VERIFY(list->isFinished());
        const auto petId = nlohmann::json::parse(list->readAll().toStdString())["data"][0]["id"].get<std::string>();
        QNetworkRequest order(QUrl(m_context->baseUrl() + QStringLiteral("/orders")));
        order.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        std::unique_ptr<QNetworkReply> placed(http.post(order, QByteArray::fromStdString(nlohmann::json{{"petId", petId}}.dump())));
        QTRY_VERIFY(placed->isFinished());
        QCOMPARE(placed->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);

        QTRY_VERIFY(hasRow(QStringLiteral("order.created")));
        QVERIFY(hasRow(QStringLiteral("pet.status_changed")));
        QVERIFY(m_panel->wireText().contains(QStringLiteral("event: order.created\n")));
        QVERIFY(m_panel->wireText().contains(QStringLiteral("retry: 200")));
        // Selecting the event shows its envelope pretty-printed.
        for (int r = 0; r < rows(); ++r)
            if (cell(r, panels::MessageLogModel::KindColumn) == QLatin1String("order.created"))
                m_panel->events().view()->selectRow(r);
        QVERIFY(m_panel->events().shownPayload().contains(QStringLiteral("\"specversion\": \"1.0\"")));
        QVERIFY(m_panel->events().shownPayload().contains(QString::fromStdString(petId)));

        QTest::mouseClick(child<QPushButton>("sendButton"), Qt::LeftButton);
        QTRY_COMPARE(m_mock->health()["protocols"]["sse"]["subscribers"].get<int>(), 0);
        QCOMPARE(child<QPushButton>("sendButton")->text(), QStringLiteral("Connect"));
    }

    void reconnectsWithLastEventIdAndGetsWhatItMissed()
    {
        m_panel->toggleConnection();
        QTRY_COMPARE(m_mock->health()["protocols"]["sse"]["subscribers"].get<int>(), 1);
        m_mock->events().publish("default", "pet.updated", "/v1/pets/a", {{"n", 1}});
        QTRY_VERIFY(m_panel->wireText().contains(QStringLiteral("\"n\":1")));
        // Restart the mock (every stream drops) and publish while the console is away.
        m_mock->stop();
        m_mock->events().publish("default", "pet.updated", "/v1/pets/a", {{"n", 2}});
        QTRY_VERIFY(hasRow(QStringLiteral("reconnect")));
        QVERIFY(cell(rows() - 1, panels::MessageLogModel::SummaryColumn).contains(QStringLiteral("Last-Event-ID")));
        QVERIFY(m_mock->start().ok());
        QTRY_VERIFY_WITH_TIMEOUT(m_panel->wireText().contains(QStringLiteral("\"n\":2")), 5000);
        m_panel->disconnectStream();
    }

    void streamsAChatAnswerTokenByToken()
    {
        auto *preset = child<QComboBox>("ssePreset");
        preset->setCurrentIndex(1);
        Q_EMIT preset->activated(1);
        QVERIFY(!child<QCheckBox>("sseReconnect")->isChecked());
        QVERIFY(child<panels::CodeEditor>("sseCode")->text().startsWith(QStringLiteral("curl -N ")));
        QVERIFY(child<panels::CodeEditor>("sseCode")->text().contains(QStringLiteral("\"stream\": true")));
        QTest::keyClick(child<QLineEdit>("urlEdit"), Qt::Key_Return, Qt::ControlModifier);
        // The text grows while the answer is still being generated…
        QTRY_VERIFY(!m_panel->chatText().isEmpty());
        QVERIFY(m_mock->health()["protocols"]["sse"]["chatStreams"].get<int>() == 1);
        // …and ends as the whole answer.
        QSignalSpy state(m_panel.get(), &panels::SsePanel::streamStateChanged);
        QTRY_VERIFY_WITH_TIMEOUT(state.count() > 0, 10000);
        QVERIFY2(m_panel->chatText().startsWith(QStringLiteral("I found")), qPrintable(m_panel->chatText()));
        QVERIFY(m_panel->wireText().contains(QStringLiteral("data: [DONE]")));
        const QString chatState = root()->findChild<QTabWidget *>(QStringLiteral("sseTabs"))->widget(1)
                                      ->findChildren<QLabel *>().first()->text();
        QVERIFY2(chatState.contains(QStringLiteral("finishReason stop")) && chatState.contains(QStringLiteral("[DONE]")),
                 qPrintable(chatState));
    }

    void aRefusalIsShownAndNotRetried()
    {
        m_panel->applyPreset(0);
        m_panel->editor().setSpec([] {
            core::HttpRequestSpec spec;
            spec.url = "{{baseUrl}}/events?types=NOT-VALID";
            return spec;
        }());
        m_panel->toggleConnection();
        QTRY_VERIFY2(m_panel->status().contains(QStringLiteral("422")), qPrintable(m_panel->status()));
        QCOMPARE(cell(rows() - 1, panels::MessageLogModel::KindColumn), QStringLiteral("error"));
        QTRY_COMPARE(child<QPushButton>("sendButton")->text(), QStringLiteral("Connect"));
        // A refusal is final (HTML §9.2.3): no reconnect follows, however long one waits.
        QTest::qWait(400);
        QCOMPARE(cell(rows() - 1, panels::MessageLogModel::KindColumn), QStringLiteral("error"));
    }
};

QTEST_MAIN(TestSsePanel)
#include "tst_ssepanel.moc"
