// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocols/graphql/graphqlast.h"
#include "core/protocols/graphql/graphqlerror.h"
#include "core/protocols/graphql/graphqlschema.h"

#include <string_view>
#include <vector>

namespace petstore::core {

// Validates an executable document against a schema with every rule of spec §5 (and
// graphql-js's introspection depth rule), answering graphql-js's messages with their
// locations; an empty list means valid. After `maxErrors` errors it stops, as graphql-js does.
class GraphQLValidator
{
public:
    static std::vector<GraphQLError> validate(const GraphQLSchema &schema, const GraphQLDocument &document,
                                              std::string_view source, std::size_t maxErrors = 100);
};

} // namespace petstore::core
