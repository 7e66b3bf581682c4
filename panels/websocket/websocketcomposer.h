// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QPushButton;
class QSettings;

namespace petstore::panels {

class CodeEditor;

// The WebSocket console's composer: text, JSON (validated before it is sent) or binary written
// as hex; message templates — the chat protocol's messages built in, the user's own saved in
// the settings.
class WebSocketComposer : public QWidget
{
    Q_OBJECT
public:
    enum class Mode { Text, Json, Binary };
    struct Message
    {
        QByteArray payload;
        bool binary = false;
    };

    explicit WebSocketComposer(QSettings &settings, QWidget *parent = nullptr);

    void setMode(Mode mode);
    Mode mode() const;
    void setBody(const QString &text);
    QString body() const;
    // The message as it will be sent, or nothing (with the reason shown) when it is not valid.
    std::optional<Message> compose();
    QString problem() const;

    // Names of the templates in the picker, built-in first.
    QStringList templateNames() const;
    void applyTemplate(const QString &name);
    // Saves the current mode and body under `name` (replacing a saved one of that name).
    void saveTemplate(const QString &name);

Q_SIGNALS:
    void sendRequested(const QByteArray &payload, bool binary);

private:
    struct Template
    {
        QString name;
        Mode mode;
        QString body;
    };
    void reloadTemplates();
    std::vector<Template> savedTemplates() const;
    void showProblem(const QString &text);

    QSettings &m_settings;
    QComboBox *m_mode = nullptr;
    QComboBox *m_templates = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_send = nullptr;
    CodeEditor *m_editor = nullptr;
    QLabel *m_problem = nullptr;
    std::vector<Template> m_all;
};

} // namespace petstore::panels
