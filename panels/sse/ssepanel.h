// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocols/sse/chatstreamassembler.h"
#include "core/requests/requestresolver.h"
#include "panels/common/ipanel.h"

#include <QObject>
#include <QPointer>

class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QSplitter;
class QTabWidget;

namespace petstore::panels {

class CodeEditor;
class MessageLog;
class PanelContext;
class RequestEditor;
class SseClient;

// The Server-Sent Events console (issue 4): GET or POST with headers, body and auth; connect
// and disconnect; automatic reconnect honouring `retry:` with Last-Event-ID (both switchable);
// the events with their ids and types; a chat view that assembles streamed deltas live; the
// raw stream (Wire) and the equivalent `curl -N` (Code).
class SsePanel : public QObject, public IPanel
{
    Q_OBJECT
public:
    explicit SsePanel(PanelContext &context, QObject *parent = nullptr);
    ~SsePanel() override;

    QString id() const override { return QStringLiteral("sse"); }
    QString title() const override { return tr("Server-Sent Events"); }
    QWidget *widget() override;
    QString learnPage() const override { return QStringLiteral(":/docs/protocols/sse.md"); }
    void activate() override;

    void toggleConnection();
    void disconnectStream();
    // Fills the request from a preset: 0 domain events, 1 streamed chat.
    void applyPreset(int index);

    RequestEditor &editor() { return *m_editor; }
    MessageLog &events() { return *m_events; }
    QString chatText() const;
    QString wireText() const;
    QString status() const;

Q_SIGNALS:
    void streamStateChanged(bool active);

private:
    void buildWidgets();
    void onConnected(int status, const QList<QPair<QByteArray, QByteArray>> &headers);
    void onEvent(const core::SseEvent &event);
    void appendWire(const QString &text);
    void refreshCode();
    void setStatus(const QString &text);

    PanelContext &m_context;
    QPointer<QSplitter> m_root;
    RequestEditor *m_editor = nullptr;
    QComboBox *m_preset = nullptr;
    QCheckBox *m_reconnect = nullptr;
    QCheckBox *m_lastEventId = nullptr;
    QLabel *m_status = nullptr;
    QTabWidget *m_tabs = nullptr;
    MessageLog *m_events = nullptr;
    QPlainTextEdit *m_chat = nullptr;
    QLabel *m_chatStatus = nullptr;
    QPlainTextEdit *m_wire = nullptr;
    CodeEditor *m_code = nullptr;
    SseClient *m_client = nullptr;
    core::ResolvedRequest m_request;
    core::ChatStreamAssembler m_assembler;
    int m_eventCount = 0;
};

} // namespace petstore::panels
