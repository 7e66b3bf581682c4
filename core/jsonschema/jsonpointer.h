// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace petstore::core {

// Evaluates an RFC 6901 JSON pointer ("" is the whole document, "/components/schemas/Pet")
// against `root`. Returns nullptr when the pointer is malformed or names nothing. The result
// points into `root`. Never throws.
const nlohmann::json *resolveJsonPointer(const nlohmann::json &root, std::string_view pointer);

// Resolves a same-document reference ("#", "#/components/schemas/Pet") as used by "$ref":
// the fragment is percent-decoded (RFC 3986 §2.1) and then evaluated as a JSON pointer
// (RFC 6901 §6). Returns nullptr for references to other documents or that name nothing.
const nlohmann::json *resolveJsonReference(const nlohmann::json &root, std::string_view reference);

// Appends "/" and `token` escaped per RFC 6901 §3 ("~" -> "~0", "/" -> "~1") to `pointer`.
void appendJsonPointerToken(std::string &pointer, std::string_view token);

} // namespace petstore::core
