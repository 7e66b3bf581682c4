// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocols/sse/sseevent.h"
#include "core/protocols/sse/ssestreamparser.h"
#include "core/requests/requestresolver.h"

#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QTimer>



namespace petstore::panels {

// An EventSource that also does POST: opens a streamed HTTP request, feeds the body to
// SseStreamParser as it arrives, and — like the WHATWG EventSource (HTML §9.2.3) — reconnects
// after the stream ends, waiting the server's `retry:` time and sending `Last-Event-ID`. Both
// are switchable, since a streamed chat must not be asked twice. GUI thread.
class SseClient : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        bool reconnect = true;
        bool sendLastEventId = true;
        int defaultRetryMs = 3000;   // until the server sends `retry:`
    };
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    explicit SseClient(QObject *parent = nullptr);
    ~SseClient() override;

    void open(const core::ResolvedRequest &request, Options options);
    // The user's disconnect: ends the stream and cancels any pending reconnect.
    void close();
    // Connecting, streaming or waiting to reconnect.
    bool isActive() const { return m_reply || m_reconnect.isActive(); }
    QString lastEventId() const { return QString::fromStdString(m_parser.lastEventId()); }

Q_SIGNALS:
    void connected(int status, const petstore::panels::SseClient::Headers &headers);
    void eventReceived(const petstore::core::SseEvent &event);
    void commentReceived(const QString &text);
    // Raw body bytes as received (the Wire tab).
    void bytesReceived(const QByteArray &bytes);
    void reconnecting(int delayMs, const QString &lastEventId);
    // A refusal (status, content type) or a network error; no reconnect follows a refusal.
    void failed(const QString &message);
    // Streaming stopped and nothing is pending.
    void finished();

private:
    void connectNow();
    void onReadyRead();
    void onFinished();
    void scheduleReconnect();

    QNetworkAccessManager m_network;
    QPointer<QNetworkReply> m_reply;
    core::ResolvedRequest m_request;
    Options m_options;
    core::SseStreamParser m_parser;
    QTimer m_reconnect;
    bool m_headChecked = false;
    bool m_refused = false;
    std::size_t m_commentsSeen = 0;
};

} // namespace petstore::panels
