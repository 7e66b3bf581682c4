// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "mock-server/mqtt/mqttconfig.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace petstore::mock {

// Who may connect and which topics they may use (DESIGN §7): anonymous clients by default;
// users with passwords and topic access lists from the mock's configuration file. Clients
// never publish to `$` topics: those are the broker's own ($SYS, §4.7.2).
class MqttAccessPolicy
{
public:
    // The rules a connected client is held to; null: every topic.
    using Rules = std::shared_ptr<const std::vector<MqttAclRule>>;

    explicit MqttAccessPolicy(const MqttConfig &config);

    // Unauthorized for an unknown user or a wrong password (CONNACK 0x86), Forbidden for an
    // anonymous client when anonymous access is off (0x87).
    core::Result<Rules> authenticate(const std::optional<std::string> &username,
                                     const std::optional<std::string> &password) const;

    static bool mayPublish(const Rules &rules, std::string_view topic);
    // A subscription is allowed when a read rule covers the whole filter: "pets/#" covers
    // "pets/+/status", but "pets/+/status" does not cover "pets/#".
    static bool maySubscribe(const Rules &rules, std::string_view filter);
    static bool mayReceive(const Rules &rules, std::string_view topic);

private:
    struct Account
    {
        std::string password;
        Rules rules;
    };

    bool m_allowAnonymous;
    Rules m_anonymous;
    std::vector<std::pair<std::string, Account>> m_accounts;
};

} // namespace petstore::mock
