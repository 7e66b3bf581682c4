// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/mqtt/mqttmessage.h"

#include <QByteArray>

namespace petstore::mock {

namespace {

std::string base64(const std::string &bytes)
{
    return QByteArray::fromRawData(bytes.data(), qsizetype(bytes.size())).toBase64().toStdString();
}

std::optional<std::string> fromBase64(const nlohmann::json &value)
{
    if (!value.is_string())
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(QByteArray::fromStdString(value.get<std::string>()),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return decoded.decoded.toStdString();
}

} // namespace

nlohmann::json toJson(const MqttMessage &message)
{
    nlohmann::json json{{"topic", message.topic}, {"payload", base64(message.payload)}, {"qos", message.qos},
                        {"retain", message.retain}, {"sender", message.senderClientId}, {"expiresAtMs", message.expiresAtMs}};
    const core::MqttProperties &p = message.properties;
    if (p.payloadFormatIndicator)
        json["payloadFormatIndicator"] = *p.payloadFormatIndicator;
    if (p.contentType)
        json["contentType"] = *p.contentType;
    if (p.responseTopic)
        json["responseTopic"] = *p.responseTopic;
    if (p.correlationData)
        json["correlationData"] = base64(*p.correlationData);
    if (!p.userProperties.empty())
        json["userProperties"] = p.userProperties;
    return json;
}

std::optional<MqttMessage> mqttMessageFromJson(const nlohmann::json &json)
{
    if (!json.is_object() || !json.value("topic", nlohmann::json()).is_string())
        return std::nullopt;
    MqttMessage message;
    message.topic = json.at("topic").get<std::string>();
    const auto payload = fromBase64(json.value("payload", nlohmann::json()));
    if (!payload)
        return std::nullopt;
    message.payload = *payload;
    message.qos = std::uint8_t(std::min(2, json.value("qos", 0)));
    message.retain = json.value("retain", false);
    message.senderClientId = json.value("sender", "");
    message.expiresAtMs = json.value("expiresAtMs", std::int64_t(0));
    core::MqttProperties &p = message.properties;
    if (json.contains("payloadFormatIndicator"))
        p.payloadFormatIndicator = std::uint8_t(json.value("payloadFormatIndicator", 0));
    if (json.contains("contentType"))
        p.contentType = json.value("contentType", "");
    if (json.contains("responseTopic"))
        p.responseTopic = json.value("responseTopic", "");
    if (json.contains("correlationData"))
        p.correlationData = fromBase64(json.at("correlationData"));
    if (json.contains("userProperties") && json.at("userProperties").is_array())
        for (const auto &pair : json.at("userProperties"))
            if (pair.is_array() && pair.size() == 2 && pair[0].is_string() && pair[1].is_string())
                p.userProperties.emplace_back(pair[0].get<std::string>(), pair[1].get<std::string>());
    return message;
}

} // namespace petstore::mock
