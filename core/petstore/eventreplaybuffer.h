// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/petstore/domainevents.h"

#include <cstdint>
#include <deque>
#include <optional>
#include <vector>

namespace petstore::core {

// The most recent domain events, kept so a reconnecting SSE client that sends Last-Event-ID
// (WHATWG HTML §9.2.4) gets what it missed. Bounded by count: memory stays flat however long the
// server runs.
class EventReplayBuffer
{
public:
    explicit EventReplayBuffer(std::size_t capacity = 1000) : m_capacity(capacity) {}

    void append(const CloudEvent &event);
    void setCapacity(std::size_t capacity);
    std::size_t size() const { return m_events.size(); }

    struct Replay
    {
        std::vector<CloudEvent> events;   // every event after the given id, oldest first
        // Set when events after the id are no longer all held: the oldest id still available
        // (0 when the buffer is empty). The caller must say so rather than skip silently.
        std::optional<std::uint64_t> gapBefore;
    };
    // Events after `lastId`. An id newer than any event sent (a previous server run) replays
    // nothing and reports the gap as well.
    Replay after(std::uint64_t lastId, std::uint64_t lastPublished) const;

private:
    std::size_t m_capacity;
    std::deque<CloudEvent> m_events;
};

} // namespace petstore::core
