// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/petstore/domainevents.h"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace petstore::core {

// The named channels a domain event belongs to, shared by every push transport that lets
// clients subscribe by channel (WebSocket now, Socket.IO rooms later; DESIGN §5): `pets` and
// `pet:{id}` for pet events, `orders` and `order:{id}` for order and payment events,
// `inventory` for stock events.
class EventChannels
{
public:
    static std::vector<std::string> of(const CloudEvent &event);
    // The most specific of `subscribed` that the event belongs to (pet:{id} before pets), so a
    // subscriber of both gets the event once; nothing when it belongs to none of them.
    static std::optional<std::string> mostSpecific(const CloudEvent &event, const std::set<std::string> &subscribed);
    // A channel a client may subscribe to: one of the collections, or `pet:`/`order:` with an id
    // of 1..64 characters from [A-Za-z0-9-].
    static bool isValid(const std::string &channel);
    static const std::vector<std::string> &collections();
};

} // namespace petstore::core
