// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/mqtt/mqttsubscriptiontree.h"

#include "core/protocols/mqtt/mqtttopic.h"
#include "mock-server/mqtt/mqttsession.h"

#include <algorithm>

namespace petstore::mock {

namespace {

std::vector<std::string_view> splitLevels(std::string_view topic)
{
    std::vector<std::string_view> levels;
    std::size_t start = 0;
    for (std::size_t slash; (slash = topic.find('/', start)) != std::string_view::npos; start = slash + 1)
        levels.push_back(topic.substr(start, slash - start));
    levels.push_back(topic.substr(start));
    return levels;
}

} // namespace

MqttSubscriptionTree::MqttSubscriptionTree() : m_root(std::make_unique<Node>()) {}

MqttSubscriptionTree::~MqttSubscriptionTree() = default;

bool MqttSubscriptionTree::add(std::string_view filter, MqttSession *session, const MqttSubscriptionOptions &options)
{
    const auto shared = core::MqttTopic::shared(filter);
    Node *node = m_root.get();
    for (std::string_view level : splitLevels(shared ? std::string_view(shared->filter) : filter)) {
        auto it = node->children.find(level);
        if (it == node->children.end())
            it = node->children.emplace(std::string(level), std::make_unique<Node>()).first;
        node = it->second.get();
    }
    std::vector<Member> &members = shared ? node->groups[shared->group].members : node->members;
    auto existing = std::find_if(members.begin(), members.end(), [session](const Member &m) { return m.session == session; });
    if (existing != members.end()) {
        existing->options = options;
        return false;
    }
    members.push_back({session, options});
    ++m_count;
    return true;
}

bool MqttSubscriptionTree::remove(std::string_view filter, MqttSession *session)
{
    const auto shared = core::MqttTopic::shared(filter);
    std::vector<Node *> path{m_root.get()};
    const std::vector<std::string_view> levels = splitLevels(shared ? std::string_view(shared->filter) : filter);
    for (std::string_view level : levels) {
        auto it = path.back()->children.find(level);
        if (it == path.back()->children.end())
            return false;
        path.push_back(it->second.get());
    }
    Node *node = path.back();
    std::vector<Member> *members = &node->members;
    if (shared) {
        auto group = node->groups.find(shared->group);
        if (group == node->groups.end())
            return false;
        members = &group->second.members;
    }
    auto existing = std::find_if(members->begin(), members->end(), [session](const Member &m) { return m.session == session; });
    if (existing == members->end())
        return false;
    members->erase(existing);
    --m_count;
    if (shared && members->empty())
        node->groups.erase(shared->group);
    // Prune the branch back to the first node still in use.
    for (std::size_t i = levels.size(); i > 0 && path[i]->empty(); --i)
        path[i - 1]->children.erase(path[i - 1]->children.find(levels[i - 1]));
    return true;
}

void MqttSubscriptionTree::match(std::string_view topic, const Visitor &visit)
{
    matchLevel(*m_root, splitLevels(topic), 0, visit);
}

void MqttSubscriptionTree::matchLevel(Node &node, const std::vector<std::string_view> &levels, std::size_t index,
                                      const Visitor &visit)
{
    // §4.7.2: a filter starting with a wildcard does not match a topic starting with `$`.
    const bool wildcards = index > 0 || levels[0].empty() || levels[0].front() != '$';
    if (wildcards) {
        // `#` matches the parent level too: "sport/#" matches "sport" (§4.7.1.2).
        if (auto hash = node.children.find(std::string_view("#")); hash != node.children.end())
            visitNode(*hash->second, visit);
    }
    if (index == levels.size()) {
        visitNode(node, visit);
        return;
    }
    if (wildcards) {
        if (auto plus = node.children.find(std::string_view("+")); plus != node.children.end())
            matchLevel(*plus->second, levels, index + 1, visit);
    }
    if (auto exact = node.children.find(levels[index]); exact != node.children.end())
        matchLevel(*exact->second, levels, index + 1, visit);
}

void MqttSubscriptionTree::visitNode(Node &node, const Visitor &visit)
{
    for (const Member &member : node.members)
        visit(member.session, member.options);
    for (auto &[name, group] : node.groups)
        visitGroup(group, visit);
}

void MqttSubscriptionTree::visitGroup(SharedGroup &group, const Visitor &visit)
{
    // Round robin over the members, skipping offline ones while another is connected; when
    // none is, the offline members take turns (their sessions queue the message).
    const std::size_t count = group.members.size();
    std::size_t chosen = group.next % count;
    for (std::size_t tried = 0; tried < count; ++tried) {
        const std::size_t index = (group.next + tried) % count;
        if (group.members[index].session->connected()) {
            chosen = index;
            break;
        }
    }
    group.next = (chosen + 1) % count;
    visit(group.members[chosen].session, group.members[chosen].options);
}

} // namespace petstore::mock
