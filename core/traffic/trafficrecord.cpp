// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/traffic/trafficrecord.h"

namespace petstore::core {

namespace {

// Raw bytes may be binary or cut mid-character: replace invalid UTF-8 so the record is valid
// JSON text.
nlohmann::json textOf(const std::string &bytes)
{
    return nlohmann::json::parse(
        nlohmann::json(bytes).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

} // namespace

nlohmann::json TrafficRecord::toJson(bool withRaw) const
{
    nlohmann::json json = {
        {"id", id},
        {"time", formatRfc3339(time)},
        {"protocol", protocol},
        {"client", client},
        {"method", method},
        {"path", path},
        {"status", status},
        {"durationMs", durationMs},
        {"requestBytes", requestBytes},
        {"responseBytes", responseBytes},
        {"summary", summary},
        {"tenantId", tenantId},
        {"requestId", requestId},
    };
    if (!protocolVersion.empty())
        json["protocolVersion"] = protocolVersion;
    if (withRaw) {
        json["rawRequest"] = textOf(rawRequest);
        json["rawResponse"] = textOf(rawResponse);
    }
    return json;
}

} // namespace petstore::core
