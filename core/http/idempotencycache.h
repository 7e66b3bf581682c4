// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/http/httpmessage.h"

#include <cstddef>
#include <cstdint>
#include <list>
#include <string>
#include <string_view>
#include <unordered_map>

namespace petstore::core {

// Remembers the first response to each Idempotency-Key so a retried POST replays it instead
// of acting twice (draft-ietf-httpapi-idempotency-key-header). Keys are scoped by the caller
// (principal + method + path) so two clients cannot collide. Each entry keeps a SHA-256
// fingerprint of the request body: the same key with a different body is a Mismatch (422).
//
// Bounded: at most `maxEntries` (least recently used evicted first), each living `ttlMs` from
// when it was stored. The clock is injected (milliseconds). Not thread-safe; the mock
// serializes calls on its own thread. The cache stores the response as given: marking a
// replay (Idempotent-Replayed) and choosing which responses to store is the caller's policy.
class IdempotencyCache
{
public:
    static constexpr std::size_t DefaultMaxEntries = 10000;
    static constexpr std::int64_t DefaultTtlMs = 24LL * 60 * 60 * 1000;
    static constexpr std::size_t MaxKeyLength = 255;

    enum class Outcome { Miss, Replay, Mismatch };

    struct Lookup
    {
        Outcome outcome = Outcome::Miss;
        HttpResponse response; // the stored response when outcome is Replay
    };

    explicit IdempotencyCache(std::size_t maxEntries = DefaultMaxEntries,
                              std::int64_t ttlMs = DefaultTtlMs);

    Lookup lookup(const std::string &scope, const std::string &key, std::string_view body,
                  std::int64_t nowMs);
    // Stores (or replaces) the entry for (scope, key), restarting its time to live.
    void store(const std::string &scope, const std::string &key, std::string_view body,
               HttpResponse response, std::int64_t nowMs);

    std::size_t size() const { return m_entries.size(); }
    void clear();

    // 1..255 printable ASCII characters (0x20-0x7E).
    static bool isValidKey(std::string_view key);

private:
    struct Entry
    {
        std::string id; // scope + '\0' + key: unambiguous, a valid key has no NUL
        std::string fingerprint;
        HttpResponse response;
        std::int64_t expiresMs = 0;
    };
    using Lru = std::list<Entry>; // most recently used first

    void erase(std::unordered_map<std::string, Lru::iterator>::iterator found);
    void dropExpiredTail(std::int64_t nowMs);

    std::size_t m_maxEntries;
    std::int64_t m_ttlMs;
    Lru m_lru;
    std::unordered_map<std::string, Lru::iterator> m_entries;
};

} // namespace petstore::core
