// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/mqtt/mqtttopic.h"

namespace petstore::core {

namespace {

constexpr std::string_view SharePrefix = "$share/";
constexpr std::size_t MaxTopicBytes = 65535;   // a two-byte length prefix (§1.5.4)

Error invalid(const std::string &message)
{
    return Error::make(ErrorKind::Validation, message);
}

} // namespace

Status MqttTopic::validateName(std::string_view topic)
{
    if (topic.empty())
        return invalid("a topic name needs at least one character");
    if (topic.size() > MaxTopicBytes)
        return invalid("a topic name is at most 65,535 bytes");
    if (topic.find_first_of("+#") != std::string_view::npos)
        return invalid("a topic name cannot contain the wildcards + or #");
    return Done{};
}

std::optional<MqttTopic::Shared> MqttTopic::shared(std::string_view filter)
{
    if (filter.substr(0, SharePrefix.size()) != SharePrefix)
        return std::nullopt;
    const std::string_view rest = filter.substr(SharePrefix.size());
    const std::size_t slash = rest.find('/');
    if (slash == std::string_view::npos)
        return Shared{std::string(rest), std::string()};
    return Shared{std::string(rest.substr(0, slash)), std::string(rest.substr(slash + 1))};
}

Status MqttTopic::validateFilter(std::string_view filter)
{
    if (filter.empty())
        return invalid("a topic filter needs at least one character");
    if (filter.size() > MaxTopicBytes)
        return invalid("a topic filter is at most 65,535 bytes");
    if (auto share = shared(filter)) {
        if (share->group.empty() || share->group.find_first_of("+#") != std::string::npos)
            return invalid("a shared subscription needs a group name without + or # ($share/{group}/{filter})");
        if (share->filter.empty())
            return invalid("a shared subscription needs a filter after the group ($share/{group}/{filter})");
        filter = std::string_view(filter).substr(SharePrefix.size() + share->group.size() + 1);
    }
    for (std::size_t i = 0; i < filter.size(); ++i) {
        const char c = filter[i];
        const bool levelStart = i == 0 || filter[i - 1] == '/';
        const bool levelEnd = i + 1 == filter.size() || filter[i + 1] == '/';
        if (c == '+' && !(levelStart && levelEnd))
            return invalid("+ must fill a whole topic level");
        if (c == '#' && !(levelStart && i + 1 == filter.size()))
            return invalid("# must be the last character, alone in its level");
    }
    return Done{};
}

bool MqttTopic::matches(std::string_view filter, std::string_view topic)
{
    if (!topic.empty() && topic.front() == '$' && !filter.empty() && (filter.front() == '+' || filter.front() == '#'))
        return false;
    std::size_t f = 0;
    std::size_t t = 0;
    while (true) {
        const std::size_t fEnd = std::min(filter.find('/', f), filter.size());
        const std::string_view level = filter.substr(f, fEnd - f);
        if (level == "#")
            return true;   // the rest, including the parent level itself ("a/#" matches "a")
        if (t > topic.size())
            return false;
        const std::size_t tEnd = std::min(topic.find('/', t), topic.size());
        if (level != "+" && level != topic.substr(t, tEnd - t))
            return false;
        const bool filterDone = fEnd == filter.size();
        const bool topicDone = tEnd == topic.size();
        if (filterDone || topicDone) {
            if (filterDone && topicDone)
                return true;
            // "sport/#" matches "sport": the topic ended, the filter's next level is "#".
            return topicDone && filter.substr(fEnd + 1) == "#";
        }
        f = fEnd + 1;
        t = tEnd + 1;
    }
}

} // namespace petstore::core
