// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/petstore/domainevents.h"
#include "mock-server/mqtt/mqttmessage.h"

#include <nlohmann/json.hpp>

#include <string>

namespace petstore::core {
class TenantRegistry;
}

namespace petstore::mock {

class MqttBroker;

// The Petstore on the broker (DESIGN §5): domain events become retained QoS 1 state on
// `pets/{id}/status`, `pets/{id}/availability`, `orders/{id}/status`, `orders/{id}/payment`,
// `payments/{id}/status` and `inventory/{productId}/stock` (other tenants under
// `tenants/{tenant}/`); device readings on `pets/{id}/health` go into the store; requests on
// `petstore/rpc/pets/get` are answered on their Response Topic (MQTT 5.0 §4.10).
class MqttPetstoreBridge
{
public:
    MqttPetstoreBridge(MqttBroker *broker, core::DomainEventBus *bus, core::TenantRegistry *tenants);
    ~MqttPetstoreBridge();

    // Publishes the current state of the default tenant as retained messages, replacing the
    // Petstore state retained before: on start, and after a reset replaced the store without events.
    void publishState();
    std::uint64_t rejectedCount() const { return m_rejected; }

private:
    void onEvent(const core::CloudEvent &event);
    void onClientMessage(const MqttMessage &message);
    void ingestHealth(const std::string &tenant, const std::string &petId, const MqttMessage &message);
    void answerPetRequest(const MqttMessage &request);
    void reject(const MqttMessage &message, const std::string &reason);
    void publishJson(const std::string &topic, const nlohmann::json &payload, const core::CloudEvent *cause);
    void clear(const std::string &topic);

    MqttBroker *m_broker;
    core::DomainEventBus *m_bus;
    core::TenantRegistry *m_tenants;
    core::DomainEventBus::SubscriptionId m_subscription;
    std::uint64_t m_rejected = 0;
};

} // namespace petstore::mock
