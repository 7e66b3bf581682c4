// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocols/graphql/graphqlast.h"
#include "core/protocols/graphql/graphqlschema.h"
#include "core/result.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace petstore::core {

// Input coercion (spec §3.5, §3.10, §6.1.2, §6.4.1): variable values from JSON, argument
// values from literals and variables, defaults applied, with graphql-js's messages
// ("Variable \"$id\" of required type \"ID!\" was not provided.").
class GraphQLInputCoercion
{
public:
    struct Problem
    {
        std::string message;
        std::size_t offset = 0;   // the variable definition
    };

    explicit GraphQLInputCoercion(const GraphQLSchema &schema) : m_schema(schema) {}

    // CoerceVariableValues: the coerced values of the variables given (absent ones stay
    // absent unless they have a default), or every problem found.
    nlohmann::json variables(const GraphQLOperation &operation, const nlohmann::json &inputs, std::vector<Problem> &problems) const;
    // CoerceArgumentValues for a field or directive; the error is the message to report.
    Result<nlohmann::json> arguments(const std::vector<GraphQLSchemaInputValue> &definitions,
                                     const std::vector<GraphQLArgument> &given, const nlohmann::json &variables) const;
    // A literal (maybe holding variables) as a value of `type`; nullopt when invalid.
    std::optional<nlohmann::json> literal(const GraphQLValue &value, const GraphQLTypeRef &type, const nlohmann::json &variables) const;
    // A default value written in the SDL, coerced (an invalid one is taken untyped).
    nlohmann::json defaultValue(const GraphQLSchemaInputValue &input) const;

private:
    // coerceInputValue: `path` grows with object keys and list indices for the message.
    void input(const nlohmann::json &value, const GraphQLTypeRef &type, nlohmann::json &into,
               std::vector<nlohmann::json> &path, const std::string &variable, std::vector<Problem> &problems,
               std::size_t offset) const;
    static std::string pathText(const std::vector<nlohmann::json> &path);

    const GraphQLSchema &m_schema;
};

} // namespace petstore::core
