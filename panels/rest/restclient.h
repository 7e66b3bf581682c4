// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/requests/requestresolver.h"
#include "panels/rest/restresponse.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace petstore::panels {

// Sends one request at a time over QNetworkAccessManager and measures it: time to the response
// headers (first byte) and to the last byte. Any method is allowed, custom ones included.
class RestClient : public QObject
{
    Q_OBJECT
public:
    explicit RestClient(QObject *parent = nullptr);
    ~RestClient() override;

    // Starts the request (cancelling one still in flight) and returns its id for `finished`.
    quint64 send(const core::ResolvedRequest &request);
    void cancel();
    bool busy() const { return !m_reply.isNull(); }

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    void setFollowRedirects(bool follow) { m_followRedirects = follow; }
    void setAllowInsecureTls(bool allow) { m_allowInsecureTls = allow; }

Q_SIGNALS:
    void finished(quint64 id, const petstore::panels::RestResponse &response);

private:
    void complete(const QString &forcedError);

    QNetworkAccessManager *m_network = nullptr;
    QTimer *m_timeout = nullptr;
    QPointer<QNetworkReply> m_reply;
    QElapsedTimer m_clock;
    double m_ttfbMs = -1;
    quint64 m_nextId = 1;
    quint64 m_currentId = 0;
    int m_timeoutMs = 30000;
    bool m_followRedirects = false;
    bool m_allowInsecureTls = false;
};

} // namespace petstore::panels
