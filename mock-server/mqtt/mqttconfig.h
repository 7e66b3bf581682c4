// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace petstore::mock {

// One line of a topic access list: what a client may do with topics matching `filter`.
struct MqttAclRule
{
    std::string filter;
    bool read = false;     // subscribe and receive
    bool write = false;    // publish
};

struct MqttUser
{
    std::string username;
    std::string password;
    bool restricted = false;           // false: no "acl" given, every topic allowed
    std::vector<MqttAclRule> acl;
};

// The broker's settings (DESIGN §4, §7): the `mqtt` member of the --config file, and
// --mqtt-port. They apply when the mock starts.
struct MqttConfig
{
    int port = 1883;                   // 0 picks a free one
    int tlsPort = 8883;                // used only when the mock has a TLS certificate
    int maxPacketBytes = 1024 * 1024;  // Maximum Packet Size announced and enforced (0x95 above it)
    int receiveMaximum = 1024;         // QoS 2 messages a client may have unreleased (0x93 above it)
    int maxInflightMessages = 1000;    // our cap on a client's Receive Maximum (docs/performance.md: deeper windows cut the QoS 1 tail)
    int maxQueuedMessages = 1000;      // per session, for offline clients and full windows
    int topicAliasMaximum = 32;        // inbound topic aliases per connection
    int maxKeepAliveSeconds = 0;       // 0: accept the client's; else the Server Keep Alive cap
    int sysIntervalSeconds = 10;       // how often $SYS/broker/... is published
    bool allowAnonymous = true;
    bool anonymousRestricted = false;
    std::vector<MqttAclRule> anonymousAcl;
    std::vector<MqttUser> users;

    // Reads the `mqtt` object of a configuration file; every invalid member is reported.
    core::Status applyJson(const nlohmann::json &object);
};

} // namespace petstore::mock
