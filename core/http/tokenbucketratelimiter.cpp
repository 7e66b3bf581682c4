// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/tokenbucketratelimiter.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace petstore::core {

namespace {

// Refill arithmetic is in doubles; this absorbs rounding so that, say, 100 ms at 10 tokens/s
// yields a whole token rather than 0.9999999.
constexpr double Epsilon = 1e-9;

bool validConfiguration(int capacity, double refillPerSecond)
{
    return capacity >= 0
        && (capacity == 0 || (std::isfinite(refillPerSecond) && refillPerSecond > 0));
}

} // namespace

TokenBucketRateLimiter::TokenBucketRateLimiter(int capacity, double refillPerSecond,
                                               std::size_t maxKeys)
    : m_capacity(0), m_refillPerSecond(1.0), m_maxKeys(std::max<std::size_t>(maxKeys, 1))
{
    configure(capacity, refillPerSecond);
}

Status TokenBucketRateLimiter::configure(int capacity, double refillPerSecond)
{
    if (!validConfiguration(capacity, refillPerSecond)) {
        std::vector<FieldError> fields;
        if (capacity < 0)
            fields.push_back({"capacity", "must be 0 (unlimited) or more", "minimum"});
        else
            fields.push_back({"refillPerSecond", "must be a positive number", "exclusiveMinimum"});
        return Error::make(ErrorKind::Validation, "invalid rate limit", std::move(fields));
    }
    m_capacity = capacity;
    m_refillPerSecond = refillPerSecond;
    m_buckets.clear();
    m_lru.clear();
    return Done{};
}

TokenBucketRateLimiter::Decision TokenBucketRateLimiter::take(const std::string &key,
                                                              std::int64_t nowMs)
{
    if (m_capacity == 0)
        return Decision{};

    dropColdBuckets(nowMs);

    auto found = m_buckets.find(key);
    if (found == m_buckets.end()) {
        m_lru.push_front(Bucket{key, double(m_capacity), nowMs});
        found = m_buckets.emplace(key, m_lru.begin()).first;
        while (m_buckets.size() > m_maxKeys) {
            m_buckets.erase(m_lru.back().key);
            m_lru.pop_back();
        }
    } else {
        m_lru.splice(m_lru.begin(), m_lru, found->second);
    }
    Bucket &bucket = *found->second;
    refill(bucket, nowMs);

    Decision decision;
    decision.limit = m_capacity;
    decision.allowed = bucket.tokens >= 1.0 - Epsilon;
    if (decision.allowed)
        bucket.tokens = std::max(0.0, bucket.tokens - 1.0);
    decision.remaining = int(std::floor(bucket.tokens + Epsilon));
    decision.resetSeconds = secondsUntil(double(m_capacity) - bucket.tokens);
    decision.retryAfterSeconds = bucket.tokens >= 1.0 - Epsilon
        ? 0
        : std::max(1, secondsUntil(1.0 - bucket.tokens));
    return decision;
}

void TokenBucketRateLimiter::refill(Bucket &bucket, std::int64_t nowMs) const
{
    // A clock that appears to run backwards (calls from another steady source) adds nothing.
    if (nowMs <= bucket.updatedMs)
        return;
    const double gained = double(nowMs - bucket.updatedMs) * m_refillPerSecond / 1000.0;
    bucket.tokens = std::min(double(m_capacity), bucket.tokens + gained);
    bucket.updatedMs = nowMs;
}

bool TokenBucketRateLimiter::isFull(const Bucket &bucket, std::int64_t nowMs) const
{
    const double elapsed = double(std::max<std::int64_t>(0, nowMs - bucket.updatedMs));
    return bucket.tokens + elapsed * m_refillPerSecond / 1000.0 >= double(m_capacity) - Epsilon;
}

void TokenBucketRateLimiter::dropColdBuckets(std::int64_t nowMs)
{
    // Only the cold end is inspected, so each call costs amortized O(1); a bucket drained
    // harder than its neighbours simply waits for the next pass or for LRU eviction.
    while (!m_lru.empty() && isFull(m_lru.back(), nowMs)) {
        m_buckets.erase(m_lru.back().key);
        m_lru.pop_back();
    }
}

int TokenBucketRateLimiter::secondsUntil(double tokens) const
{
    if (tokens <= Epsilon)
        return 0;
    const double seconds = std::ceil(tokens / m_refillPerSecond - Epsilon);
    if (seconds >= double(std::numeric_limits<int>::max()))
        return std::numeric_limits<int>::max();
    return int(seconds);
}

} // namespace petstore::core
