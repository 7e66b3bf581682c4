// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/rest/restpanel.h"

#include "core/requests/wiretranscript.h"
#include "panels/common/panelcontext.h"
#include "panels/common/autheditor.h"
#include "panels/rest/collectiontree.h"
#include "panels/rest/historypane.h"
#include "panels/common/requesteditor.h"
#include "panels/rest/requesthistorystore.h"
#include "panels/rest/responseview.h"
#include "panels/rest/restclient.h"
#include "panels/rest/restresponse.h"
#include "panels/rest/savedrequeststore.h"

#include <nlohmann/json.hpp>

#include <QDateTime>
#include <QDir>
#include <QLabel>
#include <QShortcut>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace petstore::panels {

namespace {

// How often the Wire tab looks again for the mock's capture of an exchange: the mock thread
// records it while the reply travels, so it is usually there at once and always within ~100 ms.
constexpr int WireRetryMs = 25;
constexpr int WireRetries = 8;

} // namespace

RestPanel::RestPanel(PanelContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_history(std::make_unique<RequestHistoryStore>())
    , m_saved(std::make_unique<SavedRequestStore>())
    , m_client(std::make_unique<RestClient>())
    , m_tokenClient(std::make_unique<RestClient>())
{
    openStores();
    buildWidgets();
    connect(m_client.get(), &RestClient::finished, this, &RestPanel::onFinished);
    connect(m_tokenClient.get(), &RestClient::finished, this, [this](quint64 id, const RestResponse &response) {
        if (id != m_tokenRequest)
            return;
        const auto body = nlohmann::json::parse(response.body.toStdString(), nullptr, false);
        const bool ok = response.error.isEmpty() && response.status == 200 && body.is_object()
                        && body.contains("accessToken") && body["accessToken"].is_string();
        if (ok) {
            m_editor->auth().showToken(QString::fromStdString(body["accessToken"].get<std::string>()),
                                       QString::fromStdString(body.value("scope", std::string())));
        } else if (!response.error.isEmpty()) {
            m_editor->auth().showTokenError(response.error);
        } else {
            const std::string detail = body.is_object() ? body.value("detail", body.value("title", std::string())) : std::string();
            m_editor->auth().showTokenError(tr("%1 %2: %3").arg(response.status).arg(response.reason, QString::fromStdString(detail)));
        }
    });
}

RestPanel::~RestPanel()
{
    delete m_root;
}

void RestPanel::openStores()
{
    const QDir directory(m_context.dataDirectory());
    QStringList problems;
    if (const auto status = m_history->open(directory.filePath(QStringLiteral("rest-history.sqlite"))); !status.ok())
        problems << QString::fromStdString(status.error().message);
    if (const auto status = m_saved->open(directory.filePath(QStringLiteral("rest-collections.sqlite"))); !status.ok())
        problems << QString::fromStdString(status.error().message);
    m_storeProblem = problems.join(QLatin1Char(' '));
}

void RestPanel::buildWidgets()
{
    m_root = new QSplitter(Qt::Horizontal);
    m_root->setObjectName(QStringLiteral("restPanel"));

    m_sidebar = new QTabWidget(m_root);
    m_sidebar->setObjectName(QStringLiteral("restSidebar"));
    m_historyPane = new HistoryPane(*m_history, m_sidebar);
    m_collections = new CollectionTree(*m_saved, m_context, m_sidebar);
    m_sidebar->addTab(m_collections, tr("Collections"));
    m_sidebar->addTab(m_historyPane, tr("History"));

    auto *main = new QWidget(m_root);
    auto *split = new QSplitter(Qt::Vertical, main);
    m_editor = new RequestEditor(split);
    m_response = new ResponseView(split);
    split->addWidget(m_editor);
    split->addWidget(m_response);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setSizes({180, 520});
    m_message = new QLabel(main);
    m_message->setObjectName(QStringLiteral("restMessage"));
    m_message->setWordWrap(true);
    auto *layout = new QVBoxLayout(main);
    layout->setContentsMargins(6, 6, 6, 2);
    layout->addWidget(split, 1);
    layout->addWidget(m_message);

    m_root->addWidget(m_sidebar);
    m_root->addWidget(main);
    m_root->setStretchFactor(1, 1);
    m_root->setSizes({240, 760});

    core::HttpRequestSpec start;
    start.url = "{{baseUrl}}/pets";
    m_editor->setSpec(start);
    say(m_storeProblem);

    // Keyboard first (DESIGN §8): Ctrl+Enter sends from anywhere in the panel, Ctrl+L goes to
    // the URL, Ctrl+S saves into the selected collection.
    for (const auto &keys : {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(keys, m_root);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, &RestPanel::send);
    }
    auto *focusUrl = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_L), m_root);
    focusUrl->setContext(Qt::WidgetWithChildrenShortcut);
    connect(focusUrl, &QShortcut::activated, m_editor, &RequestEditor::focusUrl);
    auto *save = new QShortcut(QKeySequence::Save, m_root);
    save->setContext(Qt::WidgetWithChildrenShortcut);
    connect(save, &QShortcut::activated, this, &RestPanel::saveCurrentRequest);

    connect(m_editor, &RequestEditor::sendRequested, this, &RestPanel::send);
    connect(m_editor, &RequestEditor::cancelRequested, this, &RestPanel::cancel);
    connect(m_editor, &RequestEditor::edited, this, &RestPanel::refreshCode);
    connect(&m_editor->auth(), &AuthEditor::tokenRequested, this, &RestPanel::requestToken);
    connect(m_historyPane, &HistoryPane::openRequested, m_editor, &RequestEditor::setSpec);
    connect(m_collections, &CollectionTree::openRequested, m_editor, &RequestEditor::setSpec);
    connect(m_collections, &CollectionTree::importFinished, this,
            [this](bool, const QString &message) { say(message); });
    connect(&m_context, &PanelContext::variablesChanged, this, &RestPanel::refreshCode);
    refreshCode();
}

QWidget *RestPanel::widget()
{
    return m_root;
}

void RestPanel::activate()
{
    m_editor->focusUrl();
}

core::Result<core::ResolvedRequest> RestPanel::resolve(const core::HttpRequestSpec &spec) const
{
    return core::RequestResolver::resolve(spec, m_context.variableValues());
}

void RestPanel::send()
{
    if (m_inFlight != 0)
        return;
    const QString problem = m_editor->problem();
    if (!problem.isEmpty()) {
        m_response->showFailure(problem);
        Q_EMIT exchangeShown();
        return;
    }
    m_sentSpec = m_editor->spec();
    if (m_context.targetIsEmbeddedMock() && m_context.embeddedHttpPort() == 0) {
        m_response->showFailure(tr("The embedded mock is not running. Start it in the Mock server dock, "
                                   "or choose another target."));
        Q_EMIT exchangeShown();
        return;
    }
    const auto resolved = resolve(m_sentSpec);
    if (!resolved.ok()) {
        m_response->showFailure(QString::fromStdString(resolved.error().message));
        Q_EMIT exchangeShown();
        return;
    }
    m_sent = *resolved;
    m_response->showCode(m_sent);
    m_response->showPending(QStringLiteral("%1 %2").arg(QString::fromStdString(m_sent.method),
                                                         QString::fromStdString(m_sent.url)));
    m_editor->setBusy(true);
    m_inFlight = m_client->send(m_sent);
}

void RestPanel::cancel()
{
    if (m_inFlight != 0)
        m_client->cancel();
}

void RestPanel::onFinished(quint64 id, const RestResponse &response)
{
    if (id != m_inFlight)
        return;
    m_inFlight = 0;
    m_editor->setBusy(false);

    HistoryEntry entry;
    entry.time = QDateTime::currentDateTime();
    entry.spec = m_sentSpec;
    entry.status = response.error.isEmpty() ? response.status : 0;
    entry.totalMs = response.totalMs;
    entry.size = response.body.size();
    entry.error = response.error;
    if (const auto added = m_history->add(entry); !added.ok())
        say(QString::fromStdString(added.error().message));
    m_historyPane->refresh();

    if (!response.error.isEmpty()) {
        m_response->showFailure(response.error);
    } else {
        m_response->showResponse(response);
        showWire(response, WireRetries);
    }
    Q_EMIT exchangeShown();
}

void RestPanel::showWire(const RestResponse &response, int attemptsLeft)
{
    if (m_context.targetIsEmbeddedMock() && !response.requestId.isEmpty()) {
        if (const auto captured = m_context.capturedExchange(response.requestId)) {
            m_response->showWire(QByteArray::fromStdString(captured->rawRequest),
                                 QByteArray::fromStdString(captured->rawResponse), WireView::Origin::Captured);
            return;
        }
        if (attemptsLeft > 0) {
            QTimer::singleShot(WireRetryMs, this, [this, response, attemptsLeft] {
                if (m_inFlight == 0)
                    showWire(response, attemptsLeft - 1);
            });
        }
    }
    std::vector<std::pair<std::string, std::string>> headers;
    for (const auto &[name, value] : response.headers)
        headers.emplace_back(name.toStdString(), value.toStdString());
    m_response->showWire(QByteArray::fromStdString(core::WireTranscript::request(m_sent)),
                         QByteArray::fromStdString(core::WireTranscript::response(
                             response.httpVersion.toStdString(), response.status, response.reason.toStdString(),
                             headers, response.body.toStdString())),
                         WireView::Origin::Reconstructed);
}

void RestPanel::refreshCode()
{
    const auto resolved = resolve(m_editor->spec());
    if (resolved.ok())
        m_response->showCode(*resolved);
}

void RestPanel::requestToken(const QString &username, const QString &password, const QString &scope)
{
    nlohmann::json body = {{"username", username.toStdString()}, {"password", password.toStdString()}};
    if (!scope.trimmed().isEmpty())
        body["scope"] = scope.trimmed().toStdString();
    core::HttpRequestSpec spec;
    spec.method = "POST";
    spec.url = "{{baseUrl}}/auth/tokens";
    spec.bodyKind = core::RequestBodyKind::Json;
    spec.body = body.dump();
    const auto resolved = resolve(spec);
    if (!resolved.ok()) {
        m_editor->auth().showTokenError(QString::fromStdString(resolved.error().message));
        return;
    }
    m_tokenRequest = m_tokenClient->send(*resolved);
}

void RestPanel::saveCurrentRequest()
{
    core::HttpRequestSpec spec = m_editor->spec();
    if (spec.name.empty())
        spec.name = spec.method + " " + spec.url;
    m_collections->saveRequest(spec);
    m_sidebar->setCurrentWidget(m_collections);
    say(tr("Saved \"%1\".").arg(QString::fromStdString(spec.name)));
}

void RestPanel::say(const QString &message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

} // namespace petstore::panels
