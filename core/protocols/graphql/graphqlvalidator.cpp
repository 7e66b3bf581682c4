// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/graphql/graphqlvalidator.h"

#include "core/protocols/graphql/graphqllexer.h"
#include "core/protocols/graphql/graphqlvalidationrun.h"

namespace petstore::core {

std::vector<GraphQLError> GraphQLValidator::validate(const GraphQLSchema &schema, const GraphQLDocument &document,
                                                     std::string_view source, std::size_t maxErrors)
{
    GraphQLValidationRun run(schema, document, maxErrors);
    const GraphQLLexer locator(source);
    std::vector<GraphQLError> errors;
    for (GraphQLValidationRun::Report &report : run.run()) {
        GraphQLError error;
        error.message = std::move(report.message);
        for (const std::size_t offset : report.offsets)
            error.locations.push_back(locator.locate(offset));
        errors.push_back(std::move(error));
    }
    return errors;
}

} // namespace petstore::core
