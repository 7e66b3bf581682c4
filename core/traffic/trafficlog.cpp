// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/traffic/trafficlog.h"

#include <algorithm>

namespace petstore::core {

TrafficLog::TrafficLog(std::size_t capacity, std::size_t maxRawBytes)
    : m_capacity(std::max<std::size_t>(capacity, 1)), m_maxRawBytes(maxRawBytes)
{
}

const TrafficRecord &TrafficLog::append(TrafficRecord record)
{
    record.id = m_nextId++;
    if (record.rawRequest.size() > m_maxRawBytes)
        record.rawRequest.resize(m_maxRawBytes);
    if (record.rawResponse.size() > m_maxRawBytes)
        record.rawResponse.resize(m_maxRawBytes);
    if (m_records.size() == m_capacity)
        m_records.pop_front();
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
}

} // namespace petstore::core
