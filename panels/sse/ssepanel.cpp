// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/sse/ssepanel.h"

#include "core/requests/codesnippets.h"
#include "panels/common/codeeditor.h"
#include "panels/common/messagelog.h"
#include "panels/common/panelcontext.h"
#include "panels/common/requesteditor.h"
#include "panels/sse/sseclient.h"

#include <nlohmann/json.hpp>

#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QShortcut>
#include <QSplitter>
#include <QTabWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace petstore::panels {

namespace {

// One line for the event list: the id, then the data on one line.
QString summarise(const core::SseEvent &event)
{
    QString data = QString::fromStdString(event.data).simplified();
    if (data.size() > 200)
        data = data.left(200) + QStringLiteral("…");
    return event.id.empty() ? data : QStringLiteral("#%1  %2").arg(QString::fromStdString(event.id), data);
}

} // namespace

SsePanel::SsePanel(PanelContext &context, QObject *parent) : QObject(parent), m_context(context)
{
    m_client = new SseClient(this);
    connect(m_client, &SseClient::connected, this, &SsePanel::onConnected);
    connect(m_client, &SseClient::eventReceived, this, &SsePanel::onEvent);
    connect(m_client, &SseClient::bytesReceived, this,
            [this](const QByteArray &bytes) { appendWire(QString::fromUtf8(bytes)); });
    connect(m_client, &SseClient::commentReceived, this, [this](const QString &text) {
        m_events->append(MessageLog::Direction::Info, QStringLiteral("comment"), QStringLiteral(": ") + text, text.toUtf8());
    });
    connect(m_client, &SseClient::reconnecting, this, [this](int delayMs, const QString &lastId) {
        const QString detail = lastId.isEmpty() || !m_lastEventId->isChecked()
                                   ? tr("Reconnecting in %1 ms").arg(delayMs)
                                   : tr("Reconnecting in %1 ms with Last-Event-ID %2").arg(delayMs).arg(lastId);
        m_events->append(MessageLog::Direction::Info, QStringLiteral("reconnect"), detail, {});
        setStatus(detail);
    });
    connect(m_client, &SseClient::failed, this, [this](const QString &message) {
        m_events->append(MessageLog::Direction::Error, QStringLiteral("error"), message, message.toUtf8());
        setStatus(message);
    });
    connect(m_client, &SseClient::finished, this, [this] {
        m_editor->setBusy(false);
        if (!status().startsWith(tr("The server")))
            setStatus(tr("Disconnected after %n event(s)", nullptr, m_eventCount));
        Q_EMIT streamStateChanged(false);
    });
}

SsePanel::~SsePanel()
{
    delete m_root;
}

QWidget *SsePanel::widget()
{
    if (!m_root)
        buildWidgets();
    return m_root;
}

void SsePanel::activate()
{
    widget();
    m_editor->focusUrl();
}

void SsePanel::buildWidgets()
{
    m_root = new QSplitter(Qt::Vertical);
    m_root->setObjectName(QStringLiteral("ssePanel"));

    auto *top = new QWidget;
    m_preset = new QComboBox(top);
    m_preset->setObjectName(QStringLiteral("ssePreset"));
    m_preset->addItems({tr("Domain events — GET /events"), tr("Streamed chat — POST /chat/completions")});
    m_editor = new RequestEditor(top);
    m_editor->setActionLabels(tr("Connect"), tr("Disconnect"), tr("Open the stream (Ctrl+Enter); again to close it"));
    m_reconnect = new QCheckBox(tr("Reconnect automatically (honours retry:)"), top);
    m_reconnect->setObjectName(QStringLiteral("sseReconnect"));
    m_reconnect->setChecked(true);
    m_lastEventId = new QCheckBox(tr("Send Last-Event-ID"), top);
    m_lastEventId->setObjectName(QStringLiteral("sseLastEventId"));
    m_lastEventId->setChecked(true);
    m_status = new QLabel(tr("Not connected"), top);
    m_status->setObjectName(QStringLiteral("sseStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *presetRow = new QHBoxLayout;
    presetRow->addWidget(new QLabel(tr("Preset"), top));
    presetRow->addWidget(m_preset, 1);
    presetRow->addWidget(m_reconnect);
    presetRow->addWidget(m_lastEventId);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(6, 6, 6, 0);
    topLayout->addLayout(presetRow);
    topLayout->addWidget(m_editor, 1);
    topLayout->addWidget(m_status);

    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("sseTabs"));
    m_events = new MessageLog;
    m_events->setObjectName(QStringLiteral("sseEvents"));
    auto *chatPage = new QWidget;
    m_chat = new QPlainTextEdit(chatPage);
    m_chat->setObjectName(QStringLiteral("sseChat"));
    m_chat->setReadOnly(true);
    m_chat->setPlaceholderText(tr("A streamed chat answer (chat.completion.chunk events) appears here as it is generated."));
    m_chatStatus = new QLabel(chatPage);
    auto *chatLayout = new QVBoxLayout(chatPage);
    chatLayout->addWidget(m_chat, 1);
    chatLayout->addWidget(m_chatStatus);
    m_wire = new QPlainTextEdit;
    m_wire->setObjectName(QStringLiteral("sseWire"));
    m_wire->setReadOnly(true);
    m_wire->setMaximumBlockCount(20000);
    m_wire->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_wire->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_code = new CodeEditor;
    m_code->setObjectName(QStringLiteral("sseCode"));
    m_code->setReadOnly(true);
    m_tabs->addTab(m_events, tr("Events"));
    m_tabs->addTab(chatPage, tr("Chat"));
    m_tabs->addTab(m_wire, tr("Wire"));
    m_tabs->addTab(m_code, tr("Code"));

    m_root->addWidget(top);
    m_root->addWidget(m_tabs);
    m_root->setStretchFactor(1, 1);
    m_root->setSizes({230, 570});

    applyPreset(0);
    for (const auto &keys : {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(keys, m_root);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, &SsePanel::toggleConnection);
    }
    auto *focusUrl = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_L), m_root);
    focusUrl->setContext(Qt::WidgetWithChildrenShortcut);
    connect(focusUrl, &QShortcut::activated, m_editor, &RequestEditor::focusUrl);
    connect(m_editor, &RequestEditor::sendRequested, this, &SsePanel::toggleConnection);
    connect(m_editor, &RequestEditor::cancelRequested, this, &SsePanel::disconnectStream);
    connect(m_editor, &RequestEditor::edited, this, &SsePanel::refreshCode);
    connect(m_preset, qOverload<int>(&QComboBox::activated), this, &SsePanel::applyPreset);
    connect(&m_context, &PanelContext::variablesChanged, this, &SsePanel::refreshCode);
}

void SsePanel::applyPreset(int index)
{
    widget();
    core::HttpRequestSpec spec;
    if (index == 1) {
        spec.name = "Streamed chat";
        spec.method = "POST";
        spec.url = "{{baseUrl}}/chat/completions";
        spec.bodyKind = core::RequestBodyKind::Json;
        spec.body = nlohmann::json{{"model", "pet-advisor-1"},
                                   {"stream", true},
                                   {"messages", {{{"role", "user"}, {"content", "Which dogs are good with kids?"}}}}}
                        .dump(2);
        // Reconnecting would ask the question again.
        m_reconnect->setChecked(false);
        m_tabs->setCurrentIndex(1);
    } else {
        spec.name = "Domain events";
        spec.url = "{{baseUrl}}/events";
        m_reconnect->setChecked(true);
        m_tabs->setCurrentIndex(0);
    }
    m_preset->setCurrentIndex(index);
    m_editor->setSpec(spec);
    refreshCode();
}

void SsePanel::toggleConnection()
{
    if (m_client->isActive()) {
        disconnectStream();
        return;
    }
    const QString problem = m_editor->problem();
    auto resolved = problem.isEmpty() ? core::RequestResolver::resolve(m_editor->spec(), m_context.variableValues())
                                      : core::Result<core::ResolvedRequest>(core::Error::make(
                                            core::ErrorKind::Validation, problem.toStdString()));
    if (!resolved.ok()) {
        setStatus(QString::fromStdString(resolved.error().message));
        return;
    }
    m_request = resolved.value();
    m_assembler.reset();
    m_eventCount = 0;
    m_chat->clear();
    m_chatStatus->clear();
    m_wire->clear();
    QString head = QString::fromStdString(m_request.method) + QLatin1Char(' ') + QString::fromStdString(m_request.url)
                   + QStringLiteral("\n");
    for (const auto &[name, value] : m_request.headers)
        head += QString::fromStdString(name + ": " + value) + QLatin1Char('\n');
    appendWire(head + QStringLiteral("\n"));
    SseClient::Options options;
    options.reconnect = m_reconnect->isChecked();
    options.sendLastEventId = m_lastEventId->isChecked();
    m_client->open(m_request, options);
    m_editor->setBusy(true);
    setStatus(tr("Connecting to %1 …").arg(QString::fromStdString(m_request.url)));
    Q_EMIT streamStateChanged(true);
}

void SsePanel::disconnectStream()
{
    m_client->close();
    m_editor->setBusy(false);
}

void SsePanel::onConnected(int status, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QString head = QStringLiteral("HTTP/1.1 %1\n").arg(status);
    for (const auto &[name, value] : headers)
        head += QString::fromLatin1(name + ": " + value) + QLatin1Char('\n');
    appendWire(head + QStringLiteral("\n"));
    if (status == 200)
        setStatus(tr("Streaming from %1").arg(QString::fromStdString(m_request.url)));
}

void SsePanel::onEvent(const core::SseEvent &event)
{
    ++m_eventCount;
    m_events->append(MessageLog::Direction::Incoming, QString::fromStdString(event.type), summarise(event),
                     QByteArray::fromStdString(event.data));
    const std::string piece = m_assembler.add(event);
    if (!m_assembler.isChatStream())
        return;
    if (!piece.empty()) {
        m_chat->moveCursor(QTextCursor::End);
        m_chat->insertPlainText(QString::fromStdString(piece));
    }
    QString state = tr("%n chunk(s)", nullptr, int(m_assembler.chunks()));
    if (!m_assembler.finishReason().empty())
        state += tr(" · finishReason %1").arg(QString::fromStdString(m_assembler.finishReason()));
    if (const nlohmann::json &usage = m_assembler.usage(); usage.is_object())
        state += tr(" · usage: %1 prompt + %2 completion = %3 tokens")
                     .arg(usage.value("promptTokens", usage.value("prompt_tokens", 0)))
                     .arg(usage.value("completionTokens", usage.value("completion_tokens", 0)))
                     .arg(usage.value("totalTokens", usage.value("total_tokens", 0)));
    if (m_assembler.done())
        state += tr(" · [DONE]");
    m_chatStatus->setText(state);
}

void SsePanel::appendWire(const QString &text)
{
    m_wire->moveCursor(QTextCursor::End);
    m_wire->insertPlainText(text);
}

void SsePanel::refreshCode()
{
    if (!m_code)
        return;
    auto resolved = core::RequestResolver::resolve(m_editor->spec(), m_context.variableValues());
    if (!resolved.ok()) {
        m_code->setText(QString::fromStdString("# " + resolved.error().message));
        return;
    }
    // -N: print each event as it arrives instead of buffering (curl(1) --no-buffer).
    std::string command = core::CodeSnippets::curl(resolved.value());
    command.insert(4, " -N");
    m_code->setText(QString::fromStdString(command));
}

void SsePanel::setStatus(const QString &text)
{
    if (m_status)
        m_status->setText(text);
}

QString SsePanel::chatText() const
{
    return m_chat->toPlainText();
}

QString SsePanel::wireText() const
{
    return m_wire->toPlainText();
}

QString SsePanel::status() const
{
    return m_status->text();
}

} // namespace petstore::panels
