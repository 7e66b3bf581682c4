// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocols/graphql/graphqlast.h"
#include "core/protocols/graphql/graphqlschema.h"

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace petstore::core {

class GraphQLFieldConflicts;

// One validation of a document against a schema (GraphQLValidator's engine): every rule of
// spec §5 plus graphql-js's introspection depth rule, with graphql-js's messages. Errors hold
// byte offsets; the validator turns them into lines and columns. The rules are spread over
// graphqlvalidationrun.cpp (definitions, fragments, variables), graphqlselectionchecks.cpp
// (fields, fragments in selections, directives, arguments) and graphqlvaluechecks.cpp (input
// values); GraphQLFieldConflicts does §5.3.2.
class GraphQLValidationRun
{
public:
    struct Report
    {
        std::string message;
        std::vector<std::size_t> offsets;
    };

    GraphQLValidationRun(const GraphQLSchema &schema, const GraphQLDocument &document, std::size_t maxErrors);
    ~GraphQLValidationRun();
    std::vector<Report> run();

    const GraphQLFragment *fragment(const std::string &name) const;   // also for GraphQLFieldConflicts

private:
    // Where a variable is used and what the position expects (§5.8.5).
    struct VariableUsage
    {
        const GraphQLValue *node = nullptr;
        const GraphQLTypeRef *type = nullptr;          // null when the position is unknown
        bool locationHasDefault = false;
        const GraphQLNamedType *parentInputObject = nullptr;
    };
    using Usages = std::vector<VariableUsage>;

    void report(std::string message, std::vector<std::size_t> offsets);
    // graphql-js's order of spreads in a selection set: this level's first, then nested sets
    // last to first (it decides which cycle NoFragmentCycles reports).
    static std::vector<const GraphQLSelection *> fragmentSpreads(const std::vector<GraphQLSelection> &selections);
    // §5.3.2 for one selection set, as graphql-js visits them (not an inline fragment's own set).
    void checkFieldMerging(const std::vector<GraphQLSelection> &selections, const GraphQLNamedType *parent);

    // graphqlvalidationrun.cpp
    void checkDefinitions();
    void checkFragmentCycles();
    void detectCycle(const GraphQLFragment &fragment);
    void checkUnusedFragments();
    std::vector<const GraphQLFragment *> referencedFragments(const std::vector<GraphQLSelection> &selections) const;
    void checkOperation(const GraphQLOperation &operation);
    void checkVariableDefinitions(const GraphQLOperation &operation);
    void checkVariableUsages(const GraphQLOperation &operation, const Usages &usages);
    void checkSubscription(const GraphQLOperation &operation);
    void collectRootFields(const std::vector<GraphQLSelection> &selections, const GraphQLNamedType &root,
                           std::vector<std::pair<std::string, std::vector<const GraphQLSelection *>>> &fields,
                           std::set<std::string> &visited) const;
    void checkTypeSystemReferences(const GraphQLTypeDefinition &definition);
    void checkKnownType(const std::string &name, std::size_t offset);

    // graphqlselectionchecks.cpp
    void walkSelections(const std::vector<GraphQLSelection> &selections, const GraphQLNamedType *parent, Usages &usages);
    void checkField(const GraphQLSelection &field, const GraphQLNamedType *parent, Usages &usages);
    void checkInlineFragment(const GraphQLSelection &inline_, const GraphQLNamedType *parent, Usages &usages);
    void checkFragmentSpread(const GraphQLSelection &spread, const GraphQLNamedType *parent, Usages &usages);
    std::string unknownFieldMessage(const GraphQLNamedType &parent, const std::string &fieldName) const;
    void checkDirectives(const std::vector<GraphQLDirective> &directives, const char *location, Usages &usages);
    void checkArguments(const std::vector<GraphQLArgument> &arguments, const std::vector<GraphQLSchemaInputValue> *definitions,
                        const std::string &owner, bool onDirective, std::size_t ownerOffset, Usages &usages);
    void checkIntrospectionDepth(const GraphQLSelection &field);
    bool introspectionTooDeep(const GraphQLSelection &selection, std::map<std::string, int> &visited, int depth);

    // graphqlvaluechecks.cpp
    void checkValue(const GraphQLValue &value, const GraphQLTypeRef *type, bool locationHasDefault,
                    const GraphQLNamedType *parentInputObject, Usages &usages);
    void checkObjectValue(const GraphQLValue &value, const GraphQLTypeRef *type, Usages &usages);
    void checkLeafValue(const GraphQLValue &value, const GraphQLTypeRef &type);
    void checkUniqueInputFields(const GraphQLValue &value);

    const GraphQLSchema &m_schema;
    const GraphQLDocument &m_document;
    std::size_t m_maxErrors;
    bool m_aborted = false;
    std::vector<Report> m_reports;
    std::map<std::string, const GraphQLFragment *> m_fragments;    // the last of each name, as graphql-js
    std::map<const GraphQLFragment *, Usages> m_fragmentUsages;    // variable usages inside each fragment
    std::map<const GraphQLOperation *, Usages> m_operationUsages;  // … and in each operation's own selections
    std::unique_ptr<GraphQLFieldConflicts> m_conflicts;
    // NoFragmentCycles state (graphql-js's algorithm, so the same cycles are reported).
    std::set<std::string> m_cycleVisited;
    std::vector<const GraphQLSelection *> m_spreadPath;
    std::map<std::string, std::size_t> m_spreadPathIndex;
    // MaxIntrospectionDepth memo: the deepest entry depth a fragment passed, the shallowest it failed.
    std::map<std::string, int> m_introspectionChecked;
    std::map<std::string, int> m_introspectionExceeded;
};

} // namespace petstore::core
