// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/graphql/graphqlbuiltins.h"

namespace petstore::core {

namespace {

constexpr std::string_view Sdl = R"graphql(
"A signed 32-bit integer."
scalar Int
"A double-precision floating-point value (IEEE 754)."
scalar Float
"Text as a sequence of Unicode characters, sent as UTF-8."
scalar String
"`true` or `false`."
scalar Boolean
"A unique identifier, serialized as a string; never meant to be read by people."
scalar ID

"Include this field or fragment only when `if` is true."
directive @include("Included when true." if: Boolean!) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT
"Skip this field or fragment when `if` is true."
directive @skip("Skipped when true." if: Boolean!) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT
"Marks an element of the schema as no longer supported."
directive @deprecated(
  "Why it is deprecated and what to use instead, in Markdown."
  reason: String = "No longer supported"
) on FIELD_DEFINITION | ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION | ENUM_VALUE | DIRECTIVE_DEFINITION
"Links a custom scalar to the document that specifies its behaviour."
directive @specifiedBy("Where the specification is." url: String!) on SCALAR
"An input object of which exactly one field must be given, and not as null."
directive @oneOf on INPUT_OBJECT

"The schema as introspection shows it: its types, root types and directives."
type __Schema {
  description: String
  "Every type the server knows."
  types: [__Type!]!
  "The root type of query operations."
  queryType: __Type!
  "The root type of mutation operations, when the server has mutations."
  mutationType: __Type
  "The root type of subscription operations, when the server has subscriptions."
  subscriptionType: __Type
  "Every directive the server knows."
  directives(includeDeprecated: Boolean! = false): [__Directive!]!
}

"A type: `kind` says which of the other fields apply."
type __Type {
  kind: __TypeKind!
  name: String
  description: String
  specifiedByURL: String
  fields(includeDeprecated: Boolean = false): [__Field!]
  interfaces: [__Type!]
  possibleTypes: [__Type!]
  enumValues(includeDeprecated: Boolean = false): [__EnumValue!]
  inputFields(includeDeprecated: Boolean = false): [__InputValue!]
  ofType: __Type
  isOneOf: Boolean
}

"A field of an object or interface type."
type __Field {
  name: String!
  description: String
  args(includeDeprecated: Boolean = false): [__InputValue!]!
  type: __Type!
  isDeprecated: Boolean!
  deprecationReason: String
}

"An argument of a field or directive, or a field of an input object."
type __InputValue {
  name: String!
  description: String
  type: __Type!
  "The default value as GraphQL source text."
  defaultValue: String
  isDeprecated: Boolean!
  deprecationReason: String
}

"One value of an enum type."
type __EnumValue {
  name: String!
  description: String
  isDeprecated: Boolean!
  deprecationReason: String
}

"A directive the server understands, and where it may be used."
type __Directive {
  name: String!
  description: String
  isRepeatable: Boolean!
  locations: [__DirectiveLocation!]!
  args(includeDeprecated: Boolean = false): [__InputValue!]!
  isDeprecated: Boolean!
  deprecationReason: String
}

"The kinds of type."
enum __TypeKind {
  SCALAR
  OBJECT
  INTERFACE
  UNION
  ENUM
  INPUT_OBJECT
  LIST
  NON_NULL
}

"Where a directive may appear."
enum __DirectiveLocation {
  QUERY
  MUTATION
  SUBSCRIPTION
  FIELD
  FRAGMENT_DEFINITION
  FRAGMENT_SPREAD
  INLINE_FRAGMENT
  VARIABLE_DEFINITION
  SCHEMA
  SCALAR
  OBJECT
  FIELD_DEFINITION
  ARGUMENT_DEFINITION
  INTERFACE
  UNION
  ENUM
  ENUM_VALUE
  INPUT_OBJECT
  INPUT_FIELD_DEFINITION
  DIRECTIVE_DEFINITION
}
)graphql";

} // namespace

std::string_view GraphQLBuiltins::sdl()
{
    return Sdl;
}

bool GraphQLBuiltins::isBuiltinScalar(std::string_view name)
{
    return name == "Int" || name == "Float" || name == "String" || name == "Boolean" || name == "ID";
}

bool GraphQLBuiltins::isSpecifiedDirective(std::string_view name)
{
    return name == "include" || name == "skip" || name == "deprecated" || name == "specifiedBy" || name == "oneOf";
}

} // namespace petstore::core
