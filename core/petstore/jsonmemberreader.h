// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/petstore/domainenums.h"
#include "core/petstore/domaintime.h"
#include "core/result.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace petstore::core {

// Reads typed members of one JSON object and records every broken rule as a FieldError with a
// JSON pointer (RFC 6901), so a caller can report all problems at once rather than the first.
// A null member counts as absent (RFC 7396 merge patches delete members by setting null).
// Never throws: each access checks the JSON type first. Not part of the public API.
class JsonMemberReader
{
public:
    enum class Presence { Optional, Required };

    // `pointer` is the JSON pointer of `object` itself ("" for a document root). Errors are
    // appended to `errors`, which nested readers share. A non-object is reported at once.
    JsonMemberReader(const nlohmann::json &object, std::string pointer,
                     std::vector<FieldError> &errors);

    bool isObject() const { return m_object.is_object(); }
    const nlohmann::json *find(std::string_view key) const;
    std::string pointerTo(std::string_view key) const;
    void fail(std::string field, std::string message, std::string code);

    // Lengths count Unicode code points.
    std::optional<std::string> text(std::string_view key, Presence presence,
                                    std::size_t maxLength, std::size_t minLength = 0);
    std::optional<bool> boolean(std::string_view key, Presence presence);
    std::optional<long long> integer(std::string_view key, Presence presence, long long min,
                                     long long max);
    std::optional<TimePoint> time(std::string_view key, Presence presence);
    std::optional<std::string> money(std::string_view key, Presence presence);
    std::optional<std::string> currency(std::string_view key, Presence presence);
    std::optional<std::string> uuid(std::string_view key, Presence presence);

    // An upper-case wire name; `count` is the number of enumerators (for the error message).
    template<typename Enum>
    std::optional<Enum> enumeration(std::string_view key, Presence presence,
                                    std::optional<Enum> (*parse)(std::string_view), int count)
    {
        const std::optional<std::string> name = rawString(key, presence);
        if (!name)
            return std::nullopt;
        if (const std::optional<Enum> value = parse(*name))
            return value;
        std::string allowed;
        for (int i = 0; i < count; ++i)
            allowed += (i ? ", " : "") + std::string(toString(static_cast<Enum>(i)));
        fail(pointerTo(key), "must be one of " + allowed, "enum");
        return std::nullopt;
    }

private:
    const nlohmann::json *present(std::string_view key, Presence presence);
    std::optional<std::string> rawString(std::string_view key, Presence presence);

    const nlohmann::json &m_object;
    std::string m_pointer;
    std::vector<FieldError> &m_errors;
};

} // namespace petstore::core
