// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/mqtt/mqttsession.h"

#include "core/protocols/mqtt/mqtttopic.h"

namespace petstore::mock {

namespace {

nlohmann::json deliveryJson(const MqttDelivery &delivery)
{
    return {{"message", toJson(*delivery.message)}, {"qos", delivery.qos}, {"retain", delivery.retain},
            {"subscriptionIds", delivery.subscriptionIds}};
}

std::optional<MqttDelivery> deliveryFromJson(const nlohmann::json &json)
{
    if (!json.is_object())
        return std::nullopt;
    auto message = mqttMessageFromJson(json.value("message", nlohmann::json()));
    if (!message)
        return std::nullopt;
    MqttDelivery delivery{std::make_shared<const MqttMessage>(std::move(*message)),
                          std::uint8_t(std::min(2, json.value("qos", 0))), json.value("retain", false), {}};
    for (const auto &id : json.value("subscriptionIds", nlohmann::json::array()))
        if (id.is_number_unsigned())
            delivery.subscriptionIds.push_back(id.get<std::uint32_t>());
    return delivery;
}

} // namespace

nlohmann::json MqttSession::snapshot(std::int64_t nowMs) const
{
    nlohmann::json subscriptionList = nlohmann::json::array();
    for (const auto &[filter, o] : subscriptions)
        subscriptionList.push_back({{"filter", filter}, {"qos", o.qos}, {"noLocal", o.noLocal},
                                    {"retainAsPublished", o.retainAsPublished}, {"retainHandling", o.retainHandling},
                                    {"identifier", o.identifier}});
    nlohmann::json inflight = nlohmann::json::array();
    for (const auto &[id, entry] : m_inflight)
        inflight.push_back({{"packetId", id}, {"order", entry.order}, {"releasing", entry.releasing},
                            {"delivery", deliveryJson(entry.delivery)}});
    nlohmann::json queue = nlohmann::json::array();
    for (const MqttDelivery &delivery : m_queue)
        queue.push_back(deliveryJson(delivery));
    return {{"clientId", m_clientId}, {"expiryInterval", expiryInterval},
            {"disconnectedAtMs", connected() ? nowMs : disconnectedAtMs}, {"subscriptions", subscriptionList},
            {"inflight", inflight}, {"queue", queue}, {"inbound", m_inbound}, {"lastPacketId", m_lastPacketId}};
}

std::unique_ptr<MqttSession> MqttSession::fromSnapshot(const nlohmann::json &json, Limits limits)
{
    if (!json.is_object() || !json.value("clientId", nlohmann::json()).is_string())
        return nullptr;
    auto session = std::make_unique<MqttSession>(json.at("clientId").get<std::string>(), limits);
    session->expiryInterval = json.value("expiryInterval", std::uint32_t(0));
    session->disconnectedAtMs = json.value("disconnectedAtMs", std::int64_t(0));
    session->m_lastPacketId = json.value("lastPacketId", std::uint16_t(0));
    for (const auto &s : json.value("subscriptions", nlohmann::json::array())) {
        const std::string filter = s.is_object() ? s.value("filter", "") : "";
        if (!core::MqttTopic::validateFilter(filter).ok())
            continue;
        session->subscriptions[filter] = {std::uint8_t(std::min(2, s.value("qos", 0))), s.value("noLocal", false),
                                          s.value("retainAsPublished", false),
                                          std::uint8_t(std::min(2, s.value("retainHandling", 0))),
                                          s.value("identifier", std::uint32_t(0))};
    }
    for (const auto &entry : json.value("inflight", nlohmann::json::array())) {
        auto delivery = deliveryFromJson(entry.is_object() ? entry.value("delivery", nlohmann::json()) : nlohmann::json());
        const std::uint16_t id = entry.is_object() ? entry.value("packetId", std::uint16_t(0)) : 0;
        if (!delivery || id == 0)
            continue;
        const std::uint64_t order = entry.value("order", std::uint64_t(0));
        session->m_inflight.emplace(id, Inflight{std::move(*delivery), order, entry.value("releasing", false)});
        session->m_sendOrder = std::max(session->m_sendOrder, order);
    }
    for (const auto &entry : json.value("queue", nlohmann::json::array()))
        if (auto delivery = deliveryFromJson(entry))
            session->m_queue.push_back(std::move(*delivery));
    for (const auto &id : json.value("inbound", nlohmann::json::array()))
        if (id.is_number_unsigned() && id.get<std::uint32_t>() > 0 && id.get<std::uint32_t>() <= 0xFFFF)
            session->m_inbound.insert(id.get<std::uint16_t>());
    return session;
}

} // namespace petstore::mock
