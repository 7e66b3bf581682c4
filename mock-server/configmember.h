// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <initializer_list>
#include <string>
#include <vector>

namespace petstore::mock {

// Reads the integer member `name` of a configuration object into `out` when it is within
// [min, max]; otherwise records a field error at `prefix` + "/" + name. Absent: nothing.
inline void readIntMember(const nlohmann::json &object, const char *name, int min, int max, int &out,
                          std::vector<core::FieldError> &errors, const std::string &prefix = {})
{
    if (!object.contains(name))
        return;
    const nlohmann::json &v = object.at(name);
    if (!v.is_number_integer() || v.get<long long>() < min || v.get<long long>() > max) {
        errors.push_back({prefix + "/" + name,
                          "must be an integer from " + std::to_string(min) + " to " + std::to_string(max), "range"});
        return;
    }
    out = v.get<int>();
}

// Records a field error for every member of `object` not named in `known`.
inline void rejectUnknownMembers(const nlohmann::json &object, std::initializer_list<const char *> known,
                                 std::vector<core::FieldError> &errors, const std::string &prefix)
{
    for (const auto &[key, value] : object.items())
        if (std::none_of(known.begin(), known.end(), [&key = key](const char *name) { return key == name; }))
            errors.push_back({prefix + "/" + key, "unknown configuration member", "additionalProperties"});
}

} // namespace petstore::mock
