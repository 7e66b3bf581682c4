// SPDX-License-Identifier: GPL-3.0-or-later
// The WebSocket console used as a person uses it, against a MockServer on a free port: connect
// to the chat, send the template message and read the agent's answer, ping, watch the frames,
// echo binary written as hex, refuse invalid JSON, close with a code and reason.
#include "../support/mockpanelcontext.h"
#include "panels/common/codeeditor.h"
#include "panels/common/messagelog.h"
#include "panels/websocket/websocketcomposer.h"
#include "panels/websocket/websocketpanel.h"

#include "panels/common/keyvaluetable.h"

#include <QComboBox>
#include <QProcess>
#include <QStandardPaths>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace petstore;

class TestWebSocketPanel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<mock::MockServer> m_mock;
    QTemporaryDir m_data;
    std::unique_ptr<tests::MockPanelContext> m_context;
    std::unique_ptr<panels::WebSocketPanel> m_panel;

    QWidget *root() { return m_panel->widget(); }
    template<typename T>
    T *child(const char *name) { return root()->findChild<T *>(QString::fromLatin1(name)); }
    int rows() { return m_panel->log().view()->model()->rowCount(); }
    QString cell(int row, int column) { return m_panel->log().view()->model()->index(row, column).data().toString(); }
    int findRow(const QString &kind, const QString &contains)
    {
        for (int r = 0; r < rows(); ++r)
            if (cell(r, panels::MessageLogModel::KindColumn) == kind
                && cell(r, panels::MessageLogModel::SummaryColumn).contains(contains))
                return r;
        return -1;
    }
    void connectTo(const QString &url, const QString &subprotocols)
    {
        child<QLineEdit>("urlEdit")->setText(url);
        child<QLineEdit>("subprotocolsEdit")->setText(subprotocols);
        QTest::mouseClick(child<QPushButton>("connectButton"), Qt::LeftButton);
        QTRY_COMPARE(m_panel->socket().state(), QAbstractSocket::ConnectedState);
    }
    void disconnectNow()
    {
        QTest::mouseClick(child<QPushButton>("connectButton"), Qt::LeftButton);
        QTRY_COMPARE(m_panel->socket().state(), QAbstractSocket::UnconnectedState);
    }

private Q_SLOTS:
    void initTestCase()
    {
        mock::MockConfig config;
        config.useFreePorts();
        config.streaming.chatTokenDelayMs = 5;
        m_mock = std::make_unique<mock::MockServer>(config);
        QVERIFY(m_mock->start().ok());
        m_context = std::make_unique<tests::MockPanelContext>(*m_mock, m_data.path());
        m_context->settings().remove(QStringLiteral("websocket"));
        m_panel = std::make_unique<panels::WebSocketPanel>(*m_context);
        root()->resize(1100, 760);
        root()->show();
        QVERIFY(QTest::qWaitForWindowExposed(root()));
        m_panel->activate();
    }

    void cleanupTestCase() { m_panel.reset(); }

    void chatsWithTheMockAgent()
    {
        QCOMPARE(child<QLineEdit>("urlEdit")->text(), QStringLiteral("{{baseUrl}}/ws/chat"));
        // Ctrl+Enter in the URL connects.
        QTest::keyClick(child<QLineEdit>("urlEdit"), Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE(m_panel->socket().state(), QAbstractSocket::ConnectedState);
        QCOMPARE(m_panel->socket().subprotocol(), QStringLiteral("petstore.chat.v1"));
        QTRY_VERIFY(findRow(QStringLiteral("text"), QStringLiteral("\"type\":\"welcome\"")) >= 0);
        QVERIFY(m_panel->state().contains(QStringLiteral("subprotocol petstore.chat.v1")));

        // The first template is the chat's message; Send it.
        QVERIFY(m_panel->composer().body().contains(QStringLiteral("\"clientMessageId\": \"c-1\"")));
        QTest::mouseClick(child<QPushButton>("wsSend"), Qt::LeftButton);
        QTRY_VERIFY(findRow(QStringLiteral("text"), QStringLiteral("\"type\":\"delivered\"")) >= 0);
        QTRY_VERIFY(findRow(QStringLiteral("text"), QStringLiteral("\"type\":\"typing\"")) >= 0);
        QTRY_VERIFY(findRow(QStringLiteral("text"), QStringLiteral("available dogs")) >= 0);
        const int sent = findRow(QStringLiteral("text"), QStringLiteral("Which dogs are good with kids?"));
        QVERIFY(sent >= 0);
        QCOMPARE(cell(sent, panels::MessageLogModel::DirectionColumn), QStringLiteral("↑ out"));

        // Frames on the Wire tab: the client's are masked, the server's are not.
        QVERIFY(m_panel->wireText().contains(QStringLiteral("GET /v1/ws/chat HTTP/1.1")));
        QVERIFY(m_panel->wireText().contains(QStringLiteral("HTTP/1.1 101 Switching Protocols")));
        QVERIFY(m_panel->wireText().contains(QStringLiteral("→ 81 ")));
        QVERIFY(m_panel->wireText().contains(QStringLiteral("· FIN 1 · text (0x1) · MASK 1 ·")));
        QVERIFY(m_panel->wireText().contains(QStringLiteral("· FIN 1 · text (0x1) · MASK 0 ·")));
        QVERIFY(child<panels::CodeEditor>("wsCode")->text().contains(QStringLiteral("--protocol 'petstore.chat.v1'")));
    }

    void subscribesAndSeesADomainEvent()
    {
        m_panel->composer().applyTemplate(QStringLiteral("chat · subscribe"));
        m_panel->sendComposed();
        QTRY_VERIFY(findRow(QStringLiteral("text"), QStringLiteral("\"type\":\"subscribed\"")) >= 0);
        m_mock->events().publish("default", "order.created", "/v1/orders/o-9", {{"id", "o-9"}});
        QTRY_VERIFY(findRow(QStringLiteral("text"), QStringLiteral("\"channel\":\"orders\"")) >= 0);
    }

    void pingsAndShowsThePong()
    {
        QTest::mouseClick(child<QPushButton>("pingButton"), Qt::LeftButton);
        QTRY_VERIFY(findRow(QStringLiteral("pong"), QStringLiteral("pong after")) >= 0);
        QVERIFY(m_panel->wireText().contains(QStringLiteral("ping (0x9) · MASK 1")));
        QVERIFY(m_panel->wireText().contains(QStringLiteral("pong (0xA) · MASK 0")));
    }

    void refusesInvalidJsonBeforeSending()
    {
        const int before = rows();
        m_panel->composer().setMode(panels::WebSocketComposer::Mode::Json);
        m_panel->composer().setBody(QStringLiteral("{\"type\": "));
        m_panel->sendComposed();
        QVERIFY2(m_panel->composer().problem().startsWith(QStringLiteral("Not valid JSON")), qPrintable(m_panel->composer().problem()));
        QTest::qWait(50);
        QCOMPARE(rows(), before);
    }

    void closesWithTheChosenCodeAndReason()
    {
        child<QSpinBox>("closeCode")->setValue(4000);
        child<QLineEdit>("closeReason")->setText(QStringLiteral("done for today"));
        QTest::mouseClick(child<QPushButton>("closeButton"), Qt::LeftButton);
        QTRY_COMPARE(m_panel->socket().state(), QAbstractSocket::UnconnectedState);
        QVERIFY(m_panel->wireText().contains(QStringLiteral("close (0x8) · MASK 1")));
        QTRY_VERIFY(findRow(QStringLiteral("close"), QStringLiteral("Closed")) >= 0);
    }

    void echoesBinaryWrittenAsHex()
    {
        connectTo(QStringLiteral("{{baseUrl}}/ws/echo"), QString());
        m_panel->composer().applyTemplate(QStringLiteral("echo · binary"));
        QCOMPARE(m_panel->composer().mode(), panels::WebSocketComposer::Mode::Binary);
        m_panel->sendComposed();
        QTRY_VERIFY(findRow(QStringLiteral("binary"), QStringLiteral("01 02 03 fe ff")) >= 0);
        int incoming = -1;
        auto findIncoming = [&] {
            for (int r = 0; r < rows(); ++r)
                if (cell(r, panels::MessageLogModel::KindColumn) == QLatin1String("binary")
                    && cell(r, panels::MessageLogModel::DirectionColumn) == QStringLiteral("↓ in"))
                    incoming = r;
            return incoming >= 0;
        };
        QTRY_VERIFY(findIncoming());
        m_panel->log().view()->selectRow(incoming);
        QVERIFY2(m_panel->log().shownPayload().contains(QStringLiteral("01 02 03 fe ff")), qPrintable(m_panel->log().shownPayload()));
        disconnectNow();
    }

    void savesItsOwnTemplates()
    {
        m_panel->composer().setMode(panels::WebSocketComposer::Mode::Text);
        m_panel->composer().setBody(QStringLiteral("my message"));
        m_panel->composer().saveTemplate(QStringLiteral("mine"));
        // A new console (next start of the app) finds it.
        panels::WebSocketPanel again(*m_context);
        again.widget();
        QVERIFY(again.composer().templateNames().contains(QStringLiteral("mine")));
        again.composer().applyTemplate(QStringLiteral("mine"));
        QCOMPARE(again.composer().body(), QStringLiteral("my message"));
    }

    void worksAgainstAServerWeDidNotWrite()
    {
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        if (node.isEmpty())
            QSKIP("node is not installed");
        QProcess peer;
        peer.start(node, {QStringLiteral(PETSTORE_SOURCE_DIR "/tests/interop/ws-peer.mjs")});
        QVERIFY(peer.waitForReadyRead(10000));
        const QString line = QString::fromUtf8(peer.readLine()).trimmed();
        QVERIFY2(line.startsWith(QStringLiteral("port ")), qPrintable(line));
        const QString port = line.mid(5);

        m_panel->log().clear();
        auto *headers = root()->findChild<panels::KeyValueTable *>(QStringLiteral("headersTable"));
        headers->setRows({{true, "X-Tenant-ID", "remote-1"}});
        connectTo(QStringLiteral("http://127.0.0.1:%1/anything").arg(port), QStringLiteral("petstore.chat.v1"));
        QCOMPARE(m_panel->socket().subprotocol(), QStringLiteral("petstore.chat.v1"));
        QTRY_VERIFY(findRow(QStringLiteral("text"), QStringLiteral("\"tenant\":\"remote-1\"")) >= 0);
        m_panel->composer().setMode(panels::WebSocketComposer::Mode::Text);
        m_panel->composer().setBody(QStringLiteral("héllo"));
        m_panel->sendComposed();
        QTRY_VERIFY(findRow(QStringLiteral("text"), QStringLiteral("héllo")) >= 0
                    && m_panel->log().count() >= 3);
        QTest::mouseClick(child<QPushButton>("pingButton"), Qt::LeftButton);
        QTRY_VERIFY(findRow(QStringLiteral("pong"), QStringLiteral("pong after")) >= 0);
        m_panel->composer().setBody(QStringLiteral("close-me"));
        m_panel->sendComposed();
        QTRY_VERIFY(findRow(QStringLiteral("close"), QStringLiteral("Closed 4000 · bye")) >= 0);
        headers->setRows({});
        peer.kill();
        peer.waitForFinished();
    }

    void showsTheServersCloseCode()
    {
        QVERIFY(m_mock->applyRuntimeConfig({{"auth", "required"}}).ok());
        child<QLineEdit>("urlEdit")->setText(QStringLiteral("{{baseUrl}}/ws/chat"));
        QTest::mouseClick(child<QPushButton>("connectButton"), Qt::LeftButton);
        QTRY_VERIFY(findRow(QStringLiteral("close"), QStringLiteral("Closed 4401")) >= 0);
        QVERIFY(m_panel->state().contains(QStringLiteral("unauthorized")));
        QVERIFY(m_mock->applyRuntimeConfig({{"auth", "none"}}).ok());
    }
};

QTEST_MAIN(TestWebSocketPanel)
#include "tst_websocketpanel.moc"
