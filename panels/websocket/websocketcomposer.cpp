// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/websocket/websocketcomposer.h"

#include "core/protocols/websocket/websocketframe.h"
#include "panels/common/codeeditor.h"

#include <nlohmann/json.hpp>

#include <QComboBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace petstore::panels {

namespace {

const char *const SettingsKey = "websocket/templates";

QString modeName(WebSocketComposer::Mode mode)
{
    switch (mode) {
    case WebSocketComposer::Mode::Json: return QStringLiteral("json");
    case WebSocketComposer::Mode::Binary: return QStringLiteral("binary");
    case WebSocketComposer::Mode::Text: break;
    }
    return QStringLiteral("text");
}

WebSocketComposer::Mode modeFromName(const QString &name)
{
    if (name == QLatin1String("json"))
        return WebSocketComposer::Mode::Json;
    if (name == QLatin1String("binary"))
        return WebSocketComposer::Mode::Binary;
    return WebSocketComposer::Mode::Text;
}

} // namespace

WebSocketComposer::WebSocketComposer(QSettings &settings, QWidget *parent) : QWidget(parent), m_settings(settings)
{
    m_mode = new QComboBox(this);
    m_mode->setObjectName(QStringLiteral("wsMode"));
    m_mode->addItems({tr("Text"), tr("JSON"), tr("Binary (hex)")});
    m_templates = new QComboBox(this);
    m_templates->setObjectName(QStringLiteral("wsTemplates"));
    m_templates->setToolTip(tr("Message templates: the chat protocol's messages, and your own"));
    m_save = new QPushButton(tr("Save as template…"), this);
    m_send = new QPushButton(tr("Send"), this);
    m_send->setObjectName(QStringLiteral("wsSend"));
    m_send->setToolTip(tr("Send the message (Ctrl+Enter)"));
    m_editor = new CodeEditor(this);
    m_editor->setObjectName(QStringLiteral("wsComposerEditor"));
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("wsComposerProblem"));
    m_problem->setStyleSheet(QStringLiteral("color: #d03b3b"));
    m_problem->hide();

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_mode);
    bar->addWidget(m_templates, 1);
    bar->addWidget(m_save);
    bar->addWidget(m_send);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_problem);

    reloadTemplates();
    connect(m_mode, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        m_editor->setLanguage(mode() == Mode::Json ? CodeEditor::Language::Json : CodeEditor::Language::Plain);
        showProblem(QString());
    });
    connect(m_templates, qOverload<int>(&QComboBox::activated), this,
            [this](int index) { applyTemplate(m_templates->itemText(index)); });
    connect(m_save, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Save template"), tr("Name"), QLineEdit::Normal, QString(), &ok);
        if (ok && !name.trimmed().isEmpty())
            saveTemplate(name.trimmed());
    });
    connect(m_send, &QPushButton::clicked, this, [this] {
        if (auto message = compose())
            Q_EMIT sendRequested(message->payload, message->binary);
    });
    connect(m_editor, &CodeEditor::textChanged, this, [this] { showProblem(QString()); });
    applyTemplate(m_all.front().name);
}

void WebSocketComposer::setMode(Mode mode)
{
    m_mode->setCurrentIndex(int(mode));
}

WebSocketComposer::Mode WebSocketComposer::mode() const
{
    return Mode(m_mode->currentIndex());
}

void WebSocketComposer::setBody(const QString &text)
{
    m_editor->setText(text);
}

QString WebSocketComposer::body() const
{
    return m_editor->text();
}

QString WebSocketComposer::problem() const
{
    return m_problem->isVisible() ? m_problem->text() : QString();
}

void WebSocketComposer::showProblem(const QString &text)
{
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
}

std::optional<WebSocketComposer::Message> WebSocketComposer::compose()
{
    const QString text = m_editor->text();
    switch (mode()) {
    case Mode::Json: {
        try {
            const auto json = nlohmann::json::parse(text.toStdString());
            showProblem(QString());
            return Message{QByteArray::fromStdString(json.dump()), false};
        } catch (const nlohmann::json::parse_error &error) {
            showProblem(tr("Not valid JSON: %1").arg(QString::fromUtf8(error.what()).section(QLatin1String(": "), 1)));
            return std::nullopt;
        }
    }
    case Mode::Binary: {
        const auto bytes = core::bytesFromHex(text.toStdString());
        if (!bytes.ok()) {
            showProblem(tr("Not hex: %1").arg(QString::fromStdString(bytes.error().message)));
            return std::nullopt;
        }
        showProblem(QString());
        return Message{QByteArray::fromStdString(bytes.value()), true};
    }
    case Mode::Text: break;
    }
    showProblem(QString());
    return Message{text.toUtf8(), false};
}

QStringList WebSocketComposer::templateNames() const
{
    QStringList names;
    for (const Template &t : m_all)
        names << t.name;
    return names;
}

void WebSocketComposer::applyTemplate(const QString &name)
{
    for (const Template &t : m_all) {
        if (t.name != name)
            continue;
        setMode(t.mode);
        m_editor->setText(t.body);
        m_templates->setCurrentText(name);
        return;
    }
}

void WebSocketComposer::saveTemplate(const QString &name)
{
    QJsonArray saved;
    for (const Template &t : savedTemplates())
        if (t.name != name)
            saved.append(QJsonObject{{QStringLiteral("name"), t.name}, {QStringLiteral("mode"), modeName(t.mode)},
                                     {QStringLiteral("body"), t.body}});
    saved.append(QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("mode"), modeName(mode())},
                             {QStringLiteral("body"), body()}});
    m_settings.setValue(QLatin1String(SettingsKey), QString::fromUtf8(QJsonDocument(saved).toJson(QJsonDocument::Compact)));
    reloadTemplates();
    m_templates->setCurrentText(name);
}

std::vector<WebSocketComposer::Template> WebSocketComposer::savedTemplates() const
{
    std::vector<Template> out;
    const auto document = QJsonDocument::fromJson(m_settings.value(QLatin1String(SettingsKey)).toString().toUtf8());
    for (const QJsonValue &value : document.array()) {
        const QJsonObject object = value.toObject();
        if (!object.value(QStringLiteral("name")).toString().isEmpty())
            out.push_back({object.value(QStringLiteral("name")).toString(),
                           modeFromName(object.value(QStringLiteral("mode")).toString()),
                           object.value(QStringLiteral("body")).toString()});
    }
    return out;
}

void WebSocketComposer::reloadTemplates()
{
    // The chat protocol's client messages (specs/asyncapi/petstore.yaml, channel `chat`).
    m_all = {
        {tr("chat · message"), Mode::Json,
         QStringLiteral("{\n  \"type\": \"message\",\n  \"clientMessageId\": \"c-1\",\n  \"text\": \"Which dogs are good with kids?\"\n}")},
        {tr("chat · subscribe"), Mode::Json, QStringLiteral("{\n  \"type\": \"subscribe\",\n  \"channels\": [\"pets\", \"orders\"]\n}")},
        {tr("chat · unsubscribe"), Mode::Json, QStringLiteral("{\n  \"type\": \"unsubscribe\",\n  \"channels\": [\"orders\"]\n}")},
        {tr("chat · typing"), Mode::Json, QStringLiteral("{\n  \"type\": \"typing\",\n  \"typing\": true\n}")},
        {tr("chat · ping"), Mode::Json, QStringLiteral("{\n  \"type\": \"ping\",\n  \"id\": 1\n}")},
        {tr("echo · text"), Mode::Text, QStringLiteral("hello, echo")},
        {tr("echo · binary"), Mode::Binary, QStringLiteral("01 02 03 fe ff")},
    };
    for (Template &t : savedTemplates())
        m_all.push_back(std::move(t));
    m_templates->clear();
    m_templates->addItems(templateNames());
}

} // namespace petstore::panels
