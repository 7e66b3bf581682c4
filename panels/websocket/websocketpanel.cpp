// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/websocket/websocketpanel.h"

#include "core/protocols/websocket/websocketframe.h"
#include "core/requests/codesnippets.h"
#include "panels/common/codeeditor.h"
#include "panels/common/keyvaluetable.h"
#include "panels/common/messagelog.h"
#include "panels/common/panelcontext.h"
#include "panels/websocket/websocketcomposer.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkRequest>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>
#include <QWebSocketHandshakeOptions>

namespace petstore::panels {

namespace {

QString preview(const QByteArray &payload, bool binary)
{
    if (binary)
        return QString::fromLatin1(payload.left(24).toHex(' ')) + (payload.size() > 24 ? QStringLiteral(" …") : QString());
    QString text = QString::fromUtf8(payload).simplified();
    return text.size() > 160 ? text.left(160) + QStringLiteral("…") : text;
}

} // namespace

WebSocketPanel::WebSocketPanel(PanelContext &context, QObject *parent) : QObject(parent), m_context(context)
{
    connect(&m_socket, &QWebSocket::connected, this, &WebSocketPanel::onConnected);
    connect(&m_socket, &QWebSocket::disconnected, this, &WebSocketPanel::onDisconnected);
    connect(&m_socket, &QWebSocket::textFrameReceived, this, &WebSocketPanel::onTextFrame);
    connect(&m_socket, &QWebSocket::binaryFrameReceived, this, &WebSocketPanel::onBinaryFrame);
    connect(&m_socket, &QWebSocket::pong, this, [this](quint64 elapsed, const QByteArray &payload) {
        m_log->append(MessageLog::Direction::Incoming, QStringLiteral("pong"),
                      tr("pong after %1 ms").arg(elapsed), payload);
        wireFrame(false, core::WebSocketFrame::Pong, true, quint64(payload.size()), payload);
    });
    connect(&m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, [this](QAbstractSocket::SocketError) {
        m_log->append(MessageLog::Direction::Error, QStringLiteral("error"), m_socket.errorString(), {});
        setState(m_socket.errorString());
    });
    connect(&m_socket, &QWebSocket::stateChanged, this, [this](QAbstractSocket::SocketState state) {
        if (m_connect)
            m_connect->setText(state == QAbstractSocket::UnconnectedState ? tr("Connect") : tr("Disconnect"));
        const bool open = state == QAbstractSocket::ConnectedState;
        if (m_ping) {
            m_ping->setEnabled(open);
            m_close->setEnabled(open);
        }
        Q_EMIT stateChanged(state);
    });
}

WebSocketPanel::~WebSocketPanel()
{
    m_socket.disconnect(this);
    m_socket.abort();
    delete m_root;
}

QWidget *WebSocketPanel::widget()
{
    if (!m_root)
        buildWidgets();
    return m_root;
}

void WebSocketPanel::activate()
{
    widget();
    m_url->setFocus(Qt::ShortcutFocusReason);
}

void WebSocketPanel::buildWidgets()
{
    m_root = new QSplitter(Qt::Vertical);
    m_root->setObjectName(QStringLiteral("webSocketPanel"));

    auto *top = new QWidget;
    m_url = new QLineEdit(QStringLiteral("{{baseUrl}}/ws/chat"), top);
    m_url->setObjectName(QStringLiteral("urlEdit"));
    m_url->setAccessibleName(tr("URL"));
    m_url->setPlaceholderText(tr("ws://host/path — http(s) URLs and {{baseUrl}} become ws(s)"));
    m_connect = new QPushButton(tr("Connect"), top);
    m_connect->setObjectName(QStringLiteral("connectButton"));
    m_subprotocols = new QLineEdit(QStringLiteral("petstore.chat.v1"), top);
    m_subprotocols->setObjectName(QStringLiteral("subprotocolsEdit"));
    m_subprotocols->setPlaceholderText(tr("comma-separated, e.g. petstore.chat.v1"));
    m_ping = new QPushButton(tr("Ping"), top);
    m_ping->setObjectName(QStringLiteral("pingButton"));
    m_ping->setEnabled(false);
    m_closeCode = new QSpinBox(top);
    m_closeCode->setObjectName(QStringLiteral("closeCode"));
    m_closeCode->setRange(1000, 4999);
    m_closeCode->setValue(1000);
    m_closeCode->setToolTip(tr("1000 normal, 1001 going away, 3000–4999 for applications (RFC 6455 §7.4)"));
    m_closeReason = new QLineEdit(top);
    m_closeReason->setObjectName(QStringLiteral("closeReason"));
    m_closeReason->setPlaceholderText(tr("reason (≤ 123 bytes)"));
    m_closeReason->setMaxLength(123);
    m_close = new QPushButton(tr("Close"), top);
    m_close->setObjectName(QStringLiteral("closeButton"));
    m_close->setEnabled(false);
    m_state = new QLabel(tr("Not connected"), top);
    m_state->setObjectName(QStringLiteral("wsState"));

    auto *urlRow = new QHBoxLayout;
    urlRow->addWidget(m_url, 1);
    urlRow->addWidget(m_connect);
    auto *optionRow = new QHBoxLayout;
    optionRow->addWidget(new QLabel(tr("Subprotocols"), top));
    optionRow->addWidget(m_subprotocols, 1);
    optionRow->addWidget(m_ping);
    optionRow->addSpacing(12);
    optionRow->addWidget(new QLabel(tr("Close with"), top));
    optionRow->addWidget(m_closeCode);
    optionRow->addWidget(m_closeReason, 1);
    optionRow->addWidget(m_close);

    auto *setup = new QTabWidget(top);
    m_composer = new WebSocketComposer(m_context.settings(), setup);
    m_headers = new KeyValueTable(setup);
    m_headers->setObjectName(QStringLiteral("headersTable"));
    setup->addTab(m_composer, tr("Message"));
    setup->addTab(m_headers, tr("Headers"));

    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(6, 6, 6, 0);
    topLayout->addLayout(urlRow);
    topLayout->addLayout(optionRow);
    topLayout->addWidget(setup, 1);
    topLayout->addWidget(m_state);

    auto *tabs = new QTabWidget;
    tabs->setObjectName(QStringLiteral("wsTabs"));
    m_log = new MessageLog;
    m_log->setObjectName(QStringLiteral("wsLog"));
    m_wire = new QPlainTextEdit;
    m_wire->setObjectName(QStringLiteral("wsWire"));
    m_wire->setReadOnly(true);
    m_wire->setMaximumBlockCount(20000);
    m_wire->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_wire->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_code = new CodeEditor;
    m_code->setObjectName(QStringLiteral("wsCode"));
    m_code->setReadOnly(true);
    tabs->addTab(m_log, tr("Messages"));
    tabs->addTab(m_wire, tr("Wire"));
    tabs->addTab(m_code, tr("Code"));

    m_root->addWidget(top);
    m_root->addWidget(tabs);
    m_root->setStretchFactor(1, 1);
    m_root->setSizes({230, 570});

    for (const auto &keys : {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(keys, m_root);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        // Ctrl+Enter connects, then sends the composed message.
        connect(shortcut, &QShortcut::activated, this, [this] {
            if (m_socket.state() == QAbstractSocket::ConnectedState)
                sendComposed();
            else if (m_socket.state() == QAbstractSocket::UnconnectedState)
                toggleConnection();
        });
    }
    auto *focusUrl = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_L), m_root);
    focusUrl->setContext(Qt::WidgetWithChildrenShortcut);
    connect(focusUrl, &QShortcut::activated, this, [this] {
        m_url->setFocus(Qt::ShortcutFocusReason);
        m_url->selectAll();
    });
    connect(m_connect, &QPushButton::clicked, this, &WebSocketPanel::toggleConnection);
    connect(m_url, &QLineEdit::returnPressed, this, &WebSocketPanel::toggleConnection);
    connect(m_ping, &QPushButton::clicked, this, &WebSocketPanel::sendPing);
    connect(m_close, &QPushButton::clicked, this, [this] { closeWith(m_closeCode->value(), m_closeReason->text()); });
    connect(m_composer, &WebSocketComposer::sendRequested, this, &WebSocketPanel::send);
    connect(m_url, &QLineEdit::textChanged, this, &WebSocketPanel::refreshCode);
    connect(m_subprotocols, &QLineEdit::textChanged, this, &WebSocketPanel::refreshCode);
    connect(m_headers, &KeyValueTable::rowsEdited, this, &WebSocketPanel::refreshCode);
    connect(&m_context, &PanelContext::variablesChanged, this, &WebSocketPanel::refreshCode);
    refreshCode();
}

QString WebSocketPanel::resolvedUrl() const
{
    QString url = m_context.expand(m_url->text().trimmed());
    // The environments hold http(s) base URLs; the upgrade starts from the same origin.
    if (url.startsWith(QLatin1String("http://")))
        url.replace(0, 4, QStringLiteral("ws"));
    else if (url.startsWith(QLatin1String("https://")))
        url.replace(0, 5, QStringLiteral("wss"));
    return url;
}

QStringList WebSocketPanel::subprotocols() const
{
    QStringList list;
    for (const QString &p : m_subprotocols->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!p.trimmed().isEmpty())
            list << p.trimmed();
    return list;
}

void WebSocketPanel::toggleConnection()
{
    widget();
    if (m_socket.state() != QAbstractSocket::UnconnectedState) {
        closeWith(m_closeCode->value(), m_closeReason->text());
        return;
    }
    const QUrl url(resolvedUrl());
    if (!url.isValid() || (url.scheme() != QLatin1String("ws") && url.scheme() != QLatin1String("wss"))) {
        setState(tr("Enter a ws:// or wss:// URL (http URLs and {{baseUrl}} are converted)"));
        return;
    }
    QNetworkRequest request(url);
    QString head = QStringLiteral("GET %1 HTTP/1.1\nHost: %2\nUpgrade: websocket\nConnection: Upgrade\n")
                       .arg(url.path(QUrl::FullyEncoded) + (url.hasQuery() ? QLatin1Char('?') + url.query(QUrl::FullyEncoded) : QString()),
                            url.authority());
    for (const auto &row : m_headers->rows()) {
        if (!row.enabled || row.name.empty())
            continue;
        const QString value = m_context.expand(QString::fromStdString(row.value));
        request.setRawHeader(QByteArray::fromStdString(row.name), value.toUtf8());
        head += QString::fromStdString(row.name) + QStringLiteral(": ") + value + QLatin1Char('\n');
    }
    QWebSocketHandshakeOptions options;
    options.setSubprotocols(subprotocols());
    if (!subprotocols().isEmpty())
        head += QStringLiteral("Sec-WebSocket-Protocol: ") + subprotocols().join(QStringLiteral(", ")) + QLatin1Char('\n');
    m_wire->clear();
    m_wire->appendPlainText(head + QStringLiteral("Sec-WebSocket-Version: 13\nSec-WebSocket-Key: (random, chosen by Qt)\n"));
    m_inTextMessage = m_inBinaryMessage = false;
    m_userClosed = false;
    m_socket.open(request, options);
    setState(tr("Connecting to %1 …").arg(url.toString()));
}

void WebSocketPanel::onConnected()
{
    const QString protocol = m_socket.subprotocol();
    m_wire->appendPlainText(QStringLiteral("HTTP/1.1 101 Switching Protocols\nUpgrade: websocket\nConnection: Upgrade\n")
                            + (protocol.isEmpty() ? QString() : QStringLiteral("Sec-WebSocket-Protocol: ") + protocol + QLatin1Char('\n')));
    const QString text = protocol.isEmpty() ? tr("Connected to %1").arg(m_socket.requestUrl().toString())
                                            : tr("Connected to %1 · subprotocol %2").arg(m_socket.requestUrl().toString(), protocol);
    m_log->append(MessageLog::Direction::Info, QStringLiteral("open"), text, {});
    setState(text);
}

void WebSocketPanel::onDisconnected()
{
    const int code = int(m_socket.closeCode());
    const QString reason = m_socket.closeReason();
    const QString text = tr("Closed %1%2").arg(code).arg(reason.isEmpty() ? QString() : QStringLiteral(" · ") + reason);
    m_log->append(m_userClosed || code == 1000 ? MessageLog::Direction::Info : MessageLog::Direction::Error,
                  QStringLiteral("close"), text,
                  QByteArray::fromStdString(core::WebSocketFrame::closePayload(quint16(code), reason.toStdString())));
    setState(text);
}

void WebSocketPanel::onTextFrame(const QString &frame, bool isLastFrame)
{
    const QByteArray bytes = frame.toUtf8();
    wireFrame(false, m_inTextMessage ? core::WebSocketFrame::Continuation : core::WebSocketFrame::Text, isLastFrame,
              quint64(bytes.size()), bytes);
    m_textMessage += bytes;
    m_inTextMessage = !isLastFrame;
    if (isLastFrame) {
        m_log->append(MessageLog::Direction::Incoming, QStringLiteral("text"), preview(m_textMessage, false), m_textMessage);
        m_textMessage.clear();
    }
}

void WebSocketPanel::onBinaryFrame(const QByteArray &frame, bool isLastFrame)
{
    wireFrame(false, m_inBinaryMessage ? core::WebSocketFrame::Continuation : core::WebSocketFrame::Binary, isLastFrame,
              quint64(frame.size()), frame);
    m_binaryMessage += frame;
    m_inBinaryMessage = !isLastFrame;
    if (isLastFrame) {
        m_log->append(MessageLog::Direction::Incoming, QStringLiteral("binary"), preview(m_binaryMessage, true), m_binaryMessage);
        m_binaryMessage.clear();
    }
}

void WebSocketPanel::sendComposed()
{
    if (auto message = m_composer->compose())
        send(message->payload, message->binary);
}

void WebSocketPanel::send(const QByteArray &payload, bool binary)
{
    if (m_socket.state() != QAbstractSocket::ConnectedState) {
        setState(tr("Connect first (Ctrl+Enter)"));
        return;
    }
    if (binary)
        m_socket.sendBinaryMessage(payload);
    else
        m_socket.sendTextMessage(QString::fromUtf8(payload));
    const auto opcode = binary ? core::WebSocketFrame::Binary : core::WebSocketFrame::Text;
    for (const auto &frame : core::WebSocketFrame::framesOf(opcode, quint64(payload.size()), true, m_socket.outgoingFrameSize()))
        wireFrame(true, frame.opcode, frame.fin, frame.length, payload);
    m_log->append(MessageLog::Direction::Outgoing, binary ? QStringLiteral("binary") : QStringLiteral("text"),
                  preview(payload, binary), payload);
}

void WebSocketPanel::sendPing()
{
    const QByteArray payload = QByteArray::number(QDateTime::currentMSecsSinceEpoch());
    m_socket.ping(payload);
    wireFrame(true, core::WebSocketFrame::Ping, true, quint64(payload.size()), payload);
    m_log->append(MessageLog::Direction::Outgoing, QStringLiteral("ping"), tr("ping"), payload);
}

void WebSocketPanel::closeWith(int code, const QString &reason)
{
    if (m_socket.state() == QAbstractSocket::UnconnectedState)
        return;
    m_userClosed = true;
    const std::string payload = core::WebSocketFrame::closePayload(quint16(code), reason.toStdString());
    wireFrame(true, core::WebSocketFrame::Close, true, payload.size(), QByteArray::fromStdString(payload));
    m_socket.close(QWebSocketProtocol::CloseCode(code), reason);
}

void WebSocketPanel::wireFrame(bool outgoing, int opcode, bool fin, quint64 length, const QByteArray &payload)
{
    core::WebSocketFrame frame;
    frame.fin = fin;
    frame.opcode = core::WebSocketFrame::Opcode(opcode);
    frame.masked = outgoing;   // RFC 6455 §5.3: clients mask, servers never do
    frame.length = length;
    const bool binary = opcode == core::WebSocketFrame::Binary || opcode == core::WebSocketFrame::Close;
    m_wire->appendPlainText(QStringLiteral("%1 %2%3\n    %4")
                                .arg(outgoing ? QStringLiteral("→") : QStringLiteral("←"),
                                     QString::fromStdString(frame.describe()),
                                     outgoing ? tr(" · masking key chosen per frame") : QString(),
                                     preview(payload.left(int(std::min<quint64>(length, quint64(payload.size())))), binary)));
}

void WebSocketPanel::refreshCode()
{
    if (!m_code)
        return;
    std::vector<std::string> protocols;
    for (const QString &p : subprotocols())
        protocols.push_back(p.toStdString());
    std::vector<std::pair<std::string, std::string>> headers;
    for (const auto &row : m_headers->rows())
        if (row.enabled && !row.name.empty())
            headers.emplace_back(row.name, m_context.expand(QString::fromStdString(row.value)).toStdString());
    const std::string url = resolvedUrl().toStdString();
    m_code->setText(QString::fromStdString("# websocat: each line you type is a text message\n"
                                           + core::CodeSnippets::websocat(url, protocols, headers)
                                           + "\n\n// Node.js with the ws package\n"
                                           + core::CodeSnippets::nodeWebSocket(url, protocols, headers)));
}

void WebSocketPanel::setState(const QString &text)
{
    if (m_state)
        m_state->setText(text);
}

QString WebSocketPanel::wireText() const
{
    return m_wire->toPlainText();
}

QString WebSocketPanel::state() const
{
    return m_state->text();
}

} // namespace petstore::panels
