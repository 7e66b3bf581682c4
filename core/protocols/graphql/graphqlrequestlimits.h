// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocols/graphql/graphqlast.h"
#include "core/protocols/graphql/graphqlschema.h"

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>

namespace petstore::core {

// What one operation may cost before it runs: how deep its fields nest, how many aliases it
// uses, and its complexity — each field costs 1 and its sub-selection counts `first` times
// when it takes a `first` argument (the page size); __typename is free. Fragments count where
// they are spread. Introspection (`__schema`, `__type`) counts as one level deep, since its
// type references nest by design and validation bounds its lists. Each fragment is measured
// once, so an operation cannot make the measurement itself expensive.
class GraphQLRequestLimits
{
public:
    struct Limits
    {
        int maxDepth = 12;
        long maxComplexity = 1000;
        int maxAliases = 50;
    };
    struct Refusal
    {
        std::string message;
        std::string code;          // DEPTH_LIMIT_EXCEEDED, COMPLEXITY_LIMIT_EXCEEDED, ALIAS_LIMIT_EXCEEDED
        std::size_t offset = 0;    // the operation
    };

    static std::optional<Refusal> check(const GraphQLDocument &document, const GraphQLOperation &operation,
                                        const nlohmann::json &variables, const Limits &limits);

private:
    struct Cost
    {
        int depth = 0;
        long complexity = 0;
        long aliases = 0;
    };

    GraphQLRequestLimits(const GraphQLDocument &document, const nlohmann::json &variables) : m_document(document), m_variables(variables) {}
    Cost measure(const std::vector<GraphQLSelection> &selections);
    long pageSize(const GraphQLSelection &field) const;

    const GraphQLDocument &m_document;
    const nlohmann::json &m_variables;
    std::map<std::string, Cost> m_fragments;
};

} // namespace petstore::core
