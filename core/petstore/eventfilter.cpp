// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/petstore/eventfilter.h"

#include <algorithm>

namespace petstore::core {

EventFilter::EventFilter(const std::string &types, std::string subject) : m_subject(std::move(subject))
{
    // "/v1/pets/" and "/v1/pets" select the same subtree.
    while (m_subject.size() > 1 && m_subject.back() == '/')
        m_subject.pop_back();
    std::size_t start = 0;
    while (start <= types.size()) {
        const std::size_t comma = std::min(types.find(',', start), types.size());
        std::string item = types.substr(start, comma - start);
        if (!item.empty() && item.back() == '*')
            m_prefixes.push_back(item.substr(0, item.size() - 1));
        else if (!item.empty())
            m_exact.push_back(std::move(item));
        start = comma + 1;
    }
}

bool EventFilter::matches(const CloudEvent &event) const
{
    if (!m_subject.empty()) {
        const std::string &s = event.subject;
        const bool inside = s.compare(0, m_subject.size(), m_subject) == 0
                            && (s.size() == m_subject.size() || s[m_subject.size()] == '/' || m_subject == "/");
        if (!inside)
            return false;
    }
    if (m_exact.empty() && m_prefixes.empty())
        return true;
    if (std::find(m_exact.begin(), m_exact.end(), event.type) != m_exact.end())
        return true;
    return std::any_of(m_prefixes.begin(), m_prefixes.end(),
                       [&event](const std::string &prefix) { return event.type.compare(0, prefix.size(), prefix) == 0; });
}

} // namespace petstore::core
