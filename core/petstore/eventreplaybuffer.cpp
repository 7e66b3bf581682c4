// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/petstore/eventreplaybuffer.h"

#include <algorithm>

namespace petstore::core {

void EventReplayBuffer::append(const CloudEvent &event)
{
    if (m_capacity == 0)
        return;
    m_events.push_back(event);
    while (m_events.size() > m_capacity)
        m_events.pop_front();
}

void EventReplayBuffer::setCapacity(std::size_t capacity)
{
    m_capacity = capacity;
    while (m_events.size() > m_capacity)
        m_events.pop_front();
}

EventReplayBuffer::Replay EventReplayBuffer::after(std::uint64_t lastId, std::uint64_t lastPublished) const
{
    Replay replay;
    const std::uint64_t oldest = m_events.empty() ? 0 : m_events.front().sequence;
    if (lastId > lastPublished) {
        replay.gapBefore = oldest;
        return replay;
    }
    if (lastId == lastPublished)
        return replay;
    // Something after lastId was published; it is all here only if the buffer reaches back to
    // lastId + 1.
    if (m_events.empty() || oldest > lastId + 1)
        replay.gapBefore = oldest;
    const auto first = std::upper_bound(m_events.begin(), m_events.end(), lastId,
                                        [](std::uint64_t id, const CloudEvent &e) { return id < e.sequence; });
    replay.events.assign(first, m_events.end());
    return replay;
}

} // namespace petstore::core
