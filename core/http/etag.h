// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace petstore::core {

// One entity-tag (RFC 9110 §8.8.3): `opaque` is the text between the quotes.
struct EntityTag
{
    bool weak = false;
    std::string opaque;

    bool operator==(const EntityTag &other) const
    {
        return weak == other.weak && opaque == other.opaque;
    }
};

// Entity tags and the If-Match / If-None-Match preconditions (RFC 9110 §8.8.3, §13.1.1-2).
// Pure functions; all inputs are field values as received, combined with ", " when a header
// was repeated.
class ETag
{
public:
    // `"` + base64url(first 16 bytes of SHA-256(bytes)) + `"`: changes with every byte, so it
    // validates the exact representation (§8.8.1 strong validator).
    static std::string strongFor(std::string_view bytes);
    // `W/"<8 hex digits of SHA-256(id)>-<revision>"`: the resource's revision changes with
    // every write, but different serializations of one revision share it (weak validator).
    static std::string weakForRevision(std::string_view id, std::uint64_t revision);

    // Exactly one entity-tag, surrounding whitespace allowed; nullopt when malformed.
    static std::optional<EntityTag> parse(std::string_view text);
    // A `#entity-tag` list (RFC 9110 §5.6.1: empty elements are skipped). nullopt when any
    // element is malformed or the value is `*` (callers test for `*` first).
    static std::optional<std::vector<EntityTag>> parseList(std::string_view fieldValue);

    // If-None-Match (§13.1.2): true when the request should proceed, i.e. no listed tag
    // weakly matches `etag`, or `*` was sent and there is no current representation
    // (`etag` empty). A malformed field matches nothing, so the request proceeds.
    static bool noneMatch(std::string_view ifNoneMatch, std::string_view etag);
    // If-Match (§13.1.1): true when `*` was sent and a representation exists, or a listed tag
    // strongly matches `etag`. Weak tags never match; a malformed field never matches.
    static bool match(std::string_view ifMatch, std::string_view etag);

    static bool strongCompare(const EntityTag &a, const EntityTag &b);
    static bool weakCompare(const EntityTag &a, const EntityTag &b);
};

} // namespace petstore::core
