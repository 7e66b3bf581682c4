// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/petstore/jsonmemberreader.h"

#include "core/petstore/domainrules.h"
#include "core/petstore/uuid.h"

#include <cstdint>

namespace petstore::core {

JsonMemberReader::JsonMemberReader(const nlohmann::json &object, std::string pointer,
                                   std::vector<FieldError> &errors)
    : m_object(object), m_pointer(std::move(pointer)), m_errors(errors)
{
    if (!m_object.is_object())
        fail(m_pointer, "must be an object", "type");
}

const nlohmann::json *JsonMemberReader::find(std::string_view key) const
{
    if (!m_object.is_object())
        return nullptr;
    const auto it = m_object.find(std::string(key));
    if (it == m_object.end() || it->is_null())
        return nullptr;
    return &*it;
}

std::string JsonMemberReader::pointerTo(std::string_view key) const
{
    // RFC 6901 §3: "~" and "/" inside a reference token are escaped as ~0 and ~1.
    std::string token;
    for (const char c : key) {
        if (c == '~')
            token += "~0";
        else if (c == '/')
            token += "~1";
        else
            token += c;
    }
    return m_pointer + '/' + token;
}

void JsonMemberReader::fail(std::string field, std::string message, std::string code)
{
    m_errors.push_back(FieldError{std::move(field), std::move(message), std::move(code)});
}

const nlohmann::json *JsonMemberReader::present(std::string_view key, Presence presence)
{
    const nlohmann::json *value = find(key);
    if (!value && presence == Presence::Required && m_object.is_object())
        fail(pointerTo(key), "is required", "required");
    return value;
}

std::optional<std::string> JsonMemberReader::rawString(std::string_view key, Presence presence)
{
    const nlohmann::json *value = present(key, presence);
    if (!value)
        return std::nullopt;
    if (!value->is_string()) {
        fail(pointerTo(key), "must be a string", "type");
        return std::nullopt;
    }
    return value->get<std::string>();
}

std::optional<std::string> JsonMemberReader::text(std::string_view key, Presence presence,
                                                  std::size_t maxLength, std::size_t minLength)
{
    std::optional<std::string> value = rawString(key, presence);
    if (!value)
        return std::nullopt;
    const std::size_t length = domainrules::codePointCount(*value);
    if (length < minLength) {
        fail(pointerTo(key), "must be at least " + std::to_string(minLength) + " characters",
             "minLength");
        return std::nullopt;
    }
    if (length > maxLength) {
        fail(pointerTo(key), "must be at most " + std::to_string(maxLength) + " characters",
             "maxLength");
        return std::nullopt;
    }
    return value;
}

std::optional<bool> JsonMemberReader::boolean(std::string_view key, Presence presence)
{
    const nlohmann::json *value = present(key, presence);
    if (!value)
        return std::nullopt;
    if (!value->is_boolean()) {
        fail(pointerTo(key), "must be a boolean", "type");
        return std::nullopt;
    }
    return value->get<bool>();
}

std::optional<long long> JsonMemberReader::integer(std::string_view key, Presence presence,
                                                   long long min, long long max)
{
    const nlohmann::json *value = present(key, presence);
    if (!value)
        return std::nullopt;
    if (!value->is_number_integer()) {
        fail(pointerTo(key), "must be an integer", "type");
        return std::nullopt;
    }
    // Unsigned values above LLONG_MAX must not wrap into range.
    const bool tooBig = value->is_number_unsigned()
        && value->get<std::uint64_t>() > static_cast<std::uint64_t>(max);
    const long long number = tooBig ? max : value->get<long long>();
    if (tooBig || number > max) {
        fail(pointerTo(key), "must be at most " + std::to_string(max), "maximum");
        return std::nullopt;
    }
    if (number < min) {
        fail(pointerTo(key), "must be at least " + std::to_string(min), "minimum");
        return std::nullopt;
    }
    return number;
}

std::optional<TimePoint> JsonMemberReader::time(std::string_view key, Presence presence)
{
    const std::optional<std::string> value = rawString(key, presence);
    if (!value)
        return std::nullopt;
    const std::optional<TimePoint> parsed = parseRfc3339(*value);
    if (!parsed)
        fail(pointerTo(key), "must be an RFC 3339 date-time", "format");
    return parsed;
}

std::optional<std::string> JsonMemberReader::money(std::string_view key, Presence presence)
{
    std::optional<std::string> value = rawString(key, presence);
    if (value && !domainrules::isMoney(*value)) {
        fail(pointerTo(key), "must be a decimal string with at most two fraction digits",
             "pattern");
        return std::nullopt;
    }
    return value;
}

std::optional<std::string> JsonMemberReader::currency(std::string_view key, Presence presence)
{
    std::optional<std::string> value = rawString(key, presence);
    if (value && !domainrules::isCurrency(*value)) {
        fail(pointerTo(key), "must be one of USD, EUR, GBP, CAD, AUD", "enum");
        return std::nullopt;
    }
    return value;
}

std::optional<std::string> JsonMemberReader::uuid(std::string_view key, Presence presence)
{
    std::optional<std::string> value = rawString(key, presence);
    if (value && !isUuid(*value)) {
        fail(pointerTo(key), "must be a UUID", "format");
        return std::nullopt;
    }
    return value;
}

} // namespace petstore::core
