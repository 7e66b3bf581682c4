// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QString>

#include <nlohmann/json.hpp>

// A real HTTP client (QNetworkAccessManager) driven synchronously for tests.
class HttpTestClient
{
public:
    struct Reply
    {
        int status = 0;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        QByteArray header(const QByteArray &name) const;
        nlohmann::json json() const;
    };
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    explicit HttpTestClient(quint16 port) : m_port(port) {}
    Reply send(const QByteArray &method, const QString &path, const QByteArray &body = {},
               const Headers &headers = {});
    Reply get(const QString &path, const Headers &headers = {}) { return send("GET", path, {}, headers); }
    Reply postJson(const QString &path, const nlohmann::json &body, Headers headers = {});

private:
    quint16 m_port;
    QNetworkAccessManager m_manager;
};
