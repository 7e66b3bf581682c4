// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/jsonschema/openapiparameter.h"

#include "core/jsonschema/jsonpointer.h"

#include <algorithm>
#include <charconv>
#include <cstdint>

namespace petstore::core {

using nlohmann::json;

namespace {

constexpr int kMaxRefHops = 32;

// `key` of a schema, looking through "$ref"s: a sibling of "$ref" wins over its target.
const json *findInSchema(const json *schema, const char *key, const json &document)
{
    for (int hop = 0; schema && schema->is_object() && hop < kMaxRefHops; ++hop) {
        const auto it = schema->find(key);
        if (it != schema->end())
            return &*it;
        const auto ref = schema->find("$ref");
        if (ref == schema->end() || !ref->is_string())
            return nullptr;
        schema = resolveJsonReference(document, ref->get_ref<const std::string &>());
    }
    return nullptr;
}

bool isDigits(std::string_view text)
{
    if (text.empty())
        return false;
    for (const char c : text)
        if (c < '0' || c > '9')
            return false;
    return true;
}

bool isIntegerText(std::string_view text)
{
    return isDigits(!text.empty() && text.front() == '-' ? text.substr(1) : text);
}

// RFC 8259 §6 number grammar, so "1e3" and "-0.5" pass and "0x10", "inf", " 1" do not.
bool isNumberText(std::string_view text)
{
    if (!text.empty() && text.front() == '-')
        text.remove_prefix(1);
    const std::size_t exponent = text.find_first_of("eE");
    std::string_view mantissa = text.substr(0, exponent);
    const std::size_t dot = mantissa.find('.');
    if (!isDigits(mantissa.substr(0, dot)) || (dot != std::string_view::npos && !isDigits(mantissa.substr(dot + 1))))
        return false;
    if (exponent == std::string_view::npos)
        return true;
    std::string_view power = text.substr(exponent + 1);
    if (!power.empty() && (power.front() == '+' || power.front() == '-'))
        power.remove_prefix(1);
    return isDigits(power);
}

std::optional<json> parseInteger(std::string_view text)
{
    const char *first = text.data();
    const char *last = text.data() + text.size();
    std::int64_t value = 0;
    const std::from_chars_result result = std::from_chars(first, last, value);
    if (result.ec == std::errc() && result.ptr == last)
        return json(value);
    std::uint64_t unsignedValue = 0;
    const std::from_chars_result unsignedResult = std::from_chars(first, last, unsignedValue);
    if (unsignedResult.ec == std::errc() && unsignedResult.ptr == last)
        return json(unsignedValue);
    return std::nullopt;
}

std::optional<json> parseNumber(std::string_view text)
{
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return json(value);
}

} // namespace

std::optional<OpenApiParameter> OpenApiParameter::fromJson(const json &parameter, const json &document)
{
    if (!parameter.is_object())
        return std::nullopt;
    const auto name = parameter.find("name");
    const auto in = parameter.find("in");
    if (name == parameter.end() || !name->is_string() || in == parameter.end() || !in->is_string())
        return std::nullopt;
    OpenApiParameter result;
    result.m_name = name->get<std::string>();
    const std::string &location = in->get_ref<const std::string &>();
    if (location == "path")
        result.m_location = Location::Path;
    else if (location == "query")
        result.m_location = Location::Query;
    else if (location == "header")
        result.m_location = Location::Header;
    else if (location == "cookie")
        result.m_location = Location::Cookie;
    else
        return std::nullopt;
    const auto required = parameter.find("required");
    result.m_required = result.m_location == Location::Path
        || (required != parameter.end() && required->is_boolean() && required->get<bool>());

    // OpenAPI 3.1 §4.8.12, Style Values: query and cookie default to style form, path and
    // header to simple; explode defaults to true only for form.
    const bool formLike = result.m_location == Location::Query || result.m_location == Location::Cookie;
    const auto style = parameter.find("style");
    const std::string styleName = style != parameter.end() && style->is_string()
        ? style->get<std::string>() : (formLike ? "form" : "simple");
    const auto explode = parameter.find("explode");
    const bool exploded = explode != parameter.end() && explode->is_boolean() ? explode->get<bool>()
                                                                             : styleName == "form";
    result.m_delimiter = styleName == "spaceDelimited" ? ' ' : (styleName == "pipeDelimited" ? '|' : ',');
    result.m_itemPerOccurrence = formLike && exploded;

    const auto schema = parameter.find("schema");
    if (schema != parameter.end()) {
        result.m_schema = &*schema;
        result.m_types = typesOf(findInSchema(result.m_schema, "type", document));
        result.m_isArray = (result.m_types & Array) != 0;
        if (result.m_isArray)
            result.m_itemTypes = typesOf(findInSchema(findInSchema(result.m_schema, "items", document),
                                                      "type", document));
        result.m_default = findInSchema(result.m_schema, "default", document);
    }
    return result;
}

json OpenApiParameter::decode(const std::vector<std::string_view> &values) const
{
    if (!m_isArray)
        return values.size() == 1 ? decodeScalar(values.front(), m_types) : json();
    json items = json::array();
    for (const std::string_view value : values) {
        if (m_itemPerOccurrence) {
            items.push_back(decodeScalar(value, m_itemTypes));
            continue;
        }
        // OpenAPI 3.1 §4.8.12, Style Examples: an empty value is an empty array.
        for (std::size_t start = 0; !value.empty() && start <= value.size();) {
            const std::size_t end = std::min(value.find(m_delimiter, start), value.size());
            items.push_back(decodeScalar(value.substr(start, end - start), m_itemTypes));
            start = end + 1;
        }
    }
    return items;
}

unsigned OpenApiParameter::typesOf(const json *type)
{
    if (!type)
        return 0;
    const auto bit = [](const json &name) -> unsigned {
        if (!name.is_string())
            return 0;
        const std::string &text = name.get_ref<const std::string &>();
        if (text == "string")
            return String;
        if (text == "integer")
            return Integer;
        if (text == "number")
            return Number;
        if (text == "boolean")
            return Boolean;
        return text == "array" ? static_cast<unsigned>(Array) : 0u;
    };
    if (!type->is_array())
        return bit(*type);
    unsigned bits = 0;
    for (const json &name : *type)
        bits |= bit(name);
    return bits;
}

json OpenApiParameter::decodeScalar(std::string_view text, unsigned types)
{
    if ((types & (Integer | Number)) && isIntegerText(text)) {
        if (std::optional<json> value = parseInteger(text))
            return *value;
    }
    if ((types & Number) && isNumberText(text)) {
        if (std::optional<json> value = parseNumber(text))
            return *value;
    }
    if ((types & Boolean) && (text == "true" || text == "false"))
        return json(text == "true");
    return json(std::string(text));
}

} // namespace petstore::core
