// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocols/graphql/graphqlast.h"
#include "core/protocols/graphql/graphqllexer.h"
#include "core/result.h"

#include <string_view>

namespace petstore::core {

// Parses an executable GraphQL document (spec §2.2–§2.12) by recursive descent. Errors are
// ErrorKind::BadRequest with graphql-js's message ("Syntax Error: Expected Name, found \"}\".")
// and the location as "line:column" in the first field error. Nesting deeper than `maxDepth`
// (selection sets, lists, objects, list types) is refused, so hostile input cannot exhaust the
// stack; `maxTokens` bounds the work.
class GraphQLParser
{
public:
    struct Limits
    {
        std::size_t maxTokens = 100000;
        int maxDepth = 128;
    };

    static Result<GraphQLDocument> parse(std::string_view source, Limits limits);
    static Result<GraphQLDocument> parse(std::string_view source) { return parse(source, Limits{}); }
};

} // namespace petstore::core
