// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/petstore/store.h"

#include "core/petstore/domainjson.h"
#include "core/petstore/jsonmemberreader.h"

#include <algorithm>
#include <cmath>

namespace petstore::core {

namespace {

using Presence = JsonMemberReader::Presence;

constexpr const char *Activities[] = {"RESTING", "SLEEPING", "WALKING", "PLAYING", "RUNNING"};

// Ranges wide enough for every species the store sells, narrow enough to catch a sensor
// reporting garbage (a cat at 400 °C is a unit mix-up, not a reading).
constexpr long long MinHeartRate = 10;
constexpr long long MaxHeartRate = 400;
constexpr double MinTemperatureC = 25.0;
constexpr double MaxTemperatureC = 45.0;

} // namespace

Result<PetHealthReading> Store::recordHealthReading(const std::string &petId, const nlohmann::json &body)
{
    if (m_pets.count(petId) == 0)
        return Error::make(ErrorKind::NotFound, "pet " + petId + " does not exist");
    std::vector<FieldError> errors;
    JsonMemberReader r(body, "", errors);
    PetHealthReading reading;
    reading.petId = petId;
    if (auto device = r.text("deviceId", Presence::Required, 64, 1))
        reading.deviceId = std::move(*device);
    if (auto rate = r.integer("heartRate", Presence::Required, MinHeartRate, MaxHeartRate))
        reading.heartRate = int(*rate);
    if (const nlohmann::json *temperature = r.find("temperatureC")) {
        if (!temperature->is_number() || !std::isfinite(temperature->get<double>())
            || temperature->get<double>() < MinTemperatureC || temperature->get<double>() > MaxTemperatureC)
            r.fail("/temperatureC", "must be a number from 25 to 45", "range");
        else
            reading.temperatureC = temperature->get<double>();
    } else if (r.isObject()) {
        r.fail("/temperatureC", "is required", "required");
    }
    if (auto activity = r.text("activity", Presence::Required, 16, 1)) {
        if (std::find(std::begin(Activities), std::end(Activities), *activity) == std::end(Activities))
            r.fail("/activity", "must be one of RESTING, SLEEPING, WALKING, PLAYING, RUNNING", "enum");
        reading.activity = std::move(*activity);
    }
    const auto recordedAt = r.time("recordedAt", Presence::Optional);
    reading.recordedAt = recordedAt.value_or(m_clock());
    static const std::string known[] = {"deviceId", "heartRate", "temperatureC", "activity", "recordedAt"};
    if (body.is_object())
        for (const auto &member : body.items())
            if (std::find(std::begin(known), std::end(known), member.key()) == std::end(known))
                r.fail("/" + member.key(), "is not a member of a health reading", "additionalProperties");
    if (!errors.empty())
        return Error::make(ErrorKind::Validation, "the health reading is not valid", std::move(errors));
    std::deque<PetHealthReading> &kept = m_health[petId];
    kept.push_front(reading);
    if (kept.size() > MaxHealthReadings)
        kept.pop_back();
    publish("pet.health_reported", "/v1/pets/" + petId + "/health", toJson(reading));
    return reading;
}

Result<std::vector<PetHealthReading>> Store::healthReadings(const std::string &petId) const
{
    if (m_pets.count(petId) == 0)
        return Error::make(ErrorKind::NotFound, "pet " + petId + " does not exist");
    const auto it = m_health.find(petId);
    if (it == m_health.end())
        return std::vector<PetHealthReading>();
    return std::vector<PetHealthReading>(it->second.begin(), it->second.end());
}

} // namespace petstore::core
