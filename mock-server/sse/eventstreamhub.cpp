// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/sse/eventstreamhub.h"

#include "core/protocols/sse/sseeventwriter.h"
#include "mock-server/http/httpresponsestream.h"

#include <QLoggingCategory>

#include <charconv>
#include <cstdint>
#include <vector>

Q_LOGGING_CATEGORY(lcEventStream, "petstore.mock.sse")

namespace petstore::mock {

namespace {

std::string serialise(const core::CloudEvent &event)
{
    return core::SseEventWriter::event(event.toJson().dump(), event.type, event.id());
}

} // namespace

EventStreamHub::EventStreamHub(core::DomainEventBus *bus, const MockConfig *config, QObject *parent)
    : QObject(parent), m_bus(bus), m_config(config), m_replay(std::size_t(config->streaming.replayEvents))
{
    m_clock.start();
    m_busSubscription = m_bus->subscribe([this](const core::CloudEvent &event) { onEvent(event); });
    connect(&m_heartbeat, &QTimer::timeout, this, &EventStreamHub::sendHeartbeats);
    applyConfig();
}

EventStreamHub::~EventStreamHub()
{
    m_bus->unsubscribe(m_busSubscription);
}

void EventStreamHub::applyConfig()
{
    m_replay.setCapacity(std::size_t(m_config->streaming.replayEvents));
    // Ticking at half the interval keeps every quiet stream's gap under the configured value.
    m_heartbeat.start(std::max(50, m_config->streaming.heartbeatMs / 2));
}

core::HttpResponse EventStreamHub::open(HttpExchange &exchange)
{
    std::optional<std::uint64_t> lastEventId;
    if (const std::string header = exchange.header("Last-Event-ID"); !header.empty()) {
        // The OpenAPI pattern admits 1..20 digits; one beyond 64 bits was never given out, and
        // like any unknown id it makes the replay report a gap.
        std::uint64_t value = 0;
        const char *end = header.data() + header.size();
        const auto parsed = std::from_chars(header.data(), end, value);
        lastEventId = parsed.ec == std::errc() && parsed.ptr == end ? value : UINT64_MAX;
    }
    core::EventFilter filter(exchange.queryValue("types"), exchange.queryValue("subject"));
    exchange.streamBody = [this, tenant = exchange.tenantId, filter, lastEventId](HttpResponseStream &stream) {
        start(stream, tenant, filter, lastEventId);
    };
    core::HttpResponse response;
    response.status = 200;
    response.addHeader("Content-Type", "text/event-stream; charset=utf-8");
    // Proxies such as nginx buffer responses unless told not to; an event stream must not wait.
    response.addHeader("X-Accel-Buffering", "no");
    return response;
}

void EventStreamHub::start(HttpResponseStream &stream, std::string tenantId, core::EventFilter filter,
                           std::optional<std::uint64_t> lastEventId)
{
    std::string opening = "retry: " + std::to_string(m_config->streaming.retryMs) + "\n\n";
    if (lastEventId) {
        const core::EventReplayBuffer::Replay replay = m_replay.after(*lastEventId, m_bus->lastSequence());
        if (replay.gapBefore) {
            const nlohmann::json gap = {{"lastEventId", std::to_string(*lastEventId)},
                                        {"oldestAvailableId", std::to_string(*replay.gapBefore)}};
            opening += core::SseEventWriter::event(gap.dump(), "stream.gap");
        }
        for (const core::CloudEvent &event : replay.events)
            if (event.tenantId == tenantId && filter.matches(event))
                opening += serialise(event);
    }
    const std::uint64_t id = m_nextSubscriber++;
    Subscriber &subscriber = m_subscribers[id];
    subscriber.stream = &stream;
    subscriber.tenantId = std::move(tenantId);
    subscriber.filter = std::move(filter);
    connect(&stream, &HttpResponseStream::closed, this, [this, id] { m_subscribers.erase(id); });
    connect(&stream, &QObject::destroyed, this, [this, id] { m_subscribers.erase(id); });
    deliver(subscriber, opening);
}

void EventStreamHub::onEvent(const core::CloudEvent &event)
{
    m_replay.append(event);
    if (m_subscribers.empty())
        return;
    std::string bytes;   // serialised once, on the first matching subscriber
    std::vector<std::uint64_t> ids;
    ids.reserve(m_subscribers.size());
    for (const auto &entry : m_subscribers)
        ids.push_back(entry.first);
    for (const std::uint64_t id : ids) {
        const auto it = m_subscribers.find(id);
        if (it == m_subscribers.end() || it->second.tenantId != event.tenantId || !it->second.filter.matches(event))
            continue;
        if (bytes.empty())
            bytes = serialise(event);
        deliver(it->second, bytes);
    }
}

void EventStreamHub::sendHeartbeats()
{
    const qint64 now = m_clock.elapsed();
    const qint64 quiet = m_config->streaming.heartbeatMs / 2;
    static const std::string heartbeat = core::SseEventWriter::comment("heartbeat");
    std::vector<std::uint64_t> ids;
    for (const auto &entry : m_subscribers)
        if (now - entry.second.lastWriteMs >= quiet)
            ids.push_back(entry.first);
    for (const std::uint64_t id : ids)
        if (const auto it = m_subscribers.find(id); it != m_subscribers.end())
            deliver(it->second, heartbeat);
}

bool EventStreamHub::deliver(Subscriber &subscriber, const std::string &bytes)
{
    HttpResponseStream *stream = subscriber.stream;
    if (!stream || !stream->isOpen())
        return false;
    if (stream->pendingBytes() > m_config->streaming.maxQueueBytes) {
        // The consumer stopped reading: drop it rather than buffer without bound. The stream's
        // closed() removes the subscriber.
        ++m_dropped;
        qCInfo(lcEventStream) << "dropping slow SSE consumer with" << stream->pendingBytes() << "bytes unsent";
        stream->abort();
        return false;
    }
    subscriber.lastWriteMs = m_clock.elapsed();
    stream->write(bytes);
    return true;
}

} // namespace petstore::mock
