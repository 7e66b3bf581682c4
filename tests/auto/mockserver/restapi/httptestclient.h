// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QString>

#include <nlohmann/json.hpp>

#include <functional>

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

    // Called with every exchange, e.g. to validate the reply against the OpenAPI document.
    using ReplyCheck = std::function<void(const QByteArray &method, const QString &path, const Reply &reply)>;

    explicit HttpTestClient(quint16 port, ReplyCheck check = {}) : m_port(port), m_check(std::move(check)) {}
    Reply send(const QByteArray &method, const QString &path, const QByteArray &body = {},
               const Headers &headers = {});
    Reply get(const QString &path, const Headers &headers = {}) { return send("GET", path, {}, headers); }
    Reply postJson(const QString &path, const nlohmann::json &body, Headers headers = {});

private:
    quint16 m_port;
    ReplyCheck m_check;
    QNetworkAccessManager m_manager;
};
