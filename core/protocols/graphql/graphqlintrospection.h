// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocols/graphql/graphqlresolved.h"
#include "core/protocols/graphql/graphqlschema.h"

#include <nlohmann/json.hpp>

#include <any>
#include <string>

namespace petstore::core {

// Resolvers of the introspection types (spec §4.2) over a GraphQLSchema: __schema, __type and
// every field of __Schema, __Type, __Field, __InputValue, __EnumValue and __Directive, enough
// for graphql-js buildClientSchema and for editors.
class GraphQLIntrospection
{
public:
    explicit GraphQLIntrospection(const GraphQLSchema &schema) : m_schema(schema) {}

    // One field of an introspection type, or the meta-fields __schema / __type of the query root.
    GraphQLResolved resolve(const GraphQLNamedType &parentType, const std::string &field, const std::any &parent,
                            const nlohmann::json &arguments) const;

private:
    // A __Type: a named type, or a list or non-null wrapper (then `ref` is set).
    struct TypeValue
    {
        const GraphQLNamedType *named = nullptr;
        const GraphQLTypeRef *ref = nullptr;
    };

    GraphQLResolved typeOf(const GraphQLTypeRef &ref) const;
    static GraphQLResolved namedValue(const GraphQLNamedType *type);
    GraphQLResolved schemaField(const std::string &field, const nlohmann::json &arguments) const;
    GraphQLResolved typeField(const TypeValue &type, const std::string &field, const nlohmann::json &arguments) const;
    GraphQLResolved fieldField(const GraphQLSchemaField &value, const std::string &field, const nlohmann::json &arguments) const;
    GraphQLResolved inputValueField(const GraphQLSchemaInputValue &value, const std::string &field) const;
    GraphQLResolved inputValues(const std::vector<GraphQLSchemaInputValue> &values, const nlohmann::json &arguments) const;
    static GraphQLResolved deprecation(const std::optional<std::string> &reason, const std::string &field);
    static GraphQLResolved text(const std::string &value);

    const GraphQLSchema &m_schema;
};

} // namespace petstore::core
