// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the GraphQL lexer and parser with arbitrary bytes: every input ends in a document or a
// syntax error with a location inside the source, never a crash, a hang or deep recursion
// (nesting is bounded by the parser's limits).
#include "core/protocols/graphql/graphqlparser.h"

#include <cstdint>
#include <cstdlib>

using namespace petstore::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view source(reinterpret_cast<const char *>(data), size);
    auto parsed = GraphQLParser::parse(source, {20000, 64});
    if (parsed.ok()) {
        for (const GraphQLOperation &operation : parsed->operations)
            for (const GraphQLVariableDefinition &variable : operation.variables)
                (void)variable.type.print();
        return 0;
    }
    // A syntax error always names a place in the source.
    if (parsed.error().kind != ErrorKind::BadRequest || parsed.error().fields.empty())
        std::abort();
    return 0;
}
