// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/graphql/graphqlrequestlimits.h"

#include <algorithm>

namespace petstore::core {

namespace {

constexpr long Ceiling = 1L << 40;   // costs saturate here instead of overflowing

long saturated(long value)
{
    return std::min(value, Ceiling);
}

long product(long a, long b)
{
    return b != 0 && a > Ceiling / b ? Ceiling : a * b;
}

} // namespace

long GraphQLRequestLimits::pageSize(const GraphQLSelection &field) const
{
    for (const GraphQLArgument &argument : field.arguments) {
        if (argument.name != "first")
            continue;
        if (argument.value.kind == GraphQLValue::Kind::Int)
            return std::max(0L, std::strtol(argument.value.text.c_str(), nullptr, 10));
        if (argument.value.kind == GraphQLValue::Kind::Variable) {
            const auto it = m_variables.find(argument.value.text);
            if (it != m_variables.end() && it->is_number_integer())
                return std::max<long>(0, it->get<long>());
        }
    }
    return 1;
}

GraphQLRequestLimits::Cost GraphQLRequestLimits::measure(const std::vector<GraphQLSelection> &selections)
{
    Cost total;
    for (const GraphQLSelection &selection : selections) {
        Cost part;
        switch (selection.kind) {
        case GraphQLSelection::Kind::Field: {
            const Cost inner = measure(selection.selections);
            const bool introspection = selection.name.rfind("__", 0) == 0;
            // __typename is free; introspection nests its type references deeply by design,
            // so __schema and __type count as one level (validation bounds their lists).
            part.depth = introspection ? 1 : 1 + inner.depth;
            part.complexity = selection.name == "__typename" ? 0 : saturated(1 + product(pageSize(selection), inner.complexity));
            part.aliases = saturated((selection.alias.empty() ? 0 : 1) + inner.aliases);
            break;
        }
        case GraphQLSelection::Kind::InlineFragment:
            part = measure(selection.selections);
            break;
        case GraphQLSelection::Kind::FragmentSpread: {
            auto known = m_fragments.find(selection.name);
            if (known == m_fragments.end()) {
                const auto &fragments = m_document.fragments;
                const auto it = std::find_if(fragments.begin(), fragments.end(),
                                             [&](const GraphQLFragment &f) { return f.name == selection.name; });
                m_fragments[selection.name] = Cost{};   // a cycle (refused by validation) costs nothing more
                const Cost cost = it == fragments.end() ? Cost{} : measure(it->selections);
                known = m_fragments.insert_or_assign(selection.name, cost).first;
            }
            part = known->second;
            break;
        }
        }
        total.depth = std::max(total.depth, part.depth);
        total.complexity = saturated(total.complexity + part.complexity);
        total.aliases = saturated(total.aliases + part.aliases);
    }
    return total;
}

std::optional<GraphQLRequestLimits::Refusal> GraphQLRequestLimits::check(const GraphQLDocument &document, const GraphQLOperation &operation,
                                                                          const nlohmann::json &variables, const Limits &limits)
{
    GraphQLRequestLimits measurer(document, variables);
    const Cost cost = measurer.measure(operation.selections);
    if (cost.depth > limits.maxDepth)
        return Refusal{"The operation nests fields " + std::to_string(cost.depth) + " levels deep; the limit is "
                           + std::to_string(limits.maxDepth) + '.',
                       "DEPTH_LIMIT_EXCEEDED", operation.offset};
    if (cost.aliases > limits.maxAliases)
        return Refusal{"The operation uses " + std::to_string(cost.aliases) + " aliases; the limit is "
                           + std::to_string(limits.maxAliases) + '.',
                       "ALIAS_LIMIT_EXCEEDED", operation.offset};
    if (cost.complexity > limits.maxComplexity)
        return Refusal{"The operation's complexity is " + std::to_string(cost.complexity) + "; the limit is "
                           + std::to_string(limits.maxComplexity)
                           + ". Each field costs 1 and the fields below one with `first: n` count n times.",
                       "COMPLEXITY_LIMIT_EXCEEDED", operation.offset};
    return std::nullopt;
}

} // namespace petstore::core
