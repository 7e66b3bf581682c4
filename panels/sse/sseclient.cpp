// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/sse/sseclient.h"

#include <QNetworkReply>
#include <QNetworkRequest>

namespace petstore::panels {

SseClient::SseClient(QObject *parent) : QObject(parent)
{
    m_reconnect.setSingleShot(true);
    connect(&m_reconnect, &QTimer::timeout, this, &SseClient::connectNow);
}

SseClient::~SseClient()
{
    close();
}

void SseClient::open(const core::ResolvedRequest &request, Options options)
{
    close();
    m_request = request;
    m_options = options;
    m_parser = core::SseStreamParser();
    connectNow();
}

void SseClient::close()
{
    m_reconnect.stop();
    if (QNetworkReply *reply = m_reply) {
        m_reply.clear();
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
        Q_EMIT finished();
    }
}

void SseClient::connectNow()
{
    m_headChecked = false;
    m_refused = false;
    m_commentsSeen = m_parser.commentCount();
    QNetworkRequest request(QUrl(QString::fromStdString(m_request.url), QUrl::TolerantMode));
    bool acceptSet = false;
    for (const auto &[name, value] : m_request.headers) {
        request.setRawHeader(QByteArray::fromStdString(name), QByteArray::fromStdString(value));
        acceptSet = acceptSet || QByteArray::fromStdString(name).compare("Accept", Qt::CaseInsensitive) == 0;
    }
    if (!acceptSet)
        request.setRawHeader("Accept", "text/event-stream");
    request.setRawHeader("Cache-Control", "no-cache");   // HTML §9.2.3 step 12
    if (m_options.sendLastEventId && !m_parser.lastEventId().empty())
        request.setRawHeader("Last-Event-ID", QByteArray::fromStdString(m_parser.lastEventId()));
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setTransferTimeout(0);   // a stream may be quiet for as long as it likes
    const QByteArray body = QByteArray::fromStdString(m_request.body);
    m_reply = m_network.sendCustomRequest(request, QByteArray::fromStdString(m_request.method), body);
    connect(m_reply, &QNetworkReply::readyRead, this, &SseClient::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &SseClient::onFinished);
}

void SseClient::onReadyRead()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    if (!m_headChecked) {
        m_headChecked = true;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QString type = reply->header(QNetworkRequest::ContentTypeHeader).toString();
        Headers headers;
        for (const auto &pair : reply->rawHeaderPairs())
            headers.append(pair);
        Q_EMIT connected(status, headers);
        // HTML §9.2.3: anything but 200 text/event-stream fails the connection for good.
        if (status != 200 || !type.startsWith(QLatin1String("text/event-stream"), Qt::CaseInsensitive)) {
            m_refused = true;
            const QByteArray detail = reply->readAll().left(400);
            Q_EMIT bytesReceived(detail);
            Q_EMIT failed(tr("The server answered %1 %2 instead of an event stream%3")
                              .arg(status)
                              .arg(type.isEmpty() ? tr("without a content type") : type,
                                   detail.isEmpty() ? QString() : QStringLiteral(": ") + QString::fromUtf8(detail)));
            return;
        }
    }
    if (m_refused)
        return;
    const QByteArray bytes = reply->readAll();
    Q_EMIT bytesReceived(bytes);
    m_parser.feed(std::string_view(bytes.constData(), std::size_t(bytes.size())));
    if (m_parser.commentCount() != m_commentsSeen) {
        m_commentsSeen = m_parser.commentCount();
        Q_EMIT commentReceived(QString::fromStdString(m_parser.lastComment()));
    }
    while (m_parser.hasEvent())
        Q_EMIT eventReceived(m_parser.takeEvent());
    if (m_parser.failed()) {
        m_refused = true;
        Q_EMIT failed(QString::fromStdString(m_parser.errorMessage()));
        reply->abort();
    }
}

void SseClient::onFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    if (!m_headChecked && reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid())
        onReadyRead();   // a bodiless answer (204, 404) still needs its head checked
    m_reply.clear();
    reply->deleteLater();
    if (m_refused) {
        Q_EMIT finished();
        return;
    }
    if (reply->error() != QNetworkReply::NoError && reply->error() != QNetworkReply::OperationCanceledError)
        Q_EMIT failed(reply->errorString());
    if (m_options.reconnect) {
        scheduleReconnect();
        return;
    }
    Q_EMIT finished();
}

void SseClient::scheduleReconnect()
{
    const int delay = m_parser.retryMs() >= 0 ? int(m_parser.retryMs()) : m_options.defaultRetryMs;
    Q_EMIT reconnecting(delay, lastEventId());
    m_reconnect.start(delay);
}

} // namespace petstore::panels
