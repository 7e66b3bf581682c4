// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocols/graphql/graphqlast.h"

#include <nlohmann/json.hpp>

#include <string>

namespace petstore::core {

// Values as GraphQL error messages show them, written the way graphql-js writes them so our
// messages and its messages agree word for word.
class GraphQLPrinter
{
public:
    // A literal as GraphQL source: `{x: 1, y: [ENUM, "s"]}`, `$var`, `"""block"""`.
    static std::string value(const GraphQLValue &value);
    // A JSON input value as graphql-js's inspect() shows it: `{ a: 1, b: "x" }`, at most two
    // levels deep and ten list items.
    static std::string inspect(const nlohmann::json &value);
    // A string as a GraphQL (and JSON) string literal.
    static std::string quoted(const std::string &text);

private:
    static std::string inspect(const nlohmann::json &value, int depth);
    static std::string blockString(const std::string &text);
};

} // namespace petstore::core
