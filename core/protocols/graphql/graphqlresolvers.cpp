// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/graphql/graphqlresolvers.h"

#include "core/protocols/graphql/graphqlbuiltins.h"

namespace petstore::core {

std::vector<std::string> GraphQLResolvers::missing(const GraphQLSchema &schema) const
{
    std::vector<std::string> holes;
    for (const auto &type : schema.types()) {
        // Subscription root fields take their values from events (executeSubscriptionEvent).
        if (type->kind != GraphQLNamedType::Kind::Object || GraphQLBuiltins::isIntrospectionType(type->name)
            || type.get() == schema.subscriptionType())
            continue;
        for (const GraphQLSchemaField &field : type->fields)
            if (!find(type->name, field.name))
                holes.push_back(type->name + '.' + field.name);
    }
    return holes;
}

} // namespace petstore::core
