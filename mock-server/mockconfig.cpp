// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/mockconfig.h"

#include "mock-server/configmember.h"

#include <algorithm>

namespace petstore::mock {

using core::FieldError;

std::string toString(AuthMode mode)
{
    return mode == AuthMode::Required ? "required" : "none";
}

void MockConfig::useFreePorts()
{
    httpPort = 0;
    mqtt.port = 0;
    mqtt.tlsPort = 0;
    if (grpc.enabled())
        grpc.port = 0;
}

nlohmann::json MockConfig::runtimeJson() const
{
    return {
        {"auth", toString(auth)},
        {"latencyMs", latencyMs},
        {"errorRate", errorRate},
        {"rateLimit", {{"capacity", rateLimitCapacity}, {"refillPerSecond", rateLimitRefillPerSecond}}},
        {"maxBodyBytes", maxBodyBytes},
        {"maxHeaderBytes", maxHeaderBytes},
        {"paymentDelayMs", paymentDelayMs},
        {"streaming", {{"heartbeatMs", streaming.heartbeatMs},
                       {"retryMs", streaming.retryMs},
                       {"chatTokenDelayMs", streaming.chatTokenDelayMs},
                       {"maxQueueBytes", streaming.maxQueueBytes},
                       {"replayEvents", streaming.replayEvents},
                       {"maxMessageBytes", streaming.maxMessageBytes}}},
    };
}

core::Status MockConfig::applyRuntimeJson(const nlohmann::json &patch)
{
    if (!patch.is_object())
        return core::Error::make(core::ErrorKind::Validation, "configuration must be a JSON object",
                                 {{"/", "must be an object", "type"}});
    MockConfig next = *this;
    std::vector<FieldError> errors;
    static const char *known[] = {"auth", "latencyMs", "errorRate", "rateLimit", "maxBodyBytes",
                                  "maxHeaderBytes", "paymentDelayMs", "streaming"};
    for (const auto &[key, value] : patch.items()) {
        if (std::find(std::begin(known), std::end(known), key) == std::end(known))
            errors.push_back({"/" + key, "unknown configuration member", "additionalProperties"});
    }
    if (patch.contains("auth")) {
        const auto &v = patch.at("auth");
        if (v == "none")
            next.auth = AuthMode::None;
        else if (v == "required")
            next.auth = AuthMode::Required;
        else
            errors.push_back({"/auth", "must be \"none\" or \"required\"", "enum"});
    }
    readIntMember(patch, "latencyMs", 0, 60000, next.latencyMs, errors);
    if (patch.contains("errorRate")) {
        const auto &v = patch.at("errorRate");
        if (!v.is_number() || v.get<double>() < 0.0 || v.get<double>() > 1.0)
            errors.push_back({"/errorRate", "must be a number from 0 to 1", "range"});
        else
            next.errorRate = v.get<double>();
    }
    if (patch.contains("rateLimit")) {
        const auto &v = patch.at("rateLimit");
        if (!v.is_object()) {
            errors.push_back({"/rateLimit", "must be an object", "type"});
        } else {
            std::vector<FieldError> inner;
            readIntMember(v, "capacity", 0, 100000000, next.rateLimitCapacity, inner);
            readIntMember(v, "refillPerSecond", 0, 100000000, next.rateLimitRefillPerSecond, inner);
            for (auto &e : inner)
                errors.push_back({"/rateLimit" + e.field, e.message, e.code});
        }
    }
    readIntMember(patch, "maxBodyBytes", 1024, 512 * 1024 * 1024, next.maxBodyBytes, errors);
    readIntMember(patch, "maxHeaderBytes", 1024, 1024 * 1024, next.maxHeaderBytes, errors);
    readIntMember(patch, "paymentDelayMs", 0, 600000, next.paymentDelayMs, errors);
    if (patch.contains("streaming")) {
        const auto &v = patch.at("streaming");
        if (!v.is_object()) {
            errors.push_back({"/streaming", "must be an object", "type"});
        } else {
            std::vector<FieldError> inner;
            for (const auto &[key, value] : v.items()) {
                static const char *members[] = {"heartbeatMs", "retryMs", "chatTokenDelayMs",
                                                "maxQueueBytes", "replayEvents", "maxMessageBytes"};
                if (std::find(std::begin(members), std::end(members), key) == std::end(members))
                    inner.push_back({"/" + key, "unknown configuration member", "additionalProperties"});
            }
            StreamingConfig &s = next.streaming;
            readIntMember(v, "heartbeatMs", 100, 600000, s.heartbeatMs, inner);
            readIntMember(v, "retryMs", 0, 600000, s.retryMs, inner);
            readIntMember(v, "chatTokenDelayMs", 0, 10000, s.chatTokenDelayMs, inner);
            readIntMember(v, "maxQueueBytes", 4096, 256 * 1024 * 1024, s.maxQueueBytes, inner);
            readIntMember(v, "replayEvents", 0, 1000000, s.replayEvents, inner);
            readIntMember(v, "maxMessageBytes", 125, 64 * 1024 * 1024, s.maxMessageBytes, inner);
            for (auto &e : inner)
                errors.push_back({"/streaming" + e.field, e.message, e.code});
        }
    }
    if (!errors.empty())
        return core::Error::make(core::ErrorKind::Validation, "invalid configuration", std::move(errors));
    *this = next;
    return core::Done{};
}

core::Status MockConfig::applyFileJson(const nlohmann::json &document)
{
    if (!document.is_object())
        return core::Error::make(core::ErrorKind::Validation, "configuration file must hold a JSON object");
    nlohmann::json runtime = document;
    MockConfig next = *this;
    std::vector<FieldError> errors;
    if (document.contains("bind")) {
        if (document.at("bind").is_string())
            next.bind = document.at("bind").get<std::string>();
        else
            errors.push_back({"/bind", "must be a string", "type"});
        runtime.erase("bind");
    }
    readIntMember(document, "httpPort", 0, 65535, next.httpPort, errors);
    readIntMember(document, "tokenTtlSeconds", 60, 31536000, next.tokenTtlSeconds, errors);
    runtime.erase("httpPort");
    runtime.erase("tokenTtlSeconds");
    if (document.contains("jwtSecret")) {
        const auto &v = document.at("jwtSecret");
        if (!v.is_string() || v.get<std::string>().size() < 32)
            errors.push_back({"/jwtSecret", "must be a string of at least 32 characters", "minLength"});
        else
            next.jwtSecret = v.get<std::string>();
        runtime.erase("jwtSecret");
    }
    if (document.contains("apiKeys")) {
        const auto &keys = document.at("apiKeys");
        next.apiKeys.clear();
        for (std::size_t i = 0; keys.is_array() && i < keys.size(); ++i) {
            const auto &k = keys[i];
            const std::string at = "/apiKeys/" + std::to_string(i);
            if (!k.is_object() || !k.value("key", nlohmann::json()).is_string()
                || !k.value("userId", nlohmann::json()).is_string()
                || k.at("key").get<std::string>().size() < 16) {
                errors.push_back({at, "needs key (16+ characters) and userId strings", "required"});
                continue;
            }
            ApiKey key{k.at("key").get<std::string>(), k.at("userId").get<std::string>(), core::Role::Customer, {}};
            if (k.contains("role") && k.at("role").is_string())
                key.role = core::roleFromString(k.at("role").get<std::string>()).value_or(core::Role::Customer);
            for (const auto &s : k.value("scopes", nlohmann::json::array()))
                if (s.is_string())
                    key.scopes.push_back(s.get<std::string>());
            next.apiKeys.push_back(std::move(key));
        }
        if (!keys.is_array())
            errors.push_back({"/apiKeys", "must be an array", "type"});
        runtime.erase("apiKeys");
    }
    for (const char *member : {"graphql", "mqtt", "grpc"}) {
        if (!document.contains(member))
            continue;
        const nlohmann::json &object = document.at(member);
        const std::string name = member;
        auto status = name == "graphql" ? next.graphql.applyJson(object)
                      : name == "mqtt"  ? next.mqtt.applyJson(object)
                                        : next.grpc.applyJson(object);
        if (!status.ok())
            for (const auto &e : status.error().fields)
                errors.push_back(e);
        runtime.erase(member);
    }
    if (auto status = next.applyRuntimeJson(runtime); !status.ok())
        for (const auto &e : status.error().fields)
            errors.push_back(e);
    if (!errors.empty())
        return core::Error::make(core::ErrorKind::Validation, "invalid configuration file", std::move(errors));
    *this = next;
    return core::Done{};
}

} // namespace petstore::mock
