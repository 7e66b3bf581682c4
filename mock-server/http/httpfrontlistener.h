// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mock-server/http/httpserverconnection.h"

#include <QTcpServer>

namespace petstore::mock {

// The one listener on the HTTP port (DESIGN §4). Every accepted socket becomes an
// HttpServerConnection; complete requests are re-emitted for the pipeline, upgrade requests the
// filter claims for the WebSocket gateway.
class HttpFrontListener : public QTcpServer
{
    Q_OBJECT
public:
    explicit HttpFrontListener(QObject *parent = nullptr);

    void setLimits(core::Http1RequestParser::Limits limits) { m_limits = limits; }
    void setTimeouts(HttpServerConnection::Timeouts timeouts) { m_timeouts = timeouts; }
    void setErrorResponder(HttpServerConnection::ErrorResponder responder) { m_errorResponder = std::move(responder); }
    void setMaxConnections(int max) { m_maxConnections = max; }
    void setUpgradeFilter(HttpServerConnection::UpgradeFilter filter) { m_upgradeFilter = std::move(filter); }

    int activeConnections() const { return m_active; }
    std::uint64_t acceptedConnections() const { return m_accepted; }

Q_SIGNALS:
    void requestReceived(petstore::mock::HttpServerConnection *connection, std::uint64_t sequence,
                         const petstore::core::Http1Request &request);
    void responseWritten(petstore::mock::HttpServerConnection *connection, std::uint64_t sequence,
                         const std::string &bytes);
    void upgradeRequested(const petstore::core::Http1Request &request, QTcpSocket *socket,
                          const std::string &remainder);

protected:
    void incomingConnection(qintptr handle) override;

private:
    core::Http1RequestParser::Limits m_limits;
    HttpServerConnection::Timeouts m_timeouts;
    HttpServerConnection::ErrorResponder m_errorResponder;
    HttpServerConnection::UpgradeFilter m_upgradeFilter;
    int m_maxConnections = 10000;
    int m_active = 0;
    std::uint64_t m_accepted = 0;
};

} // namespace petstore::mock
