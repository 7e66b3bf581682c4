// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <nlohmann/json.hpp>

#include <string_view>

namespace petstore::core {

// YAML to JSON following the YAML 1.2 core schema for plain scalars (null, booleans, integers,
// floats); quoted scalars stay strings. Used for specs at build time (spec2json) and for OpenAPI
// documents a user imports.
class YamlDocument
{
public:
    static Result<nlohmann::json> toJson(std::string_view text);
};

} // namespace petstore::core
