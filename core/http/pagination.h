// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace petstore::core {

enum class PageMode { Page, Cursor };

// What a client asked for: page+limit or cursor+limit (DESIGN §6), never both.
struct PageRequest
{
    static constexpr int DefaultLimit = 20;
    static constexpr int MaxLimit = 100;

    int limit = DefaultLimit;
    std::optional<int> page;           // 1-based
    std::optional<std::string> cursor; // opaque, issued in pagination.nextCursor/prevCursor
    // The mode of a request that names neither page nor cursor; an endpoint that wants
    // clients to start cursor pagination without a cursor sets Cursor.
    PageMode whenUnspecified = PageMode::Page;

    PageMode mode() const
    {
        return cursor ? PageMode::Cursor : page ? PageMode::Page : whenUnspecified;
    }
};

// The slice of the collection to return: items [offset, offset + count), already clamped to
// the collection, so a page past the end is an empty window rather than an error.
struct PageWindow
{
    std::size_t offset = 0;
    std::size_t count = 0;
};

// Collection paging for every list route: `{"data", "pagination", "links"}` envelopes.
// Cursors encode an offset with a version tag and a checksum; the checksum detects edited or
// truncated cursors, it does not authenticate them (a forged cursor only selects an offset
// the client could have asked for with page+limit anyway).
class Pagination
{
public:
    static constexpr int DefaultLimit = PageRequest::DefaultLimit;
    static constexpr int MaxLimit = PageRequest::MaxLimit;
    using QueryItems = std::vector<std::pair<std::string, std::string>>;

    // Reads page, limit and cursor from decoded query items (the first occurrence of each)
    // and validates them; other items are ignored. Errors name "query.<param>".
    static Result<PageRequest> fromQuery(const QueryItems &query,
                                         PageMode whenUnspecified = PageMode::Page);
    // limit 1..MaxLimit, page >= 1, page and cursor exclusive, cursor well-formed.
    static Status validate(const PageRequest &request);
    static Result<PageWindow> window(const PageRequest &request, std::size_t totalItems);

    // Builds the collection body. Links are relative (path + query): `otherQuery` (filters,
    // sort, ...) come first in their given order, then page or cursor, then limit, all
    // percent-encoded. `path` is used as given and must already be a valid path.
    static nlohmann::json envelope(nlohmann::json dataArray, const PageRequest &request,
                                   const PageWindow &window, std::size_t totalItems,
                                   const std::string &path, const QueryItems &otherQuery);

    static std::string encodeCursor(std::size_t offset);
    static std::optional<std::size_t> decodeCursor(std::string_view cursor);
};

} // namespace petstore::core
