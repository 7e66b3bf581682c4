// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/mqtt/mqttpetstorebridge.h"

#include "core/petstore/domainjson.h"
#include "core/petstore/domaintime.h"
#include "core/petstore/tenantregistry.h"
#include "mock-server/mqtt/mqttbroker.h"

namespace petstore::mock {

namespace {

using nlohmann::json;

constexpr const char *RpcPetsGet = "petstore/rpc/pets/get";
constexpr const char *RejectedTopic = "$SYS/broker/petstore/rejected";

std::string prefix(const std::string &tenant)
{
    return tenant.empty() || tenant == core::TenantRegistry::DefaultTenant ? std::string() : "tenants/" + tenant + '/';
}

json petStatus(const json &pet)
{
    json state{{"petId", pet.value("id", "")}, {"name", pet.value("name", "")}, {"status", pet.value("status", "")},
               {"updatedAt", pet.value("updatedAt", "")}};
    if (pet.contains("previousStatus"))
        state["previousStatus"] = pet["previousStatus"];
    return state;
}

json petAvailability(const json &pet)
{
    return {{"petId", pet.value("id", "")}, {"available", pet.value("status", "") == "AVAILABLE"}};
}

json orderStatus(const json &order)
{
    json state{{"orderId", order.value("id", "")}, {"petId", order.value("petId", "")},
               {"status", order.value("status", "")}, {"updatedAt", order.value("updatedAt", "")}};
    if (order.contains("previousStatus"))
        state["previousStatus"] = order["previousStatus"];
    return state;
}

json paymentStatus(const json &payment)
{
    return {{"paymentId", payment.value("id", "")}, {"orderId", payment.value("orderId", "")},
            {"status", payment.value("status", "")}, {"amount", payment.value("amount", "")},
            {"currency", payment.value("currency", "")}, {"updatedAt", payment.value("updatedAt", "")}};
}

json inventoryStock(const json &item)
{
    return {{"productId", item.value("productId", "")}, {"sku", item.value("sku", "")},
            {"stock", item.value("stock", 0)}, {"reorderLevel", item.value("reorderLevel", 0)},
            {"lowStock", item.value("stock", 0) <= item.value("reorderLevel", 0)},
            {"updatedAt", item.value("updatedAt", "")}};
}

// `pets/{id}/health` or `tenants/{tenant}/pets/{id}/health`: the tenant and pet id, if it is one.
bool healthTopic(const std::string &topic, std::string &tenant, std::string &petId)
{
    std::string rest = topic;
    tenant = core::TenantRegistry::DefaultTenant;
    if (rest.rfind("tenants/", 0) == 0) {
        const auto slash = rest.find('/', 8);
        if (slash == std::string::npos)
            return false;
        tenant = rest.substr(8, slash - 8);
        rest = rest.substr(slash + 1);
    }
    const std::string head = "pets/", tail = "/health";
    if (rest.size() <= head.size() + tail.size() || rest.rfind(head, 0) != 0
        || rest.compare(rest.size() - tail.size(), tail.size(), tail) != 0)
        return false;
    petId = rest.substr(head.size(), rest.size() - head.size() - tail.size());
    return petId.find('/') == std::string::npos;
}

} // namespace

MqttPetstoreBridge::MqttPetstoreBridge(MqttBroker *broker, core::DomainEventBus *bus, core::TenantRegistry *tenants)
    : m_broker(broker), m_bus(bus), m_tenants(tenants)
{
    m_subscription = bus->subscribe([this](const core::CloudEvent &event) { onEvent(event); });
    broker->onClientMessage([this](const MqttMessage &message) { onClientMessage(message); });
    publishState();
}

MqttPetstoreBridge::~MqttPetstoreBridge()
{
    m_bus->unsubscribe(m_subscription);
}

void MqttPetstoreBridge::publishState()
{
    // State retained before (a reset replaced the store) goes first, so no deleted pet lingers.
    std::vector<std::string> stale;
    m_broker->retained().forEach([&stale](const MqttMessagePtr &message) {
        for (const char *root : {"pets/", "orders/", "payments/", "inventory/", "tenants/"})
            if (message->topic.rfind(root, 0) == 0 && message->senderClientId.empty())
                stale.push_back(message->topic);
    });
    for (const std::string &topic : stale)
        clear(topic);
    core::Store &store = m_tenants->defaultStore();
    if (auto pets = store.findPets({}); pets.ok())
        for (const core::Pet *pet : pets.value()) {
            const json representation = core::toJson(*pet);
            publishJson("pets/" + pet->id + "/status", petStatus(representation), nullptr);
            publishJson("pets/" + pet->id + "/availability", petAvailability(representation), nullptr);
        }
    if (auto orders = store.listOrders({}); orders.ok())
        for (const core::Order &order : orders.value())
            publishJson("orders/" + order.id + "/status", orderStatus(core::toJson(order)), nullptr);
    for (const core::InventoryItem &item : store.listInventory())
        publishJson("inventory/" + item.productId + "/stock", inventoryStock(core::toJson(item)), nullptr);
}

void MqttPetstoreBridge::onEvent(const core::CloudEvent &event)
{
    const std::string base = prefix(event.tenantId);
    const json &data = event.data;
    const std::string &type = event.type;
    if (type == "pet.created" || type == "pet.status_changed") {
        publishJson(base + "pets/" + data.value("id", "") + "/status", petStatus(data), &event);
        publishJson(base + "pets/" + data.value("id", "") + "/availability", petAvailability(data), &event);
    } else if (type == "pet.deleted") {
        // An empty retained message removes the topic's state (§3.3.1.3).
        clear(base + "pets/" + data.value("id", "") + "/status");
        clear(base + "pets/" + data.value("id", "") + "/availability");
    } else if (type == "order.created" || type == "order.status_changed") {
        publishJson(base + "orders/" + data.value("id", "") + "/status", orderStatus(data), &event);
    } else if (type == "payment.processing" || type == "payment.succeeded" || type == "payment.failed") {
        publishJson(base + "payments/" + data.value("id", "") + "/status", paymentStatus(data), &event);
        publishJson(base + "orders/" + data.value("orderId", "") + "/payment", paymentStatus(data), &event);
    } else if (type == "inventory.stock_changed") {
        publishJson(base + "inventory/" + data.value("productId", "") + "/stock", inventoryStock(data), &event);
    }
}

void MqttPetstoreBridge::onClientMessage(const MqttMessage &message)
{
    std::string tenant, petId;
    if (healthTopic(message.topic, tenant, petId))
        ingestHealth(tenant, petId, message);
    else if (message.topic == RpcPetsGet)
        answerPetRequest(message);
}

void MqttPetstoreBridge::ingestHealth(const std::string &tenant, const std::string &petId, const MqttMessage &message)
{
    const json reading = json::parse(message.payload, nullptr, false);
    if (reading.is_discarded()) {
        reject(message, "the payload is not JSON");
        return;
    }
    auto store = m_tenants->store(tenant);
    if (!store.ok()) {
        reject(message, store.error().message);
        return;
    }
    auto recorded = store.value()->recordHealthReading(petId, reading);
    if (!recorded.ok()) {
        std::string reason = recorded.error().message;
        for (const core::FieldError &field : recorded.error().fields)
            reason += "; " + field.field + ' ' + field.message;
        reject(message, reason);
    }
}

void MqttPetstoreBridge::answerPetRequest(const MqttMessage &request)
{
    if (!request.properties.responseTopic) {
        reject(request, "a request needs a Response Topic (MQTT 5 request/response)");
        return;
    }
    const json body = json::parse(request.payload, nullptr, false);
    std::string petId = body.is_object() ? body.value("petId", body.value("id", "")) : "";
    std::string tenant = core::TenantRegistry::DefaultTenant;
    for (const auto &[key, value] : request.properties.userProperties)
        if (key == "x-tenant-id")
            tenant = value;
    json reply;
    std::string status = "200";
    auto store = m_tenants->store(tenant);
    auto pet = !store.ok() ? core::Result<core::Pet>(store.error())
               : petId.empty() ? core::Result<core::Pet>(core::Error::make(core::ErrorKind::Validation,
                                                                          "the request needs {\"petId\": \"...\"}"))
                               : store.value()->getPet(petId);
    if (pet.ok()) {
        reply = core::toJson(pet.value());
    } else {
        status = pet.error().kind == core::ErrorKind::NotFound ? "404" : "400";
        reply = {{"error", {{"status", std::stoi(status)}, {"message", pet.error().message}}}};
    }
    MqttMessage response;
    response.topic = *request.properties.responseTopic;
    response.payload = reply.dump();
    response.qos = request.qos;
    response.properties.correlationData = request.properties.correlationData;   // §4.10.1
    response.properties.contentType = "application/json";
    response.properties.payloadFormatIndicator = 1;
    response.properties.userProperties.emplace_back("status", status);
    m_broker->publish(std::move(response));
}

void MqttPetstoreBridge::reject(const MqttMessage &message, const std::string &reason)
{
    ++m_rejected;
    MqttMessage report;
    report.topic = RejectedTopic;
    report.payload = json{{"count", m_rejected},
                          {"last", {{"topic", message.topic}, {"clientId", message.senderClientId}, {"reason", reason},
                                    {"at", core::formatRfc3339(core::systemNow())}}}}.dump();
    report.retain = true;
    report.properties.contentType = "application/json";
    m_broker->publish(std::move(report));
}

void MqttPetstoreBridge::publishJson(const std::string &topic, const json &payload, const core::CloudEvent *cause)
{
    MqttMessage message;
    message.topic = topic;
    message.payload = payload.dump();
    message.qos = 1;
    message.retain = true;
    message.properties.contentType = "application/json";
    message.properties.payloadFormatIndicator = 1;
    if (cause) {
        // The event's CloudEvents attributes as user properties, so the same event id can be
        // followed across protocols (the CloudEvents MQTT binding's names).
        message.properties.userProperties = {{"specversion", "1.0"}, {"id", cause->id()}, {"type", cause->type},
                                             {"source", cause->source}, {"subject", cause->subject},
                                             {"time", core::formatRfc3339(cause->time)}};
    }
    m_broker->publish(std::move(message));
}

void MqttPetstoreBridge::clear(const std::string &topic)
{
    MqttMessage message;
    message.topic = topic;
    message.qos = 1;
    message.retain = true;
    m_broker->publish(std::move(message));
}

} // namespace petstore::mock
