// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/traffic/trafficlog.h"
#include "mock-server/http/httpexchange.h"
#include "mock-server/http/httpmiddleware.h"

#include <QObject>

#include <functional>
#include <map>
#include <utility>
#include <vector>

namespace petstore::mock {

class HttpFrontListener;
class HttpServerConnection;

// Turns each framed request into an HttpExchange, runs it through the middleware chain and the
// final handler (the router), applies injected latency, and records the exchange — with the
// exact bytes written, redacted — in the traffic log.
class HttpPipeline : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<core::HttpResponse(HttpExchange &)>;

    explicit HttpPipeline(core::TrafficLog *traffic, QObject *parent = nullptr);

    void append(HttpMiddleware *middleware);   // not owned; runs in append order
    void setHandler(Handler handler) { m_handler = std::move(handler); }
    void attach(HttpFrontListener *listener);

    std::uint64_t requestCount() const { return m_requests; }

Q_SIGNALS:
    void exchangeCompleted(const petstore::core::TrafficRecord &record);

private:
    void onRequest(HttpServerConnection *connection, std::uint64_t sequence, const core::Http1Request &request);
    void onResponseWritten(HttpServerConnection *connection, std::uint64_t sequence, const std::string &bytes);
    core::HttpResponse run(HttpExchange &exchange);

    core::TrafficLog *m_traffic;
    std::vector<HttpMiddleware *> m_chain;
    Handler m_handler;
    std::uint64_t m_requests = 0;
    struct InFlight
    {
        core::TrafficRecord record;
        std::chrono::steady_clock::time_point started;
    };
    // Keyed by (connection id, request sequence) until the response bytes are written.
    std::map<std::pair<std::uint64_t, std::uint64_t>, InFlight> m_inFlight;
};

} // namespace petstore::mock
