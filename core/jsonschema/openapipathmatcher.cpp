// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/jsonschema/openapipathmatcher.h"

#include "core/http/percentencoding.h"

#include "core/jsonschema/jsonpointer.h"

#include <algorithm>

namespace petstore::core {

namespace {

// Splits "/a/b" into {"a", "b"}; "/" is one empty segment and "/a/" ends with one.
std::vector<std::string_view> splitPath(std::string_view path)
{
    std::vector<std::string_view> segments;
    std::size_t start = 1;
    while (true) {
        const std::size_t slash = path.find('/', start);
        if (slash == std::string_view::npos) {
            segments.push_back(path.substr(start));
            return segments;
        }
        segments.push_back(path.substr(start, slash - start));
        start = slash + 1;
    }
}

} // namespace

bool OpenApiPathMatcher::add(std::string_view pathTemplate, std::size_t routeId)
{
    if (pathTemplate.empty() || pathTemplate.front() != '/')
        return false;
    Route route;
    route.id = routeId;
    for (const std::string_view text : splitPath(pathTemplate)) {
        Segment segment;
        std::size_t pos = 0;
        while (pos < text.size()) {
            const std::size_t open = text.find('{', pos);
            if (open != pos) {
                const std::string_view literal = text.substr(pos, open - pos);
                if (literal.find('}') != std::string_view::npos)
                    return false;
                segment.parts.push_back({std::string(literal), false});
                if (open == std::string_view::npos)
                    break;
            }
            const std::size_t close = text.find('}', open);
            const std::string_view name = text.substr(open + 1, close == std::string_view::npos ? 0 : close - open - 1);
            if (close == std::string_view::npos || name.empty() || name.find('{') != std::string_view::npos
                || (!segment.parts.empty() && segment.parts.back().isExpression))
                return false;
            segment.parts.push_back({std::string(name), true});
            pos = close + 1;
        }
        const bool hasExpression = std::any_of(segment.parts.begin(), segment.parts.end(),
                                               [](const Part &part) { return part.isExpression; });
        segment.rank = !hasExpression ? 2 : (segment.parts.size() == 1 ? 0 : 1);
        route.segments.push_back(std::move(segment));
    }
    const std::size_t count = route.segments.size();
    if (m_routesBySegmentCount.size() <= count)
        m_routesBySegmentCount.resize(count + 1);
    std::vector<Route> &group = m_routesBySegmentCount[count];
    // Insert after every route at least as specific, so equal templates keep document order.
    const auto position = std::find_if(group.begin(), group.end(),
                                       [&route](const Route &other) { return moreSpecific(route, other); });
    group.insert(position, std::move(route));
    return true;
}

std::optional<OpenApiPathMatcher::Match> OpenApiPathMatcher::match(std::string_view path) const
{
    if (path.empty() || path.front() != '/')
        return std::nullopt;
    const std::vector<std::string_view> rawSegments = splitPath(path);
    if (rawSegments.size() >= m_routesBySegmentCount.size() || m_routesBySegmentCount[rawSegments.size()].empty())
        return std::nullopt;
    // Decode after splitting, so "%2F" stays inside its segment (RFC 3986 §2.2).
    std::vector<std::string> segments;
    segments.reserve(rawSegments.size());
    for (const std::string_view raw : rawSegments) {
        std::optional<std::string> decoded = PercentEncoding::decode(raw);
        if (!decoded)
            return std::nullopt;
        segments.push_back(std::move(*decoded));
    }
    Match result;
    for (const Route &route : m_routesBySegmentCount[segments.size()]) {
        result.params.clear();
        bool matched = true;
        for (std::size_t i = 0; i < segments.size() && matched; ++i)
            matched = matchSegment(route.segments[i], segments[i], result.params);
        if (matched) {
            result.routeId = route.id;
            return result;
        }
    }
    return std::nullopt;
}

bool OpenApiPathMatcher::moreSpecific(const Route &a, const Route &b)
{
    for (std::size_t i = 0; i < a.segments.size() && i < b.segments.size(); ++i)
        if (a.segments[i].rank != b.segments[i].rank)
            return a.segments[i].rank > b.segments[i].rank;
    return false;
}

bool OpenApiPathMatcher::matchSegment(const Segment &segment, const std::string &text,
                                      std::map<std::string, std::string> &params)
{
    if (segment.rank == 2)
        return segment.parts.empty() ? text.empty() : text == segment.parts.front().text;
    std::size_t pos = 0;
    for (std::size_t k = 0; k < segment.parts.size(); ++k) {
        const Part &part = segment.parts[k];
        if (!part.isExpression) {
            if (text.compare(pos, part.text.size(), part.text) != 0)
                return false;
            pos += part.text.size();
            continue;
        }
        // An expression takes the shortest non-empty text up to the next literal part.
        std::size_t end = text.size();
        if (k + 1 < segment.parts.size()) {
            end = text.find(segment.parts[k + 1].text, pos + 1);
            if (end == std::string::npos)
                return false;
        }
        if (end <= pos)
            return false;
        params[part.text] = text.substr(pos, end - pos);
        pos = end;
    }
    return pos == text.size();
}

} // namespace petstore::core
