// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <cstddef>
#include <cstdint>
#include <list>
#include <string>
#include <unordered_map>

namespace petstore::core {

// Token buckets per client key (client id, IP address or token subject). Each bucket holds up
// to `capacity` tokens and refills continuously at `refillPerSecond`; a request takes one.
// The clock is injected: every call passes a steady time in milliseconds. Not thread-safe;
// the mock serializes calls on its own thread.
//
// Memory is bounded: a full bucket is indistinguishable from a new one and is dropped, and
// beyond `maxKeys` buckets the least recently used one is evicted (its client starts again
// with a full bucket, which errs on the side of letting requests through).
class TokenBucketRateLimiter
{
public:
    static constexpr std::size_t DefaultMaxKeys = 10000;

    // Feeds the RateLimit-Limit / -Remaining / -Reset fields and Retry-After
    // (draft-ietf-httpapi-ratelimit-headers). With no limit configured every field is 0.
    struct Decision
    {
        bool allowed = true;
        int limit = 0;             // capacity; 0 means unlimited
        int remaining = 0;         // whole tokens left after this request
        int resetSeconds = 0;      // until the bucket is full again (rounded up)
        int retryAfterSeconds = 0; // until one token is available (rounded up, >= 1 when denied)
    };

    explicit TokenBucketRateLimiter(int capacity = 0, double refillPerSecond = 1.0,
                                    std::size_t maxKeys = DefaultMaxKeys);

    // capacity 0 disables limiting. A limited configuration needs refillPerSecond > 0.
    // Every bucket starts afresh; an invalid configuration is refused and the old one kept.
    Status configure(int capacity, double refillPerSecond);
    int capacity() const { return m_capacity; }
    double refillPerSecond() const { return m_refillPerSecond; }

    Decision take(const std::string &key, std::int64_t nowMs);

    // Buckets currently held (for tests and the admin status view).
    std::size_t trackedKeys() const { return m_buckets.size(); }

private:
    struct Bucket
    {
        std::string key;
        double tokens = 0;
        std::int64_t updatedMs = 0;
    };
    using Lru = std::list<Bucket>; // most recently used first

    void refill(Bucket &bucket, std::int64_t nowMs) const;
    bool isFull(const Bucket &bucket, std::int64_t nowMs) const;
    void dropColdBuckets(std::int64_t nowMs);
    int secondsUntil(double tokens) const;

    int m_capacity;
    double m_refillPerSecond;
    std::size_t m_maxKeys;
    Lru m_lru;
    std::unordered_map<std::string, Lru::iterator> m_buckets;
};

} // namespace petstore::core
