// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace petstore::core {

using TimePoint = std::chrono::time_point<std::chrono::system_clock, std::chrono::milliseconds>;
using Clock = std::function<TimePoint()>;

// Wall clock truncated to milliseconds: the precision every wire format here carries.
TimePoint systemNow();

// RFC 3339 / ISO 8601 in UTC with milliseconds: "2026-11-22T10:15:30.123Z" (DESIGN §5).
std::string formatRfc3339(TimePoint t);
// Accepts any RFC 3339 date-time (offsets, optional fraction); nullopt when malformed.
std::optional<TimePoint> parseRfc3339(std::string_view text);

} // namespace petstore::core
