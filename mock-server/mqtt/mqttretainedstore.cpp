// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/mqtt/mqttretainedstore.h"

#include "core/protocols/mqtt/mqtttopic.h"

namespace petstore::mock {

void MqttRetainedStore::store(const MqttMessagePtr &message)
{
    if (message->payload.empty())
        m_messages.erase(message->topic);
    else
        m_messages[message->topic] = message;
}

void MqttRetainedStore::match(std::string_view filter, std::int64_t nowMs,
                              const std::function<void(const MqttMessagePtr &)> &visit)
{
    // A filter without wildcards names one topic; otherwise every retained topic is tested. The
    // store holds a few hundred topics for the Petstore, so a scan is cheaper than a second tree.
    if (filter.find_first_of("+#") == std::string_view::npos) {
        auto it = m_messages.find(filter);
        if (it != m_messages.end() && !it->second->expired(nowMs))
            visit(it->second);
        return;
    }
    for (const auto &[topic, message] : m_messages)
        if (!message->expired(nowMs) && core::MqttTopic::matches(filter, topic))
            visit(message);
}

void MqttRetainedStore::forEach(const std::function<void(const MqttMessagePtr &)> &visit) const
{
    for (const auto &[topic, message] : m_messages)
        visit(message);
}

void MqttRetainedStore::removeExpired(std::int64_t nowMs)
{
    for (auto it = m_messages.begin(); it != m_messages.end();)
        it = it->second->expired(nowMs) ? m_messages.erase(it) : std::next(it);
}

} // namespace petstore::mock
