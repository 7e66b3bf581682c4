// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/traffic/trafficlog.h"

#include <algorithm>

namespace petstore::core {

TrafficLog::TrafficLog(std::size_t capacity, std::size_t maxRawBytes, std::size_t maxTotalRawBytes)
    : m_capacity(std::max<std::size_t>(capacity, 1))
    , m_maxRawBytes(maxRawBytes)
    , m_maxTotalRawBytes(std::max(maxTotalRawBytes, 2 * maxRawBytes))
{
}

const TrafficRecord &TrafficLog::append(TrafficRecord record)
{
    record.id = m_nextId++;
    if (record.rawRequest.size() > m_maxRawBytes)
        record.rawRequest.resize(m_maxRawBytes);
    if (record.rawResponse.size() > m_maxRawBytes)
        record.rawResponse.resize(m_maxRawBytes);
    const std::size_t raw = record.rawRequest.size() + record.rawResponse.size();
    while (!m_records.empty() && (m_records.size() == m_capacity || m_totalRawBytes + raw > m_maxTotalRawBytes)) {
        m_totalRawBytes -= m_records.front().rawRequest.size() + m_records.front().rawResponse.size();
        m_records.pop_front();
    }
    m_totalRawBytes += raw;
    m_records.push_back(std::move(record));
    return m_records.back();
}

std::vector<TrafficRecord> TrafficLog::latest(std::size_t limit) const
{
    const std::size_t n = std::min(limit, m_records.size());
    return std::vector<TrafficRecord>(m_records.rbegin(), m_records.rbegin() + std::ptrdiff_t(n));
}

void TrafficLog::clear()
{
    m_records.clear();
    m_totalRawBytes = 0;
}

} // namespace petstore::core
