// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mock-server/mqtt/mqttmessage.h"

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>

namespace petstore::mock {

// The last retained message of every topic (MQTT 5.0 §3.3.1.3): a retained PUBLISH replaces
// it, one with an empty payload deletes it, and a new subscription receives the ones its filter
// matches. Expired messages are dropped when seen.
class MqttRetainedStore
{
public:
    void store(const MqttMessagePtr &message);
    std::size_t size() const { return m_messages.size(); }

    // Calls `visit` for each unexpired retained message whose topic matches `filter` (not shared).
    void match(std::string_view filter, std::int64_t nowMs, const std::function<void(const MqttMessagePtr &)> &visit);
    void forEach(const std::function<void(const MqttMessagePtr &)> &visit) const;
    void removeExpired(std::int64_t nowMs);
    void clear() { m_messages.clear(); }

private:
    std::map<std::string, MqttMessagePtr, std::less<>> m_messages;
};

} // namespace petstore::mock
