// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocols/graphql/graphqlschema.h"
#include "core/result.h"

#include <memory>
#include <string>
#include <string_view>

namespace petstore::core {

// Builds a GraphQLSchema from SDL (spec §3): the built-in scalars, directives and
// introspection types first, then the document's definitions and extensions. Refuses, with
// every problem named, executable definitions, duplicate or unknown types, inputs used as
// outputs and the reverse, unions of non-objects, objects missing their interfaces' fields,
// and root types that are not object types.
class GraphQLSchemaBuilder
{
public:
    static Result<std::shared_ptr<const GraphQLSchema>> build(std::string_view sdl);

private:
    explicit GraphQLSchemaBuilder(GraphQLSchema &schema) : m_schema(schema) {}

    void addDocument(const GraphQLDocument &document, const std::string &source);
    void addType(const GraphQLTypeDefinition &definition);
    void extendType(const GraphQLTypeDefinition &extension);
    void addDirective(const GraphQLDirectiveDefinition &definition);
    void resolveRoots();
    void checkTypes();
    void checkReference(const GraphQLTypeRef &ref, bool input, const std::string &where);
    void checkImplementation(const GraphQLNamedType &type);
    void linkInterfaces();
    void addMetaFields();
    void problem(std::string text) { m_problems += (m_problems.empty() ? "" : " ") + std::move(text); }

    GraphQLSchema &m_schema;
    std::vector<GraphQLSchemaDefinition> m_schemaDefinitions;
    std::vector<const GraphQLTypeDefinition *> m_extensions;
    std::string m_problems;
};

} // namespace petstore::core
