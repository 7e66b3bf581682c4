// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace petstore::panels {

// What came back for one request: the HTTP response, or `error` when none arrived.
struct RestResponse
{
    int status = 0;
    QString reason;
    QString httpVersion;                                 // "1.1", "2"
    QList<QPair<QByteArray, QByteArray>> headers;        // as received, in order
    QByteArray body;
    double ttfbMs = 0.0;                                 // send → response headers
    double totalMs = 0.0;                                // send → last body byte
    qint64 bytesReceived = 0;                            // status line + headers + body (HTTP/1.1 estimate)
    QString error;                                       // transport failure; empty for any HTTP status
    QString requestId;                                   // X-Request-Id of the response

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    QByteArray contentType() const { return header("Content-Type"); }
    // RFC 9457 §3: problem details travel as application/problem+json.
    bool isProblemJson() const { return contentType().toLower().startsWith("application/problem+json"); }
};

} // namespace petstore::panels
