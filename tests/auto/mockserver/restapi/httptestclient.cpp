// SPDX-License-Identifier: GPL-3.0-or-later
#include "httptestclient.h"

#include <QBuffer>
#include <QEventLoop>
#include <QNetworkReply>
#include <QTimer>
#include <QUrl>

QByteArray HttpTestClient::Reply::header(const QByteArray &name) const
{
    for (const auto &h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

nlohmann::json HttpTestClient::Reply::json() const
{
    return nlohmann::json::parse(body.toStdString(), nullptr, false);
}

HttpTestClient::Reply HttpTestClient::send(const QByteArray &method, const QString &path,
                                           const QByteArray &body, const Headers &headers)
{
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path)));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    for (const auto &h : headers)
        request.setRawHeader(h.first, h.second);
    auto *buffer = new QBuffer;
    buffer->setData(body);
    QNetworkReply *reply = m_manager.sendCustomRequest(request, method, buffer);
    buffer->setParent(reply);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    loop.exec();
    Reply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.headers = reply->rawHeaderPairs();
    result.body = reply->readAll();
    reply->deleteLater();
    if (m_check)
        m_check(method, path, result);
    return result;
}

HttpTestClient::Reply HttpTestClient::postJson(const QString &path, const nlohmann::json &body, Headers headers)
{
    headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    return send("POST", path, QByteArray::fromStdString(body.dump()), headers);
}
