// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/http/httppipeline.h"

#include "core/http/percentencoding.h"
#include "core/traffic/trafficredactor.h"
#include "mock-server/http/httpfrontlistener.h"
#include "mock-server/http/httpproblemresponse.h"

#include <QPointer>
#include <QTimer>

namespace petstore::mock {

HttpPipeline::HttpPipeline(core::TrafficLog *traffic, QObject *parent) : QObject(parent), m_traffic(traffic) {}

void HttpPipeline::append(HttpMiddleware *middleware)
{
    m_chain.push_back(middleware);
}

void HttpPipeline::attach(HttpFrontListener *listener)
{
    connect(listener, &HttpFrontListener::requestReceived, this, &HttpPipeline::onRequest);
    connect(listener, &HttpFrontListener::responseWritten, this, &HttpPipeline::onResponseWritten);
}

core::HttpResponse HttpPipeline::run(HttpExchange &exchange)
{
    std::size_t ran = 0;
    std::optional<core::HttpResponse> early;
    for (; ran < m_chain.size() && !early; ++ran)
        early = m_chain[ran]->before(exchange);
    core::HttpResponse response = early ? std::move(*early) : m_handler(exchange);
    while (ran > 0)
        m_chain[--ran]->after(exchange, response);
    return response;
}

void HttpPipeline::onRequest(HttpServerConnection *connection, std::uint64_t sequence,
                             const core::Http1Request &request)
{
    ++m_requests;
    if (connection->property("petstoreTracked").isNull()) {
        // Forget unanswered exchanges of a connection the client closed early.
        connection->setProperty("petstoreTracked", true);
        connect(connection, &QObject::destroyed, this, [this, id = connection->id()] {
            m_inFlight.erase(m_inFlight.lower_bound({id, 0}), m_inFlight.lower_bound({id + 1, 0}));
        });
    }
    const core::TimePoint receivedAt = core::systemNow();
    HttpExchange exchange;
    exchange.request = request;
    exchange.path = request.path();
    exchange.query = core::PercentEncoding::parseQuery(request.query());
    exchange.client = connection->peer().toStdString();
    const core::HttpResponse response = run(exchange);

    core::TrafficRecord record;
    record.time = receivedAt;
    record.client = exchange.client;
    record.method = request.method;
    record.path = core::TrafficRedactor::redactTarget(request.target);
    record.status = response.status;
    record.requestBytes = request.raw.size();
    const bool streamed = exchange.streamBody && response.status < 300;
    record.summary = request.method + ' ' + exchange.path + " -> " + std::to_string(response.status)
                     + (streamed ? " (stream)" : "");
    record.tenantId = exchange.tenantId;
    record.requestId = exchange.requestId;
    record.rawRequest = core::TrafficRedactor::redactHttpMessage(request.raw);
    m_inFlight[{connection->id(), sequence}] = InFlight{std::move(record), exchange.started};

    auto send = [sequence, response, streamed, starter = std::move(exchange.streamBody)](HttpServerConnection *to) {
        if (streamed)
            to->respondStreaming(sequence, response, starter);
        else
            to->respond(sequence, response);
    };
    if (exchange.delayMs <= 0) {
        send(connection);
        return;
    }
    QPointer<HttpServerConnection> guard(connection);
    QTimer::singleShot(exchange.delayMs, this, [guard, send] {
        if (guard)
            send(guard);
    });
}

void HttpPipeline::onResponseWritten(HttpServerConnection *connection, std::uint64_t sequence,
                                     const std::string &bytes)
{
    const auto it = m_inFlight.find({connection->id(), sequence});
    if (it == m_inFlight.end())
        return;   // a framing error answered by the connection itself: nothing was routed
    core::TrafficRecord record = std::move(it->second.record);
    record.durationMs = double(std::chrono::duration_cast<std::chrono::microseconds>(
                                   std::chrono::steady_clock::now() - it->second.started).count()) / 1000.0;
    m_inFlight.erase(it);
    record.responseBytes = bytes.size();
    record.rawResponse = core::TrafficRedactor::redactHttpMessage(bytes);
    Q_EMIT exchangeCompleted(m_traffic->append(std::move(record)));
}

} // namespace petstore::mock
