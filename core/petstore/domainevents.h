// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/petstore/domaintime.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <string>

namespace petstore::core {

// A domain event as a CloudEvents 1.0 envelope (JSON format). The id is the decimal form of
// `sequence`, monotonic per server across all tenants, so SSE `Last-Event-ID` can replay it.
struct CloudEvent
{
    std::uint64_t sequence = 0;
    std::string source;        // "/petstore-mock"
    std::string type;          // pet.created, order.status_changed, ... (DESIGN §5)
    TimePoint time{};
    std::string subject;       // "/v1/pets/{id}"
    nlohmann::json data;       // the resource after the change (plus previousStatus on *_changed)
    std::string tenantId;      // "default" unless X-Tenant-ID chose another

    std::string id() const { return std::to_string(sequence); }
    // specversion, id, source, type, time, subject, datacontenttype, data, tenantid.
    nlohmann::json toJson() const;
};

// Fans every domain event out to its subscribers, synchronously, on the caller's thread (the
// mock thread). Not thread-safe by design: store access is serialised on one thread (DESIGN §3).
class DomainEventBus
{
public:
    using Handler = std::function<void(const CloudEvent &)>;
    using SubscriptionId = std::uint64_t;

    explicit DomainEventBus(Clock clock = systemNow, std::string source = "/petstore-mock");

    SubscriptionId subscribe(Handler handler);
    void unsubscribe(SubscriptionId id);

    // Stamps sequence and time, delivers to every subscriber, returns the envelope.
    CloudEvent publish(const std::string &tenantId, const std::string &type,
                       const std::string &subject, nlohmann::json data);

    std::uint64_t lastSequence() const { return m_sequence; }

private:
    Clock m_clock;
    std::string m_source;
    std::uint64_t m_sequence = 0;
    SubscriptionId m_nextId = 1;
    std::map<SubscriptionId, Handler> m_handlers;
};

} // namespace petstore::core
