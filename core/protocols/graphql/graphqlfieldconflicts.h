// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocols/graphql/graphqlast.h"
#include "core/protocols/graphql/graphqlschema.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace petstore::core {

class GraphQLValidationRun;

// §5.3.2 Field Selection Merging: fields with one response name must be the same field with
// the same arguments and compatible shapes, unless their parents can never both apply. Follows
// graphql-js's algorithm (comparisons within a set, between a set and each fragment, between
// fragments, and between sub-selections) with its memoisation and its work budget, so the same
// conflicts are reported and a hostile document cannot make it quadratic without bound.
class GraphQLFieldConflicts
{
public:
    struct Conflict
    {
        std::string responseName;
        std::string reason;
        std::vector<std::size_t> offsets;   // the first side's fields, then the second's
    };

    GraphQLFieldConflicts(const GraphQLSchema &schema, const GraphQLValidationRun &run) : m_schema(schema), m_run(run) {}

    // The conflicts of one selection set; sets the budget flag when the work ran out.
    std::vector<Conflict> within(const std::vector<GraphQLSelection> &selections, const GraphQLNamedType *parent);
    bool exhausted() const { return m_budget < 0; }

private:
    struct FieldDetail
    {
        const GraphQLNamedType *parent = nullptr;
        const GraphQLSelection *node = nullptr;
        const GraphQLSchemaField *definition = nullptr;
    };
    struct Collected
    {
        std::vector<std::pair<std::string, std::vector<FieldDetail>>> fields;   // by first appearance
        std::vector<std::string> fragmentNames;
        std::map<std::string, bool> comparedFragments;   // name → compared as mutually exclusive
        const std::vector<FieldDetail> *find(const std::string &responseName) const;
    };
    struct Found
    {
        std::string responseName;
        std::string reason;
        std::vector<const GraphQLSelection *> fields1;
        std::vector<const GraphQLSelection *> fields2;
    };
    using Founds = std::vector<Found>;

    Collected &collect(const GraphQLNamedType *parent, const std::vector<GraphQLSelection> &selections);
    void collectInto(const GraphQLNamedType *parent, const std::vector<GraphQLSelection> &selections, Collected &into);
    Collected *collectFragment(const std::string &name);
    void conflictsWithin(Founds &found, const Collected &collected);
    void conflictsBetween(Founds &found, bool exclusive, const Collected &a, const Collected &b);
    void fieldsAndFragment(Founds &found, bool exclusive, Collected &fields, const std::string &fragmentName);
    void fragments(Founds &found, bool exclusive, const std::string &a, const std::string &b);
    Founds subSelections(bool exclusive, const GraphQLNamedType *parent1, const std::vector<GraphQLSelection> &set1,
                         const GraphQLNamedType *parent2, const std::vector<GraphQLSelection> &set2);
    std::optional<Found> conflict(bool parentsExclusive, const std::string &responseName, const FieldDetail &a, const FieldDetail &b);
    bool typesConflict(const GraphQLTypeRef &a, const GraphQLTypeRef &b);
    bool sameArguments(const GraphQLSelection &a, const GraphQLSelection &b);
    static std::string canonical(const GraphQLValue &value);
    bool spend(int cost) { m_budget -= cost; return m_budget >= 0; }
    bool comparedPair(const std::string &a, const std::string &b, bool exclusive) const;

    const GraphQLSchema &m_schema;
    const GraphQLValidationRun &m_run;
    long m_budget = 500000;
    std::map<std::pair<const GraphQLNamedType *, const void *>, std::unique_ptr<Collected>> m_collected;
    std::map<std::pair<std::string, std::string>, bool> m_comparedFragmentPairs;
};

} // namespace petstore::core
