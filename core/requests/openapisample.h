// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

namespace petstore::core {

// Builds an example value from an OpenAPI 3.x schema for a request body: the schema's own
// example, default, const or first enum value when it has one, otherwise a value of the right
// shape (every property of an object except readOnly ones, one item per array, format-aware
// strings). $ref into the same document is followed; cycles and nesting beyond 8 levels stop
// with null, so hostile documents cannot hang the import.
class OpenApiSample
{
public:
    explicit OpenApiSample(const nlohmann::json &document) : m_document(document) {}

    nlohmann::json valueFor(const nlohmann::json &schema) const;

private:
    nlohmann::json valueFor(const nlohmann::json &schema, int depth, std::vector<std::string> &refs) const;
    nlohmann::json objectFor(const nlohmann::json &schema, int depth, std::vector<std::string> &refs) const;

    const nlohmann::json &m_document;
};

} // namespace petstore::core
