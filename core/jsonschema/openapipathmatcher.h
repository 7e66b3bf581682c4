// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace petstore::core {

// Matches request paths against OpenAPI path templates ("/v1/pets/{petId}", OpenAPI 3.1
// §4.8.8). Templates are compiled into segment lists once; a match splits the request path
// on "/", percent-decodes each segment and compares segment lists, with no regular
// expressions. Not thread-safe while adding; match() is const and thread-safe.
class OpenApiPathMatcher
{
public:
    struct Match
    {
        std::size_t routeId = 0;
        std::map<std::string, std::string> params; // template expression name -> decoded text
    };

    // Adds a template under `routeId`. A segment may hold literal text and expressions
    // ("{petId}", "report.{format}"), but no two expressions side by side. Returns false and
    // adds nothing when the template does not start with "/" or an expression is malformed.
    bool add(std::string_view pathTemplate, std::size_t routeId);

    // The most specific template that matches `path` (without query string). OpenAPI 3.1
    // §4.8.8, Path Templating Matching: concrete paths win over templated ones; comparing
    // segment by segment from the left, a literal segment beats a partly templated one, which
    // beats a bare "{param}".
    // Expressions never match empty text, so "/v1/pets/" matches neither "/v1/pets" nor
    // "/v1/pets/{petId}". A path with a malformed percent escape matches nothing.
    std::optional<Match> match(std::string_view path) const;

private:
    struct Part
    {
        std::string text;   // literal text, or the expression name
        bool isExpression = false;
    };
    struct Segment
    {
        std::vector<Part> parts;
        int rank = 0;       // 2 literal, 1 literal and expressions, 0 a bare expression
    };
    struct Route
    {
        std::vector<Segment> segments;
        std::size_t id = 0;
    };

    static bool moreSpecific(const Route &a, const Route &b);
    static bool matchSegment(const Segment &segment, const std::string &text,
                             std::map<std::string, std::string> &params);

    // Routes grouped by segment count, each group ordered most specific first.
    std::vector<std::vector<Route>> m_routesBySegmentCount;
};

} // namespace petstore::core
