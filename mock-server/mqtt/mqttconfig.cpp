// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/mqtt/mqttconfig.h"

#include "core/protocols/mqtt/mqtttopic.h"
#include "mock-server/configmember.h"

#include <algorithm>

namespace petstore::mock {

namespace {

using core::FieldError;

// "acl": [{"filter": "pets/#", "access": "read" | "write" | "readwrite"}]
std::vector<MqttAclRule> readAcl(const nlohmann::json &list, const std::string &at, std::vector<FieldError> &errors)
{
    std::vector<MqttAclRule> rules;
    if (!list.is_array()) {
        errors.push_back({at, "must be an array", "type"});
        return rules;
    }
    for (std::size_t i = 0; i < list.size(); ++i) {
        const auto &rule = list[i];
        const std::string where = at + '/' + std::to_string(i);
        const std::string filter = rule.is_object() ? rule.value("filter", "") : "";
        const std::string access = rule.is_object() ? rule.value("access", "") : "";
        if (filter.empty() || !core::MqttTopic::validateFilter(filter).ok()) {
            errors.push_back({where + "/filter", "must be a valid MQTT topic filter", "format"});
            continue;
        }
        if (access != "read" && access != "write" && access != "readwrite") {
            errors.push_back({where + "/access", "must be \"read\", \"write\" or \"readwrite\"", "enum"});
            continue;
        }
        rules.push_back({filter, access != "write", access != "read"});
    }
    return rules;
}

} // namespace

core::Status MqttConfig::applyJson(const nlohmann::json &object)
{
    if (!object.is_object())
        return core::Error::make(core::ErrorKind::Validation, "invalid configuration", {{"/mqtt", "must be an object", "type"}});
    MqttConfig next = *this;
    std::vector<FieldError> errors;
    rejectUnknownMembers(object,
                         {"port", "tlsPort", "maxPacketBytes", "receiveMaximum", "maxInflightMessages", "maxQueuedMessages",
                          "topicAliasMaximum", "maxKeepAliveSeconds", "sysIntervalSeconds", "allowAnonymous",
                          "anonymousAcl", "users"},
                         errors, "/mqtt");
    readIntMember(object, "port", 0, 65535, next.port, errors, "/mqtt");
    readIntMember(object, "tlsPort", 0, 65535, next.tlsPort, errors, "/mqtt");
    readIntMember(object, "maxPacketBytes", 128, 268435455, next.maxPacketBytes, errors, "/mqtt");
    readIntMember(object, "receiveMaximum", 1, 65535, next.receiveMaximum, errors, "/mqtt");
    readIntMember(object, "maxInflightMessages", 1, 65535, next.maxInflightMessages, errors, "/mqtt");
    readIntMember(object, "maxQueuedMessages", 0, 10000000, next.maxQueuedMessages, errors, "/mqtt");
    readIntMember(object, "topicAliasMaximum", 0, 65535, next.topicAliasMaximum, errors, "/mqtt");
    readIntMember(object, "maxKeepAliveSeconds", 0, 65535, next.maxKeepAliveSeconds, errors, "/mqtt");
    readIntMember(object, "sysIntervalSeconds", 1, 3600, next.sysIntervalSeconds, errors, "/mqtt");
    if (object.contains("allowAnonymous")) {
        if (object.at("allowAnonymous").is_boolean())
            next.allowAnonymous = object.at("allowAnonymous").get<bool>();
        else
            errors.push_back({"/mqtt/allowAnonymous", "must be a boolean", "type"});
    }
    if (object.contains("anonymousAcl")) {
        next.anonymousRestricted = true;
        next.anonymousAcl = readAcl(object.at("anonymousAcl"), "/mqtt/anonymousAcl", errors);
    }
    if (object.contains("users")) {
        const auto &users = object.at("users");
        next.users.clear();
        for (std::size_t i = 0; users.is_array() && i < users.size(); ++i) {
            const auto &u = users[i];
            const std::string at = "/mqtt/users/" + std::to_string(i);
            if (!u.is_object() || !u.value("username", nlohmann::json()).is_string()
                || !u.value("password", nlohmann::json()).is_string() || u.at("username").get<std::string>().empty()) {
                errors.push_back({at, "needs username and password strings", "required"});
                continue;
            }
            MqttUser user{u.at("username").get<std::string>(), u.at("password").get<std::string>(), false, {}};
            if (u.contains("acl")) {
                user.restricted = true;
                user.acl = readAcl(u.at("acl"), at + "/acl", errors);
            }
            next.users.push_back(std::move(user));
        }
        if (!users.is_array())
            errors.push_back({"/mqtt/users", "must be an array", "type"});
    }
    if (!errors.empty())
        return core::Error::make(core::ErrorKind::Validation, "invalid configuration", std::move(errors));
    *this = std::move(next);
    return core::Done{};
}

} // namespace petstore::mock
