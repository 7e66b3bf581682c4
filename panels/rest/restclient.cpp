// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/rest/restclient.h"

#include <QBuffer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QUrl>

namespace petstore::panels {

namespace {

QString transportError(QNetworkReply &reply)
{
    const QUrl url = reply.url();
    const QString where = QStringLiteral("%1:%2").arg(url.host()).arg(url.port(url.scheme() == QLatin1String("https") ? 443 : 80));
    switch (reply.error()) {
    case QNetworkReply::ConnectionRefusedError: return QObject::tr("Connection refused: %1").arg(where);
    case QNetworkReply::HostNotFoundError: return QObject::tr("Host not found: %1").arg(url.host());
    case QNetworkReply::RemoteHostClosedError: return QObject::tr("The server closed the connection: %1").arg(where);
    case QNetworkReply::SslHandshakeFailedError: return QObject::tr("TLS handshake failed: %1").arg(reply.errorString());
    default: return reply.errorString();
    }
}

} // namespace

RestClient::RestClient(QObject *parent) : QObject(parent), m_network(new QNetworkAccessManager(this))
{
    m_timeout = new QTimer(this);
    m_timeout->setSingleShot(true);
    connect(m_timeout, &QTimer::timeout, this, [this] {
        complete(tr("Timed out after %1 s").arg(m_timeoutMs / 1000.0));
    });
}

RestClient::~RestClient()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

quint64 RestClient::send(const core::ResolvedRequest &request)
{
    cancel();
    QNetworkRequest networkRequest(QUrl(QString::fromStdString(request.url), QUrl::TolerantMode));
    for (const auto &[name, value] : request.headers)
        networkRequest.setRawHeader(QByteArray::fromStdString(name), QByteArray::fromStdString(value));
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                                m_followRedirects ? QNetworkRequest::NoLessSafeRedirectPolicy : QNetworkRequest::ManualRedirectPolicy);
    // HTTP/1.1 keeps the Wire view and the mock's capture about the same bytes.
    networkRequest.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    networkRequest.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);

    auto *body = new QBuffer;
    body->setData(QByteArray::fromStdString(request.body));
    body->open(QIODevice::ReadOnly);
    m_currentId = m_nextId++;
    m_ttfbMs = -1;
    m_clock.start();
    m_reply = m_network->sendCustomRequest(networkRequest, QByteArray::fromStdString(request.method),
                                           request.body.empty() ? nullptr : body);
    body->setParent(m_reply);
    if (m_allowInsecureTls)
        m_reply->ignoreSslErrors();
    const auto firstByte = [this] {
        if (m_ttfbMs < 0)
            m_ttfbMs = double(m_clock.nsecsElapsed()) / 1e6;
    };
    connect(m_reply, &QNetworkReply::metaDataChanged, this, firstByte);
    connect(m_reply, &QNetworkReply::readyRead, this, firstByte);
    connect(m_reply, &QNetworkReply::finished, this, [this] { complete(QString()); });
    m_timeout->start(m_timeoutMs);
    return m_currentId;
}

void RestClient::cancel()
{
    if (m_reply)
        complete(tr("Cancelled"));
}

void RestClient::complete(const QString &forcedError)
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    m_reply = nullptr;
    m_timeout->stop();
    reply->disconnect(this);
    RestResponse response;
    response.totalMs = double(m_clock.nsecsElapsed()) / 1e6;
    response.ttfbMs = m_ttfbMs < 0 ? response.totalMs : m_ttfbMs;
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!forcedError.isEmpty()) {
        response.error = forcedError;
        reply->abort();
    } else if (!status.isValid()) {
        response.error = transportError(*reply);
    } else {
        response.status = status.toInt();
        response.reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        response.httpVersion = reply->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool() ? QStringLiteral("2")
                                                                                                   : QStringLiteral("1.1");
        response.headers = reply->rawHeaderPairs();
        response.body = reply->readAll();
        response.requestId = QString::fromLatin1(response.header("X-Request-Id"));
        qint64 headerBytes = 17 + response.reason.size();
        for (const auto &[name, value] : response.headers)
            headerBytes += name.size() + value.size() + 4;
        response.bytesReceived = headerBytes + 2 + response.body.size();
    }
    reply->deleteLater();
    Q_EMIT finished(m_currentId, response);
}

} // namespace petstore::panels
