// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/graphql/graphqlconfig.h"

#include "mock-server/configmember.h"

namespace petstore::mock {

core::Status GraphQLConfig::applyJson(const nlohmann::json &object)
{
    if (!object.is_object())
        return core::Error::make(core::ErrorKind::Validation, "invalid configuration", {{"/graphql", "must be an object", "type"}});
    GraphQLConfig next = *this;
    std::vector<core::FieldError> errors;
    rejectUnknownMembers(object, {"maxDepth", "maxComplexity", "maxAliases", "maxTokens"}, errors, "/graphql");
    readIntMember(object, "maxDepth", 1, 100, next.maxDepth, errors, "/graphql");
    readIntMember(object, "maxComplexity", 1, 100000000, next.maxComplexity, errors, "/graphql");
    readIntMember(object, "maxAliases", 0, 100000, next.maxAliases, errors, "/graphql");
    readIntMember(object, "maxTokens", 100, 10000000, next.maxTokens, errors, "/graphql");
    if (!errors.empty())
        return core::Error::make(core::ErrorKind::Validation, "invalid configuration", std::move(errors));
    *this = next;
    return core::Done{};
}

core::GraphQLEngine::Limits GraphQLConfig::engineLimits() const
{
    core::GraphQLEngine::Limits limits;
    limits.maxTokens = static_cast<std::size_t>(maxTokens);
    limits.cost.maxDepth = maxDepth;
    limits.cost.maxComplexity = maxComplexity;
    limits.cost.maxAliases = maxAliases;
    return limits;
}

} // namespace petstore::mock
