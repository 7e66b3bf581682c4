// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/traffic/trafficrecord.h"

#include <deque>
#include <vector>

namespace petstore::core {

// Bounded in-memory capture: at most `capacity` records, raw bytes cut at `maxRawBytes` each and
// at most `maxTotalRawBytes` raw bytes in all (oldest records go first), so a load test cannot
// grow memory without limit. Assigns monotonic ids.
class TrafficLog
{
public:
    explicit TrafficLog(std::size_t capacity = 10000, std::size_t maxRawBytes = 64 * 1024,
                        std::size_t maxTotalRawBytes = 32 * 1024 * 1024);

    const TrafficRecord &append(TrafficRecord record);
    std::vector<TrafficRecord> latest(std::size_t limit) const;   // newest first
    std::size_t size() const { return m_records.size(); }
    std::size_t rawBytes() const { return m_totalRawBytes; }
    std::uint64_t totalRecorded() const { return m_nextId - 1; }
    void clear();

private:
    std::size_t m_capacity;
    std::size_t m_maxRawBytes;
    std::size_t m_maxTotalRawBytes;
    std::size_t m_totalRawBytes = 0;
    std::uint64_t m_nextId = 1;
    std::deque<TrafficRecord> m_records;
};

} // namespace petstore::core
