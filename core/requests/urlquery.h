// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/requests/httprequestspec.h"

#include <string>
#include <string_view>
#include <vector>

namespace petstore::core {

// Keeps the REST panel's query table and URL in step. `{{variables}}` pass through both ways
// untouched, so "{{baseUrl}}/pets?limit={{n}}" stays readable.
class UrlQuery
{
public:
    // The query of `url` (between '?' and '#') as decoded rows, in order; '+' is a space
    // (WHATWG application/x-www-form-urlencoded).
    static std::vector<KeyValueRow> rows(std::string_view url);
    // `url` with its query replaced by the enabled, non-empty rows, percent-encoded (RFC 3986
    // §2.1) except inside `{{...}}`; the fragment is kept. withRows(u, rows(u)) == u whenever u's
    // query is already in that encoding.
    static std::string withRows(std::string_view url, const std::vector<KeyValueRow> &rows);
};

} // namespace petstore::core
