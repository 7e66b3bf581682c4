// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/http/httpmessage.h"
#include "core/petstore/domainevents.h"
#include "core/petstore/eventfilter.h"
#include "core/petstore/eventreplaybuffer.h"
#include "mock-server/http/httpexchange.h"
#include "mock-server/mockconfig.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <map>
#include <string>

namespace petstore::mock {

class HttpResponseStream;

// GET /v1/events (DESIGN §5, §7): every domain event as a Server-Sent Event. One subscription to
// the event bus feeds all open streams; each event is serialised once and written to every
// stream whose tenant and filter match. Keeps the replay buffer for Last-Event-ID, sends
// heartbeat comments on quiet streams, and drops a consumer whose backlog passes
// streaming.maxQueueBytes, so memory never grows without bound. Lives on the mock thread.
class EventStreamHub : public QObject
{
    Q_OBJECT
public:
    EventStreamHub(core::DomainEventBus *bus, const MockConfig *config, QObject *parent = nullptr);
    ~EventStreamHub() override;

    // The streamEvents route: answers the head and starts the stream through exchange.streamBody.
    core::HttpResponse open(HttpExchange &exchange);
    // Re-reads streaming settings (heartbeat interval, replay size) after a config change.
    void applyConfig();

    int subscriberCount() const { return int(m_subscribers.size()); }
    std::uint64_t droppedSlowConsumers() const { return m_dropped; }

private:
    struct Subscriber
    {
        QPointer<HttpResponseStream> stream;
        std::string tenantId;
        core::EventFilter filter;
        qint64 lastWriteMs = 0;
    };

    void start(HttpResponseStream &stream, std::string tenantId, core::EventFilter filter,
               std::optional<std::uint64_t> lastEventId);
    void onEvent(const core::CloudEvent &event);
    void sendHeartbeats();
    // Writes and enforces the backlog bound; false when the subscriber was dropped.
    bool deliver(Subscriber &subscriber, const std::string &bytes);

    core::DomainEventBus *m_bus;
    const MockConfig *m_config;
    core::DomainEventBus::SubscriptionId m_busSubscription = 0;
    core::EventReplayBuffer m_replay;
    std::map<std::uint64_t, Subscriber> m_subscribers;
    std::uint64_t m_nextSubscriber = 1;
    std::uint64_t m_dropped = 0;
    QElapsedTimer m_clock;
    QTimer m_heartbeat;
};

} // namespace petstore::mock
