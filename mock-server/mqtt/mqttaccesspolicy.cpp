// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/mqtt/mqttaccesspolicy.h"

#include "core/protocols/mqtt/mqtttopic.h"

#include <openssl/crypto.h>

#include <algorithm>

namespace petstore::mock {

namespace {

bool constantTimeEqual(const std::string &a, const std::string &b)
{
    return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

} // namespace

MqttAccessPolicy::MqttAccessPolicy(const MqttConfig &config) : m_allowAnonymous(config.allowAnonymous)
{
    if (config.anonymousRestricted)
        m_anonymous = std::make_shared<const std::vector<MqttAclRule>>(config.anonymousAcl);
    for (const MqttUser &user : config.users)
        m_accounts.push_back({user.username, {user.password, user.restricted
                                                  ? std::make_shared<const std::vector<MqttAclRule>>(user.acl)
                                                  : nullptr}});
}

core::Result<MqttAccessPolicy::Rules> MqttAccessPolicy::authenticate(const std::optional<std::string> &username,
                                                                     const std::optional<std::string> &password) const
{
    if (!username) {
        if (!m_allowAnonymous)
            return core::Error::make(core::ErrorKind::Forbidden, "anonymous clients are not allowed");
        return m_anonymous;
    }
    auto account = std::find_if(m_accounts.begin(), m_accounts.end(), [&](const auto &a) { return a.first == *username; });
    if (account == m_accounts.end()) {
        // A user name the configuration does not know: anonymous access, when allowed, still
        // lets any name in (like mosquitto without a password file).
        if (m_accounts.empty() && m_allowAnonymous)
            return m_anonymous;
        return core::Error::make(core::ErrorKind::Unauthorized, "unknown user name or wrong password");
    }
    if (!password || !constantTimeEqual(*password, account->second.password))
        return core::Error::make(core::ErrorKind::Unauthorized, "unknown user name or wrong password");
    return account->second.rules;
}

bool MqttAccessPolicy::mayPublish(const Rules &rules, std::string_view topic)
{
    if (!topic.empty() && topic.front() == '$')
        return false;
    return !rules || std::any_of(rules->begin(), rules->end(), [topic](const MqttAclRule &rule) {
               return rule.write && core::MqttTopic::matches(rule.filter, topic);
           });
}

bool MqttAccessPolicy::maySubscribe(const Rules &rules, std::string_view filter)
{
    if (!rules)
        return true;
    const auto shared = core::MqttTopic::shared(filter);
    const std::string_view plain = shared ? std::string_view(shared->filter) : filter;
    // The filter is matched as if it were a topic: its `+` and `#` levels are then covered only
    // by wildcards of the rule at the same places.
    return std::any_of(rules->begin(), rules->end(), [plain](const MqttAclRule &rule) {
        return rule.read && core::MqttTopic::matches(rule.filter, plain);
    });
}

bool MqttAccessPolicy::mayReceive(const Rules &rules, std::string_view topic)
{
    return !rules || std::any_of(rules->begin(), rules->end(), [topic](const MqttAclRule &rule) {
               return rule.read && core::MqttTopic::matches(rule.filter, topic);
           });
}

} // namespace petstore::mock
