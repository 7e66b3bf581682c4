// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/petstore/eventchannels.h"

#include <cctype>

namespace petstore::core {

namespace {

bool startsWith(const std::string &text, const char *prefix)
{
    return text.rfind(prefix, 0) == 0;
}

// The id after a subject's collection: "/v1/pets/abc" -> "abc".
std::string subjectId(const std::string &subject, const char *collection)
{
    return startsWith(subject, collection) ? subject.substr(std::char_traits<char>::length(collection)) : std::string();
}

bool validId(const std::string &id)
{
    if (id.empty() || id.size() > 64)
        return false;
    for (unsigned char c : id)
        if (!std::isalnum(c) && c != '-')
            return false;
    return true;
}

} // namespace

const std::vector<std::string> &EventChannels::collections()
{
    static const std::vector<std::string> names = {"pets", "orders", "inventory"};
    return names;
}

std::vector<std::string> EventChannels::of(const CloudEvent &event)
{
    if (startsWith(event.type, "pet.")) {
        const std::string id = subjectId(event.subject, "/v1/pets/");
        return id.empty() ? std::vector<std::string>{"pets"} : std::vector<std::string>{"pets", "pet:" + id};
    }
    if (startsWith(event.type, "order.")) {
        const std::string id = subjectId(event.subject, "/v1/orders/");
        return id.empty() ? std::vector<std::string>{"orders"} : std::vector<std::string>{"orders", "order:" + id};
    }
    if (startsWith(event.type, "payment.")) {
        // A payment is part of its order's story: subscribers of order:{id} see it settle.
        const std::string orderId = event.data.is_object() ? event.data.value("orderId", std::string()) : std::string();
        return orderId.empty() ? std::vector<std::string>{"orders"}
                               : std::vector<std::string>{"orders", "order:" + orderId};
    }
    if (startsWith(event.type, "inventory."))
        return {"inventory"};
    return {};
}

std::optional<std::string> EventChannels::mostSpecific(const CloudEvent &event, const std::set<std::string> &subscribed)
{
    if (subscribed.empty())
        return std::nullopt;
    // of() lists the collection first, the resource's own channel after it.
    const std::vector<std::string> channels = of(event);
    for (auto it = channels.rbegin(); it != channels.rend(); ++it)
        if (subscribed.count(*it))
            return *it;
    return std::nullopt;
}

bool EventChannels::isValid(const std::string &channel)
{
    for (const std::string &name : collections())
        if (channel == name)
            return true;
    if (startsWith(channel, "pet:"))
        return validId(channel.substr(4));
    if (startsWith(channel, "order:"))
        return validId(channel.substr(6));
    return false;
}

} // namespace petstore::core
