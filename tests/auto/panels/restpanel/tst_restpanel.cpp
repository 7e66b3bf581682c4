// SPDX-License-Identifier: GPL-3.0-or-later
// The REST requester used as a person uses it, against a real MockServer on a free port: type a
// URL, press Ctrl+Enter, read status, headers, body, wire bytes and code; import the mock's
// OpenAPI document and send a request from the collection.
#include "../support/mockpanelcontext.h"
#include "mock-server/mockserver.h"
#include "panels/common/codeeditor.h"
#include "panels/common/panelcontext.h"
#include "panels/common/wireview.h"
#include "panels/rest/collectiontree.h"
#include "panels/common/requesteditor.h"
#include "panels/rest/restpanel.h"


#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace petstore;

using MockContext = tests::MockPanelContext;

class TestRestPanel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<mock::MockServer> m_mock;
    QTemporaryDir m_data;
    std::unique_ptr<MockContext> m_context;
    std::unique_ptr<panels::RestPanel> m_panel;

    QWidget *root() { return m_panel->widget(); }
    template<typename T>
    T *child(const char *name) { return root()->findChild<T *>(QString::fromLatin1(name)); }

    void typeUrlAndSend(const QString &url)
    {
        auto *edit = child<QLineEdit>("urlEdit");
        QTest::keyClick(root(), Qt::Key_L, Qt::ControlModifier);
        QVERIFY(edit->hasFocus());
        QTest::keyClick(edit, Qt::Key_Backspace);
        QTest::keyClicks(edit, url);
        QSignalSpy shown(m_panel.get(), &panels::RestPanel::exchangeShown);
        QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(shown.wait(10000));
    }

private Q_SLOTS:
    void initTestCase()
    {
        mock::MockConfig config;
        config.useFreePorts();
        m_mock = std::make_unique<mock::MockServer>(config);
        QVERIFY(m_mock->start().ok());
        m_context = std::make_unique<MockContext>(*m_mock, m_data.path());
        m_panel = std::make_unique<panels::RestPanel>(*m_context);
        root()->resize(1100, 760);
        root()->show();
        QVERIFY(QTest::qWaitForWindowExposed(root()));
        m_panel->activate();
    }

    void cleanupTestCase()
    {
        m_panel.reset();
    }

    void ctrlEnterSendsAndShowsStatusHeadersAndBody()
    {
        typeUrlAndSend(QStringLiteral("{{baseUrl}}/pets?limit=2"));
        QCOMPARE(child<QLabel>("responseStatus")->text(), QStringLiteral("200 OK"));
        QVERIFY(child<QLabel>("responseTiming")->text().contains(QStringLiteral("first byte")));
        auto *headers = child<QTableWidget>("responseHeaders");
        QStringList names;
        for (int row = 0; row < headers->rowCount(); ++row)
            names << headers->item(row, 0)->text();
        QVERIFY(names.contains(QStringLiteral("Content-Type")));
        QVERIFY(names.contains(QStringLiteral("X-Request-Id")));
        const QString pretty = child<panels::CodeEditor>("responseBodyPretty")->text();
        QVERIFY(pretty.startsWith(QStringLiteral("{\n  \"data\": [")));

        auto *params = child<QWidget>("paramsTable")->findChild<QTableView *>();
        QCOMPARE(params->model()->index(0, 1).data().toString(), QStringLiteral("limit"));
        QCOMPARE(params->model()->index(0, 2).data().toString(), QStringLiteral("2"));
    }

    void wireTabShowsTheBytesTheMockCaptured()
    {
        typeUrlAndSend(QStringLiteral("{{baseUrl}}/pets/01900000-0000-7000-8000-000000000000"));
        auto *wire = child<panels::WireView>("responseWire");
        QTRY_COMPARE(wire->originText(), QStringLiteral("Exact bytes captured by the embedded mock"));
        QVERIFY(wire->shownText().contains(QStringLiteral("GET /v1/pets/01900000-0000-7000-8000-000000000000 HTTP/1.1\\r\\n")));
        QVERIFY(wire->shownText().contains(QStringLiteral("HTTP/1.1 404 Not Found\\r\\n")));
    }

    void aRemoteTargetsWireIsReconstructedAndSaysSo()
    {
        m_context->setEmbedded(false);
        typeUrlAndSend(QStringLiteral("{{baseUrl}}/inventory"));
        m_context->setEmbedded(true);
        auto *wire = child<panels::WireView>("responseWire");
        QVERIFY(wire->originText().startsWith(QStringLiteral("Reconstructed from the request sent")));
        QVERIFY(wire->shownText().contains(QStringLiteral("GET /v1/inventory HTTP/1.1\\r\\n\nHost: 127.0.0.1:%1\\r\\n").arg(m_mock->httpPort())));
        QVERIFY(wire->shownText().contains(QStringLiteral("HTTP/1.1 200 OK\\r\\n")));
    }

    void problemJsonIsAnErrorCard()
    {
        typeUrlAndSend(QStringLiteral("{{baseUrl}}/pets/01900000-0000-7000-8000-000000000000"));
        QCOMPARE(child<QLabel>("responseStatus")->text(), QStringLiteral("404 Not Found"));
        auto *card = child<QWidget>("problemCard");
        QVERIFY(card->isVisible());
        QVERIFY(child<QLabel>("problemTitle")->text().startsWith(QStringLiteral("404 · ")));
        QVERIFY(child<QLabel>("problemMeta")->text().contains(QStringLiteral("type: https://petstoreapi.com/problems/")));
    }

    void codeTabFollowsTheRequest()
    {
        auto *code = child<panels::CodeEditor>("codeSnippet");
        QCOMPARE(code->text(), QStringLiteral("curl 'http://127.0.0.1:%1/v1/pets/01900000-0000-7000-8000-000000000000'\n").arg(m_mock->httpPort()));
        child<QComboBox>("codeLanguage")->setCurrentIndex(2);
        QVERIFY(code->text().startsWith(QStringLiteral("import requests")));
        child<QComboBox>("codeLanguage")->setCurrentIndex(0);
    }

    void invalidJsonBodyIsRefusedBeforeSending()
    {
        const auto before = m_mock->requestCount();
        core::HttpRequestSpec spec;
        spec.method = "POST";
        spec.url = "{{baseUrl}}/pets";
        spec.bodyKind = core::RequestBodyKind::Json;
        spec.body = "{\"name\": }";
        m_panel->editor().setSpec(spec);
        QSignalSpy shown(m_panel.get(), &panels::RestPanel::exchangeShown);
        QTest::keyClick(child<QLineEdit>("urlEdit"), Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(shown.size(), 1);
        QCOMPARE(child<QLabel>("responseStatus")->text(), QStringLiteral("No response"));
        QVERIFY(child<QLabel>("responseTiming")->text().startsWith(QStringLiteral("JSON: line 1, column 10")));
        QCOMPARE(m_mock->requestCount(), before);
    }

    void historyListsWhatWasSentAndReopensIt()
    {
        auto *list = child<QListWidget>("historyList");
        QVERIFY(list->count() >= 3);
        QVERIFY(list->item(0)->text().startsWith(QStringLiteral("GET  {{baseUrl}}/pets/01900000-0000-7000-8000-000000000000\n404")));
        auto *search = child<QLineEdit>("historySearch");
        QTest::keyClicks(search, QStringLiteral("limit=2"));
        QCOMPARE(list->count(), 1);
        QSignalSpy opened(child<QWidget>("historyList")->parent(), SIGNAL(openRequested(petstore::core::HttpRequestSpec)));
        list->setCurrentRow(0);
        Q_EMIT list->itemActivated(list->item(0));
        QCOMPARE(child<QLineEdit>("urlEdit")->text(), QStringLiteral("{{baseUrl}}/pets?limit=2"));
        search->clear();
    }

    void getTokenFillsTheBearerTokenAndItIsSent()
    {
        core::HttpRequestSpec registration;
        registration.method = "POST";
        registration.url = "{{baseUrl}}/users";
        registration.bodyKind = core::RequestBodyKind::Json;
        registration.body = "{\"username\":\"panelcarol\",\"email\":\"panelcarol@example.com\",\"password\":\"correct-horse-battery\"}";
        m_panel->editor().setSpec(registration);
        QSignalSpy shown(m_panel.get(), &panels::RestPanel::exchangeShown);
        m_panel->send();
        QVERIFY(shown.wait(10000));
        QCOMPARE(child<QLabel>("responseStatus")->text(), QStringLiteral("201 Created"));

        core::HttpRequestSpec me;
        me.url = "{{baseUrl}}/users/me";
        m_panel->editor().setSpec(me);
        child<QComboBox>("authKind")->setCurrentIndex(1);
        QTest::keyClicks(child<QLineEdit>("tokenUsername"), QStringLiteral("panelcarol"));
        QTest::keyClicks(child<QLineEdit>("tokenPassword"), QStringLiteral("correct-horse-battery"));
        QTest::mouseClick(child<QWidget>("getToken"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(child<QLineEdit>("bearerToken")->text().startsWith(QStringLiteral("eyJ")), 10000);
        QVERIFY(child<QLabel>("tokenStatus")->text().startsWith(QStringLiteral("Token received")));
        m_panel->send();
        QVERIFY(shown.wait(10000));
        QCOMPARE(child<QLabel>("responseStatus")->text(), QStringLiteral("200 OK"));
        QVERIFY(child<panels::CodeEditor>("responseBodyPretty")->text().contains(QStringLiteral("\"username\": \"panelcarol\"")));
        child<QComboBox>("authKind")->setCurrentIndex(0);
    }

    void aBrokenOpenApiFileIsReportedNotImported()
    {
        QFile file(m_data.filePath(QStringLiteral("broken.yaml")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("openapi: [3.0\n");
        file.close();
        auto *collections = root()->findChild<panels::CollectionTree *>();
        QSignalSpy imported(collections, &panels::CollectionTree::importFinished);
        collections->importOpenApi(file.fileName());
        QCOMPARE(imported.size(), 1);
        QVERIFY(!imported.first().first().toBool());
        QVERIFY(imported.first().at(1).toString().startsWith(file.fileName() + QStringLiteral(": YAML:")));
    }

    void importsTheMocksOpenApiAndSendsFromTheCollection()
    {
        auto *tree = child<QTreeWidget>("collectionTree");
        auto *collections = root()->findChild<panels::CollectionTree *>();
        QSignalSpy imported(collections, &panels::CollectionTree::importFinished);
        collections->importOpenApi(QStringLiteral("http://127.0.0.1:%1/v1/openapi.json").arg(m_mock->httpPort()));
        QVERIFY(imported.wait(10000));
        QVERIFY2(imported.first().first().toBool(), qPrintable(imported.first().at(1).toString()));
        QVERIFY(imported.first().at(1).toString().startsWith(QStringLiteral("Imported 43 requests")));
        QCOMPARE(tree->topLevelItemCount(), 1);
        QTreeWidgetItem *found = nullptr;
        for (QTreeWidgetItem *item : tree->findItems(QStringLiteral("List pets"), Qt::MatchRecursive | Qt::MatchStartsWith, 1))
            found = item;
        QVERIFY(found);
        tree->setCurrentItem(found);
        Q_EMIT tree->itemActivated(found, 1);
        QVERIFY(child<QLineEdit>("urlEdit")->text().startsWith(QStringLiteral("{{baseUrl}}/pets")));
        QSignalSpy shown(m_panel.get(), &panels::RestPanel::exchangeShown);
        QTest::keyClick(child<QLineEdit>("urlEdit"), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(shown.wait(10000));
        QCOMPARE(child<QLabel>("responseStatus")->text(), QStringLiteral("200 OK"));
    }
};

QTEST_MAIN(TestRestPanel)
#include "tst_restpanel.moc"
