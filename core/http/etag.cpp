// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/etag.h"

#include "core/http/base64url.h"

#include "core/http/sha256digest.h"

#include <QByteArray>

#include <algorithm>

namespace petstore::core {

namespace {

bool isOws(char c)
{
    return c == ' ' || c == '\t';
}

std::string_view trimmed(std::string_view text)
{
    while (!text.empty() && isOws(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isOws(text.back()))
        text.remove_suffix(1);
    return text;
}

// etagc = %x21 / %x23-7E / obs-text (RFC 9110 §8.8.3)
bool isEtagc(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u == 0x21 || (u >= 0x23 && u != 0x7F);
}

// Reads one entity-tag at the front of `text` and consumes it; nullopt when there is none.
std::optional<EntityTag> takeEntityTag(std::string_view &text)
{
    EntityTag tag;
    std::string_view rest = text;
    if (rest.substr(0, 2) == "W/") { // weak = %s"W/": case-sensitive
        tag.weak = true;
        rest.remove_prefix(2);
    }
    if (rest.empty() || rest.front() != '"')
        return std::nullopt;
    rest.remove_prefix(1);
    const auto end = std::find_if_not(rest.begin(), rest.end(), isEtagc);
    if (end == rest.end() || *end != '"')
        return std::nullopt;
    const std::size_t length = std::size_t(end - rest.begin());
    tag.opaque = std::string(rest.substr(0, length));
    rest.remove_prefix(length + 1);
    text = rest;
    return tag;
}

bool isStar(std::string_view fieldValue)
{
    return trimmed(fieldValue) == "*";
}

} // namespace

std::string ETag::strongFor(std::string_view bytes)
{
    const QByteArray digest = Sha256Digest::of(bytes).left(16);
    return '"' + Base64Url::encode(std::string_view(digest.constData(), std::size_t(digest.size())))
        + '"';
}

std::string ETag::weakForRevision(std::string_view id, std::uint64_t revision)
{
    const std::string idHash = Sha256Digest::of(id).left(4).toHex().toStdString();
    return "W/\"" + idHash + '-' + std::to_string(revision) + '"';
}

std::optional<EntityTag> ETag::parse(std::string_view text)
{
    std::string_view rest = trimmed(text);
    std::optional<EntityTag> tag = takeEntityTag(rest);
    if (!tag || !rest.empty())
        return std::nullopt;
    return tag;
}

std::optional<std::vector<EntityTag>> ETag::parseList(std::string_view fieldValue)
{
    std::vector<EntityTag> tags;
    std::string_view rest = fieldValue;
    // RFC 9110 §5.6.1.2: a recipient accepts and ignores empty list elements, so
    // separators may repeat; opaque-tags may contain commas, so scan rather than split.
    while (true) {
        while (!rest.empty() && (isOws(rest.front()) || rest.front() == ','))
            rest.remove_prefix(1);
        if (rest.empty())
            return tags;
        std::optional<EntityTag> tag = takeEntityTag(rest);
        if (!tag)
            return std::nullopt;
        tags.push_back(std::move(*tag));
        while (!rest.empty() && isOws(rest.front()))
            rest.remove_prefix(1);
        if (!rest.empty() && rest.front() != ',')
            return std::nullopt;
    }
}

bool ETag::strongCompare(const EntityTag &a, const EntityTag &b)
{
    // RFC 9110 §8.8.3.2: both strong and identical opaque-tags.
    return !a.weak && !b.weak && a.opaque == b.opaque;
}

bool ETag::weakCompare(const EntityTag &a, const EntityTag &b)
{
    return a.opaque == b.opaque;
}

bool ETag::noneMatch(std::string_view ifNoneMatch, std::string_view etag)
{
    // §13.1.2: "*" is false when a current representation exists.
    if (isStar(ifNoneMatch))
        return etag.empty();
    const std::optional<EntityTag> current = parse(etag);
    const std::optional<std::vector<EntityTag>> listed = parseList(ifNoneMatch);
    if (!current || !listed)
        return true;
    return std::none_of(listed->begin(), listed->end(),
                        [&](const EntityTag &tag) { return weakCompare(tag, *current); });
}

bool ETag::match(std::string_view ifMatch, std::string_view etag)
{
    // §13.1.1: "*" is true when a current representation exists.
    if (isStar(ifMatch))
        return !etag.empty();
    const std::optional<EntityTag> current = parse(etag);
    const std::optional<std::vector<EntityTag>> listed = parseList(ifMatch);
    if (!current || !listed)
        return false;
    return std::any_of(listed->begin(), listed->end(),
                       [&](const EntityTag &tag) { return strongCompare(tag, *current); });
}

} // namespace petstore::core
