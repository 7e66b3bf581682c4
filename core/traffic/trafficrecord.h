// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/petstore/domaintime.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace petstore::core {

// One captured exchange or frame, any protocol (DESIGN §3 core/traffic). Raw bytes are
// redacted (TrafficRedactor) before they are stored: secrets never reach a capture (§9).
struct TrafficRecord
{
    std::uint64_t id = 0;
    TimePoint time{};
    std::string protocol = "http";
    std::string protocolVersion;   // how to decode the raw bytes: "5" or "3.1.1" for MQTT
    std::string client;
    std::string method;
    std::string path;
    int status = 0;
    double durationMs = 0.0;
    std::size_t requestBytes = 0;
    std::size_t responseBytes = 0;
    std::string summary;        // "GET /v1/pets -> 200"
    std::string tenantId;
    std::string requestId;
    std::string rawRequest;     // redacted, truncated to TrafficLog's cap
    std::string rawResponse;

    // Summary members only; `withRaw` adds rawRequest/rawResponse.
    nlohmann::json toJson(bool withRaw = false) const;
};

} // namespace petstore::core
