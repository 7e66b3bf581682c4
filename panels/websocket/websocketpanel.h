// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "panels/common/ipanel.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QWebSocket>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QSplitter;
class QTabWidget;

namespace petstore::panels {

class CodeEditor;
class KeyValueTable;
class MessageLog;
class PanelContext;
class WebSocketComposer;

// The WebSocket console (issue 4): URL, subprotocols and headers; connect, and close with a
// code and reason; a composer for text, JSON and hex binary with the chat protocol's messages
// as templates; the message log (direction, time, size, opcode, search); ping; the frames
// (Wire: FIN, opcode, MASK, length, payload) and the equivalent websocat and Node commands.
class WebSocketPanel : public QObject, public IPanel
{
    Q_OBJECT
public:
    explicit WebSocketPanel(PanelContext &context, QObject *parent = nullptr);
    ~WebSocketPanel() override;

    QString id() const override { return QStringLiteral("websocket"); }
    QString title() const override { return tr("WebSocket"); }
    QWidget *widget() override;
    QString learnPage() const override { return QStringLiteral(":/docs/protocols/websocket.md"); }
    void activate() override;

    void toggleConnection();
    void sendComposed();
    void sendPing();
    void closeWith(int code, const QString &reason);

    QWebSocket &socket() { return m_socket; }
    MessageLog &log() { return *m_log; }
    WebSocketComposer &composer() { return *m_composer; }
    QString wireText() const;
    QString state() const;

Q_SIGNALS:
    void stateChanged(QAbstractSocket::SocketState state);

private:
    void buildWidgets();
    void onConnected();
    void onDisconnected();
    void onTextFrame(const QString &frame, bool isLastFrame);
    void onBinaryFrame(const QByteArray &frame, bool isLastFrame);
    void send(const QByteArray &payload, bool binary);
    void wireFrame(bool outgoing, int opcode, bool fin, quint64 length, const QByteArray &payload);
    void refreshCode();
    QString resolvedUrl() const;
    QStringList subprotocols() const;
    void setState(const QString &text);

    PanelContext &m_context;
    QWebSocket m_socket;
    QPointer<QSplitter> m_root;
    QLineEdit *m_url = nullptr;
    QLineEdit *m_subprotocols = nullptr;
    QPushButton *m_connect = nullptr;
    QPushButton *m_ping = nullptr;
    QSpinBox *m_closeCode = nullptr;
    QLineEdit *m_closeReason = nullptr;
    QPushButton *m_close = nullptr;
    QLabel *m_state = nullptr;
    KeyValueTable *m_headers = nullptr;
    WebSocketComposer *m_composer = nullptr;
    MessageLog *m_log = nullptr;
    QPlainTextEdit *m_wire = nullptr;
    CodeEditor *m_code = nullptr;
    bool m_inTextMessage = false;
    bool m_inBinaryMessage = false;
    QByteArray m_textMessage;
    QByteArray m_binaryMessage;
    bool m_userClosed = false;
};

} // namespace petstore::panels
