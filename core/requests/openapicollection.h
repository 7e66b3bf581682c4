// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/requests/httprequestspec.h"
#include "core/result.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace petstore::core {

struct CollectionFolder
{
    std::string name;
    std::vector<HttpRequestSpec> requests;
};

struct Collection
{
    std::string name;
    std::vector<CollectionFolder> folders;

    std::size_t requestCount() const;
};

// "New collection from OpenAPI": one request per operation of an OpenAPI 3.x document, grouped
// by the operation's first tag (paths in sorted order, untagged ones in "default"), with path
// parameters, required query and header parameters and a request body filled
// from the document's examples (or generated from the schema). URLs start with {{baseUrl}}, which
// already holds the server's base path ("/v1"), so the same collection works on every target.
class OpenApiCollection
{
public:
    // JSON or YAML text.
    static Result<Collection> fromText(std::string_view text);
    static Result<Collection> fromJson(const nlohmann::json &document);

private:
    static Result<Collection> collect(const nlohmann::json &document);
};

} // namespace petstore::core
