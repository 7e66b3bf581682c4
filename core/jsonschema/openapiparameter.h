// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace petstore::core {

// One parameter of an operation (OpenAPI 3.1 §4.8.12 Parameter Object), compiled once so that
// a request only has to split and convert text. Holds pointers into the OpenAPI document,
// which must outlive it.
class OpenApiParameter
{
public:
    enum class Location { Path, Query, Header, Cookie };

    // Compiles a resolved Parameter Object; `document` resolves "$ref"s inside its schema.
    // nullopt when it has no name or an unknown "in".
    static std::optional<OpenApiParameter> fromJson(const nlohmann::json &parameter,
                                                    const nlohmann::json &document);

    const std::string &name() const { return m_name; }
    Location location() const { return m_location; }
    // Path parameters are always required (OpenAPI 3.1 §4.8.12, "required").
    bool required() const { return m_required; }
    // Whether the schema describes an array, which is the only kind that may repeat in a query.
    bool isArray() const { return m_isArray; }
    // The schema as written (it may be a "$ref"), or nullptr.
    const nlohmann::json *schema() const { return m_schema; }
    // The schema's "default", or nullptr.
    const nlohmann::json *defaultValue() const { return m_default; }

    // Converts the raw, already percent-decoded values (one per occurrence in the request) to
    // the JSON value the schema describes: numbers, booleans, and arrays split by the style
    // (form and simple ",", spaceDelimited " ", pipeDelimited "|"; form with explode=true
    // takes one item per occurrence). Text that does not fit the schema's type stays a string
    // so that schema validation reports it.
    nlohmann::json decode(const std::vector<std::string_view> &values) const;

private:
    // The primitive types a schema allows ("type"), as bits; 0 when it does not say.
    enum TypeBit : unsigned { String = 1, Integer = 2, Number = 4, Boolean = 8, Array = 16 };

    static unsigned typesOf(const nlohmann::json *type);
    static nlohmann::json decodeScalar(std::string_view text, unsigned types);

    std::string m_name;
    Location m_location = Location::Query;
    bool m_required = false;
    bool m_isArray = false;
    bool m_itemPerOccurrence = true;
    char m_delimiter = ',';
    unsigned m_itemTypes = 0;
    unsigned m_types = 0;
    const nlohmann::json *m_schema = nullptr;
    const nlohmann::json *m_default = nullptr;
};

} // namespace petstore::core
