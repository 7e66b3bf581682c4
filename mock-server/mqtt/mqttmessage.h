// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocols/mqtt/mqttproperties.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace petstore::mock {

// One application message as the broker routes it: what a PUBLISH (or a will) brought, shared
// read-only by every subscriber it fans out to and by the retained store.
struct MqttMessage
{
    std::string topic;
    std::string payload;
    std::uint8_t qos = 0;
    bool retain = false;
    // Forwarded untouched (MQTT 5.0 §3.3.2.3): payload format, content type, response topic,
    // correlation data and user properties. The expiry is kept below, as an instant.
    core::MqttProperties properties;
    std::string senderClientId;   // for No Local (§3.8.3.1); empty for the broker's own messages
    std::int64_t expiresAtMs = 0;   // wall clock; 0 = never (§3.3.2.3.3)

    bool expired(std::int64_t nowMs) const { return expiresAtMs != 0 && nowMs >= expiresAtMs; }
    // Whole seconds left, rounded up, for the Message Expiry Interval sent onwards.
    std::uint32_t remainingSeconds(std::int64_t nowMs) const
    {
        return expiresAtMs <= nowMs ? 0 : std::uint32_t((expiresAtMs - nowMs + 999) / 1000);
    }
};

using MqttMessagePtr = std::shared_ptr<const MqttMessage>;

// For --data persistence: binary members (payload, correlation data) as base64.
nlohmann::json toJson(const MqttMessage &message);
std::optional<MqttMessage> mqttMessageFromJson(const nlohmann::json &json);

// A message on its way to one session: the QoS granted by the subscription, the retain flag to
// send and the identifiers of the subscriptions that matched (§3.3.4).
struct MqttDelivery
{
    MqttMessagePtr message;
    std::uint8_t qos = 0;
    bool retain = false;
    std::vector<std::uint32_t> subscriptionIds;
};

} // namespace petstore::mock
