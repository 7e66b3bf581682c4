// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/graphql/graphqlparser.h"

#include "core/protocols/graphql/graphqldocumentreader.h"

namespace petstore::core {

const GraphQLTypeRef &GraphQLTypeRef::named() const
{
    const GraphQLTypeRef *at = this;
    while (at->kind != Kind::Named)
        at = at->of.get();
    return *at;
}

std::string GraphQLTypeRef::print() const
{
    switch (kind) {
    case Kind::Named: return name;
    case Kind::List: return '[' + of->print() + ']';
    case Kind::NonNull: return of->print() + '!';
    }
    return name;
}

Result<GraphQLDocument> GraphQLParser::parse(std::string_view source, Limits limits)
{
    return GraphQLDocumentReader(source, limits).document();
}

} // namespace petstore::core
