// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/petstore/domainevents.h"

#include <utility>
#include <vector>

namespace petstore::core {

nlohmann::json CloudEvent::toJson() const
{
    // CloudEvents 1.0 JSON format §3: attributes are top-level members; tenantid is an
    // extension attribute (lower-case alphanumerics only, CloudEvents §3.1.1 naming rules).
    return {{"specversion", "1.0"},
            {"id", id()},
            {"source", source},
            {"type", type},
            {"time", formatRfc3339(time)},
            {"subject", subject},
            {"datacontenttype", "application/json"},
            {"data", data},
            {"tenantid", tenantId}};
}

DomainEventBus::DomainEventBus(Clock clock, std::string source)
    : m_clock(std::move(clock)), m_source(std::move(source))
{
}

DomainEventBus::SubscriptionId DomainEventBus::subscribe(Handler handler)
{
    const SubscriptionId id = m_nextId++;
    m_handlers.emplace(id, std::move(handler));
    return id;
}

void DomainEventBus::unsubscribe(SubscriptionId id)
{
    m_handlers.erase(id);
}

CloudEvent DomainEventBus::publish(const std::string &tenantId, const std::string &type,
                                   const std::string &subject, nlohmann::json data)
{
    CloudEvent event;
    event.sequence = ++m_sequence;
    event.source = m_source;
    event.type = type;
    event.time = m_clock();
    event.subject = subject;
    event.data = std::move(data);
    event.tenantId = tenantId;

    // A handler may subscribe, unsubscribe (itself included) or publish while being called, so
    // iterate over the ids present now and skip those removed meanwhile.
    std::vector<SubscriptionId> ids;
    ids.reserve(m_handlers.size());
    for (const auto &entry : m_handlers)
        ids.push_back(entry.first);
    for (const SubscriptionId id : ids) {
        const auto it = m_handlers.find(id);
        if (it != m_handlers.end()) {
            const Handler handler = it->second;
            handler(event);
        }
    }
    return event;
}

} // namespace petstore::core
