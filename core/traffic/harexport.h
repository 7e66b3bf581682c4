// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/traffic/trafficrecord.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace petstore::core {

// Captured traffic in the formats other tools read: HAR 1.2 (browsers' devtools, Postman,
// Insomnia) for HTTP exchanges, and JSON lines for every protocol.
class HarExport
{
public:
    // A HAR 1.2 document (http://www.softwareishard.com/blog/har-12-spec/) with one entry per
    // "http" record, rebuilt from the record's raw bytes; records whose bytes were truncated or
    // dropped still produce a valid entry from their summary members.
    static nlohmann::json document(const std::vector<TrafficRecord> &records, const std::string &creatorVersion);
    // One `TrafficRecord::toJson(true)` per line, any protocol.
    static std::string jsonLines(const std::vector<TrafficRecord> &records);
};

} // namespace petstore::core
