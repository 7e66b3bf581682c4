// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace petstore::mock {

class MqttSession;

// What a SUBSCRIBE asked for one filter (MQTT 5.0 §3.8.3.1; 3.1.1 has only the QoS).
struct MqttSubscriptionOptions
{
    std::uint8_t qos = 0;
    bool noLocal = false;
    bool retainAsPublished = false;
    std::uint8_t retainHandling = 0;
    std::uint32_t identifier = 0;   // 0: none (§3.8.2.1.2)
};

// Every session's subscriptions as a tree of topic levels, so routing a message costs the depth
// of its topic rather than the number of subscriptions (as in mosquitto's subs tree). `+` and
// `#` are children like any level; `$share/{group}/{filter}` lives on the filter's node as a
// group that receives each message once, round robin over its members (§4.8.2).
class MqttSubscriptionTree
{
public:
    MqttSubscriptionTree();
    ~MqttSubscriptionTree();

    // Adds or replaces the session's subscription to a valid filter; true when it is new.
    bool add(std::string_view filter, MqttSession *session, const MqttSubscriptionOptions &options);
    // False when the session had no such subscription.
    bool remove(std::string_view filter, MqttSession *session);
    std::size_t size() const { return m_count; }

    // Calls `visit` for every ordinary subscription matching `topic` (the `$`-topic rule of
    // §4.7.2 applied) and for one chosen member of every matching shared group.
    using Visitor = std::function<void(MqttSession *, const MqttSubscriptionOptions &)>;
    void match(std::string_view topic, const Visitor &visit);

private:
    struct Member
    {
        MqttSession *session;
        MqttSubscriptionOptions options;
    };
    struct SharedGroup
    {
        std::vector<Member> members;
        std::size_t next = 0;
    };
    struct Node
    {
        std::map<std::string, std::unique_ptr<Node>, std::less<>> children;
        std::vector<Member> members;
        std::map<std::string, SharedGroup, std::less<>> groups;
        bool empty() const { return children.empty() && members.empty() && groups.empty(); }
    };

    void matchLevel(Node &node, const std::vector<std::string_view> &levels, std::size_t index, const Visitor &visit);
    void visitNode(Node &node, const Visitor &visit);
    static void visitGroup(SharedGroup &group, const Visitor &visit);

    std::unique_ptr<Node> m_root;
    std::size_t m_count = 0;
};

} // namespace petstore::mock
