// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/mqtt/mqttpacketjson.h"

#include "core/http/base64url.h"
#include "core/protocols/mqtt/mqttbytereader.h"
#include "core/protocols/mqtt/mqttpacketreader.h"
#include "core/protocols/mqtt/mqttpacketsummary.h"
#include "core/protocols/mqtt/mqttreasoncode.h"

namespace petstore::core {

namespace {

using nlohmann::json;

void putBinary(json &object, const char *name, const std::string &bytes)
{
    if (MqttByteReader::isValidMqttUtf8(bytes)) {
        object[name] = bytes;
        const json parsed = json::parse(bytes, nullptr, false);
        if (!parsed.is_discarded() && (parsed.is_object() || parsed.is_array()))
            object[std::string(name) + "Json"] = parsed;
    } else {
        object[std::string(name) + "Base64url"] = Base64Url::encode(bytes);
    }
}

json reason(std::uint8_t code)
{
    return {{"code", code}, {"name", mqttReasonCodeName(code)}};
}

struct Converter
{
    json operator()(const MqttConnect &p) const
    {
        json j{{"protocolVersion", p.version == MqttVersion::V5 ? "5" : "3.1.1"}, {"clientId", p.clientId},
               {"cleanStart", p.cleanStart}, {"keepAlive", p.keepAlive}};
        if (p.username)
            j["username"] = *p.username;
        if (p.password)
            j["password"] = "(redacted)";
        if (p.will) {
            json will{{"topic", p.will->topic}, {"qos", p.will->qos}, {"retain", p.will->retain},
                      {"properties", MqttPacketJson::toJson(p.will->properties)}};
            putBinary(will, "payload", p.will->payload);
            j["will"] = will;
        }
        j["properties"] = MqttPacketJson::toJson(p.properties);
        return j;
    }
    json operator()(const MqttConnAck &p) const
    {
        return {{"sessionPresent", p.sessionPresent}, {"reason", reason(p.reasonCode)},
                {"properties", MqttPacketJson::toJson(p.properties)}};
    }
    json operator()(const MqttPublish &p) const
    {
        json j{{"topic", p.topic}, {"qos", p.qos}, {"retain", p.retain}, {"dup", p.dup}};
        if (p.qos > 0)
            j["packetId"] = p.packetId;
        j["properties"] = MqttPacketJson::toJson(p.properties);
        putBinary(j, "payload", p.payload);
        return j;
    }
    json operator()(const MqttPubAck &p) const
    {
        return {{"packetId", p.packetId}, {"reason", reason(p.reasonCode)}, {"properties", MqttPacketJson::toJson(p.properties)}};
    }
    json operator()(const MqttSubscribe &p) const
    {
        json list = json::array();
        for (const MqttSubscription &s : p.subscriptions)
            list.push_back({{"filter", s.filter}, {"qos", s.qos}, {"noLocal", s.noLocal},
                            {"retainAsPublished", s.retainAsPublished}, {"retainHandling", s.retainHandling}});
        return {{"packetId", p.packetId}, {"subscriptions", list}, {"properties", MqttPacketJson::toJson(p.properties)}};
    }
    json operator()(const MqttSubAck &p) const
    {
        json codes = json::array();
        for (std::uint8_t code : p.reasonCodes)
            codes.push_back(reason(code));
        return {{"packetId", p.packetId}, {"reasons", codes}, {"properties", MqttPacketJson::toJson(p.properties)}};
    }
    json operator()(const MqttUnsubscribe &p) const
    {
        return {{"packetId", p.packetId}, {"filters", p.filters}, {"properties", MqttPacketJson::toJson(p.properties)}};
    }
    json operator()(const MqttPing &) const { return json::object(); }
    json operator()(const MqttDisconnect &p) const
    {
        return {{"reason", reason(p.reasonCode)}, {"properties", MqttPacketJson::toJson(p.properties)}};
    }
};

} // namespace

json MqttPacketJson::toJson(const MqttPacket &packet)
{
    json j{{"type", MqttPacketSummary::typeName(packetType(packet))}};
    j.update(std::visit(Converter{}, packet));
    return j;
}

json MqttPacketJson::fromWire(std::string_view bytes, MqttVersion version)
{
    auto packet = MqttPacketReader::decodeCaptured(bytes, version);
    if (!packet.ok())
        return {{"error", packet.error().message}};
    return toJson(packet.value());
}

json MqttPacketJson::toJson(const MqttProperties &p)
{
    json j = json::object();
    auto put = [&j](const char *name, const auto &value) {
        if (value)
            j[name] = *value;
    };
    put("payloadFormatIndicator", p.payloadFormatIndicator);
    put("messageExpiryInterval", p.messageExpiryInterval);
    put("contentType", p.contentType);
    put("responseTopic", p.responseTopic);
    if (p.correlationData)
        putBinary(j, "correlationData", *p.correlationData);
    if (!p.subscriptionIdentifiers.empty())
        j["subscriptionIdentifiers"] = p.subscriptionIdentifiers;
    put("sessionExpiryInterval", p.sessionExpiryInterval);
    put("assignedClientIdentifier", p.assignedClientIdentifier);
    put("serverKeepAlive", p.serverKeepAlive);
    put("authenticationMethod", p.authenticationMethod);
    if (p.authenticationData)
        j["authenticationData"] = "(redacted)";
    put("requestProblemInformation", p.requestProblemInformation);
    put("willDelayInterval", p.willDelayInterval);
    put("requestResponseInformation", p.requestResponseInformation);
    put("responseInformation", p.responseInformation);
    put("serverReference", p.serverReference);
    put("reasonString", p.reasonString);
    put("receiveMaximum", p.receiveMaximum);
    put("topicAliasMaximum", p.topicAliasMaximum);
    put("topicAlias", p.topicAlias);
    put("maximumQos", p.maximumQos);
    put("retainAvailable", p.retainAvailable);
    if (!p.userProperties.empty()) {
        json pairs = json::array();
        for (const auto &[key, value] : p.userProperties)
            pairs.push_back({{"key", key}, {"value", value}});
        j["userProperties"] = pairs;
    }
    put("maximumPacketSize", p.maximumPacketSize);
    put("wildcardSubscriptionAvailable", p.wildcardSubscriptionAvailable);
    put("subscriptionIdentifierAvailable", p.subscriptionIdentifierAvailable);
    put("sharedSubscriptionAvailable", p.sharedSubscriptionAvailable);
    return j;
}

} // namespace petstore::core
