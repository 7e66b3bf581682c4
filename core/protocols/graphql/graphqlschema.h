// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocols/graphql/graphqlast.h"
#include "core/protocols/graphql/graphqlscalars.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace petstore::core {

// A GraphQL schema (spec §3): named types, root operation types and directives, built by
// GraphQLSchemaBuilder from SDL plus the built-in scalars, directives and introspection types
// (§4.2). Immutable once built; every lookup is by name.

struct GraphQLSchemaInputValue
{
    std::string name;
    std::string description;
    GraphQLTypeRef type;
    std::optional<GraphQLValue> defaultValue;     // as written in the SDL
    std::optional<std::string> deprecationReason;
};

struct GraphQLSchemaField
{
    std::string name;
    std::string description;
    std::vector<GraphQLSchemaInputValue> arguments;
    GraphQLTypeRef type;
    std::optional<std::string> deprecationReason;
    const GraphQLSchemaInputValue *argument(const std::string &argumentName) const;
};

struct GraphQLSchemaEnumValue
{
    std::string name;
    std::string description;
    std::optional<std::string> deprecationReason;
};

struct GraphQLNamedType
{
    using Kind = GraphQLTypeDefinition::Kind;
    Kind kind = Kind::Object;
    std::string name;
    std::string description;
    std::vector<GraphQLSchemaField> fields;               // Object, Interface
    std::vector<std::string> interfaces;                  // Object, Interface
    std::vector<std::string> possibleTypes;               // Union members; an interface's implementations
    std::vector<GraphQLSchemaEnumValue> enumValues;       // Enum
    std::vector<GraphQLSchemaInputValue> inputFields;     // InputObject
    std::optional<std::string> specifiedByUrl;            // Scalar
    bool oneOf = false;                                   // InputObject with @oneOf
    GraphQLScalarKind scalar = GraphQLScalarKind::Custom; // Scalar

    const GraphQLSchemaField *field(const std::string &fieldName) const;
    const GraphQLSchemaInputValue *inputField(const std::string &fieldName) const;
    const GraphQLSchemaEnumValue *enumValue(const std::string &valueName) const;
    bool isComposite() const { return kind == Kind::Object || kind == Kind::Interface || kind == Kind::Union; }
    bool isAbstract() const { return kind == Kind::Interface || kind == Kind::Union; }
    bool isLeaf() const { return kind == Kind::Scalar || kind == Kind::Enum; }
    bool isInput() const { return kind == Kind::Scalar || kind == Kind::Enum || kind == Kind::InputObject; }
    bool isOutput() const { return kind != Kind::InputObject; }
};

struct GraphQLSchemaDirective
{
    std::string name;
    std::string description;
    std::vector<GraphQLSchemaInputValue> arguments;
    std::vector<std::string> locations;
    bool repeatable = false;
    const GraphQLSchemaInputValue *argument(const std::string &argumentName) const;
};

class GraphQLSchema
{
public:
    const GraphQLNamedType *type(const std::string &name) const;
    // The named type at the bottom of a reference ("[Pet!]!" → Pet); null when unknown.
    const GraphQLNamedType *namedType(const GraphQLTypeRef &ref) const;
    const GraphQLNamedType *queryType() const { return m_query; }
    const GraphQLNamedType *mutationType() const { return m_mutation; }
    const GraphQLNamedType *subscriptionType() const { return m_subscription; }
    const GraphQLNamedType *rootType(GraphQLOperation::Kind kind) const;
    const std::vector<std::unique_ptr<GraphQLNamedType>> &types() const { return m_types; }
    const GraphQLSchemaDirective *directive(const std::string &name) const;
    const std::vector<GraphQLSchemaDirective> &directives() const { return m_directives; }
    const std::string &description() const { return m_description; }

    // A field of `parent`, including the meta-fields __typename (every composite type) and
    // __schema / __type (the query type), as spec §4.1 and §4.2 describe.
    const GraphQLSchemaField *fieldDefinition(const GraphQLNamedType &parent, const std::string &name) const;
    // Whether object type `object` is a possible type of composite type `type` (§3.2.2).
    bool isPossibleType(const GraphQLNamedType &type, const GraphQLNamedType &object) const;
    // Whether some object could be both (PossibleFragmentSpreads, §5.5.2.3).
    bool overlap(const GraphQLNamedType &a, const GraphQLNamedType &b) const;
    // §5.8.5 / graphql-js isTypeSubTypeOf: `maybeSub` may be used where `super` is expected.
    bool isSubType(const GraphQLTypeRef &maybeSub, const GraphQLTypeRef &super) const;

private:
    friend class GraphQLSchemaBuilder;

    std::string m_description;
    std::vector<std::unique_ptr<GraphQLNamedType>> m_types;    // definition order
    std::map<std::string, const GraphQLNamedType *, std::less<>> m_byName;
    std::vector<GraphQLSchemaDirective> m_directives;
    const GraphQLNamedType *m_query = nullptr;
    const GraphQLNamedType *m_mutation = nullptr;
    const GraphQLNamedType *m_subscription = nullptr;
    GraphQLSchemaField m_typenameField;
    GraphQLSchemaField m_schemaField;
    GraphQLSchemaField m_typeField;
};

} // namespace petstore::core
