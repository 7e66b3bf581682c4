// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/idempotencycache.h"

#include "core/http/sha256digest.h"

#include <QByteArray>

#include <algorithm>
#include <utility>

namespace petstore::core {

namespace {

std::string fingerprintOf(std::string_view body)
{
    return Sha256Digest::of(body).toStdString();
}

std::string entryId(const std::string &scope, const std::string &key)
{
    std::string id;
    id.reserve(scope.size() + 1 + key.size());
    id += scope;
    id += '\0';
    id += key;
    return id;
}

} // namespace

IdempotencyCache::IdempotencyCache(std::size_t maxEntries, std::int64_t ttlMs)
    : m_maxEntries(std::max<std::size_t>(maxEntries, 1)), m_ttlMs(std::max<std::int64_t>(ttlMs, 0))
{
}

IdempotencyCache::Lookup IdempotencyCache::lookup(const std::string &scope, const std::string &key,
                                                  std::string_view body, std::int64_t nowMs)
{
    dropExpiredTail(nowMs);
    const auto found = m_entries.find(entryId(scope, key));
    if (found == m_entries.end())
        return {};
    if (found->second->expiresMs <= nowMs) {
        erase(found);
        return {};
    }
    m_lru.splice(m_lru.begin(), m_lru, found->second);
    const Entry &entry = *found->second;
    if (entry.fingerprint != fingerprintOf(body))
        return Lookup{Outcome::Mismatch, {}};
    return Lookup{Outcome::Replay, entry.response};
}

void IdempotencyCache::store(const std::string &scope, const std::string &key,
                             std::string_view body, HttpResponse response, std::int64_t nowMs)
{
    dropExpiredTail(nowMs);
    Entry entry{entryId(scope, key), fingerprintOf(body), std::move(response), nowMs + m_ttlMs};
    const auto found = m_entries.find(entry.id);
    if (found != m_entries.end())
        erase(found);
    m_lru.push_front(std::move(entry));
    m_entries.emplace(m_lru.front().id, m_lru.begin());
    while (m_entries.size() > m_maxEntries)
        erase(m_entries.find(m_lru.back().id));
}

void IdempotencyCache::clear()
{
    m_entries.clear();
    m_lru.clear();
}

bool IdempotencyCache::isValidKey(std::string_view key)
{
    return !key.empty() && key.size() <= MaxKeyLength
        && std::all_of(key.begin(), key.end(), [](char c) { return c >= 0x20 && c <= 0x7E; });
}

void IdempotencyCache::erase(std::unordered_map<std::string, Lru::iterator>::iterator found)
{
    const Lru::iterator entry = found->second;
    m_entries.erase(found);
    m_lru.erase(entry);
}

void IdempotencyCache::dropExpiredTail(std::int64_t nowMs)
{
    // Expired entries elsewhere in the list are dropped when looked up or evicted; checking
    // only the cold end keeps each call amortized O(1).
    while (!m_lru.empty() && m_lru.back().expiresMs <= nowMs)
        erase(m_entries.find(m_lru.back().id));
}

} // namespace petstore::core
