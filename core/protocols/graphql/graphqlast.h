// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace petstore::core {

// The syntax tree of a GraphQL document (spec §2, §3). Every node keeps the byte offset
// of its first token; GraphQLLexer::locate() turns it into a line and column for errors.

struct GraphQLValue
{
    enum class Kind : std::uint8_t { Variable, Int, Float, String, Boolean, Null, Enum, List, Object };
    Kind kind = Kind::Null;
    std::string text;                      // variable or enum name, number as written, string value, "true"/"false"
    bool block = false;                    // a block string
    std::vector<GraphQLValue> items;       // List
    std::vector<std::pair<std::string, GraphQLValue>> fields;   // Object, in source order
    std::vector<std::size_t> fieldOffsets;                      // where each object field's name is
    std::size_t offset = 0;
};

struct GraphQLTypeRef
{
    enum class Kind : std::uint8_t { Named, List, NonNull };
    Kind kind = Kind::Named;
    std::string name;                          // Named
    std::shared_ptr<const GraphQLTypeRef> of;  // List and NonNull
    std::size_t offset = 0;
    std::string print() const;                 // "[Pet!]!"
    const GraphQLTypeRef &named() const;       // the Named reference at the bottom ("Pet")
};

struct GraphQLArgument
{
    std::string name;
    GraphQLValue value;
    std::size_t offset = 0;
};

struct GraphQLDirective
{
    std::string name;
    std::vector<GraphQLArgument> arguments;
    std::size_t offset = 0;
};

struct GraphQLSelection
{
    enum class Kind : std::uint8_t { Field, FragmentSpread, InlineFragment };
    Kind kind = Kind::Field;
    std::string alias;                     // Field, may be empty
    std::string name;                      // Field name or fragment name
    std::string typeCondition;             // InlineFragment, may be empty
    std::vector<GraphQLArgument> arguments;
    std::vector<GraphQLDirective> directives;
    std::vector<GraphQLSelection> selections;
    bool hasSelectionSet = false;
    std::size_t offset = 0;                // the alias, field name or `...`
    std::size_t nameOffset = 0;            // FragmentSpread: the fragment's name
    std::size_t typeConditionOffset = 0;   // InlineFragment with a type condition
    std::size_t selectionSetOffset = 0;    // its `{`, when it has a selection set
    const std::string &responseKey() const { return alias.empty() ? name : alias; }
};

struct GraphQLVariableDefinition
{
    std::string name;
    GraphQLTypeRef type;
    std::optional<GraphQLValue> defaultValue;
    std::vector<GraphQLDirective> directives;
    std::size_t offset = 0;                // `$`
    std::size_t nameOffset = 0;
};

struct GraphQLOperation
{
    enum class Kind : std::uint8_t { Query, Mutation, Subscription };
    Kind kind = Kind::Query;
    std::string description;
    std::string name;                      // empty for an anonymous operation
    std::vector<GraphQLVariableDefinition> variables;
    std::vector<GraphQLDirective> directives;
    std::vector<GraphQLSelection> selections;
    std::size_t offset = 0;
    std::size_t nameOffset = 0;
};

struct GraphQLFragment
{
    std::string description;
    std::string name;
    std::string typeCondition;
    std::size_t typeConditionOffset = 0;
    std::vector<GraphQLDirective> directives;
    std::vector<GraphQLSelection> selections;
    std::size_t offset = 0;
    std::size_t nameOffset = 0;
};

// Type system definitions (spec §3), for the schema's SDL and for validation, which refuses
// them in executable documents.
struct GraphQLInputValueDefinition
{
    std::string description;
    std::string name;
    GraphQLTypeRef type;
    std::optional<GraphQLValue> defaultValue;
    std::vector<GraphQLDirective> directives;
    std::size_t offset = 0;
};

struct GraphQLFieldDefinition
{
    std::string description;
    std::string name;
    std::vector<GraphQLInputValueDefinition> arguments;
    GraphQLTypeRef type;
    std::vector<GraphQLDirective> directives;
    std::size_t offset = 0;
};

struct GraphQLEnumValueDefinition
{
    std::string description;
    std::string name;
    std::vector<GraphQLDirective> directives;
    std::size_t offset = 0;
};

struct GraphQLTypeDefinition
{
    enum class Kind : std::uint8_t { Scalar, Object, Interface, Union, Enum, InputObject };
    Kind kind = Kind::Object;
    bool extension = false;                        // `extend type …`
    std::string description;
    std::string name;
    std::vector<std::string> interfaces;           // Object, Interface
    std::vector<GraphQLDirective> directives;
    std::vector<GraphQLFieldDefinition> fields;    // Object, Interface
    std::vector<std::string> members;              // Union
    std::vector<GraphQLEnumValueDefinition> values;            // Enum
    std::vector<GraphQLInputValueDefinition> inputFields;      // InputObject
    std::size_t offset = 0;
};

struct GraphQLDirectiveDefinition
{
    std::string description;
    std::string name;
    std::vector<GraphQLInputValueDefinition> arguments;
    bool repeatable = false;
    std::vector<std::string> locations;            // QUERY, FIELD_DEFINITION, …
    std::size_t offset = 0;
};

struct GraphQLSchemaDefinition
{
    bool extension = false;
    std::string description;
    std::vector<GraphQLDirective> directives;
    std::vector<std::pair<GraphQLOperation::Kind, std::string>> rootTypes;
    std::size_t offset = 0;
};

struct GraphQLDocument
{
    // In source order: which list and where in it.
    struct Definition
    {
        enum class Kind : std::uint8_t { Operation, Fragment, Type, Directive, Schema };
        Kind kind = Kind::Operation;
        std::size_t index = 0;
        bool executable() const { return kind == Kind::Operation || kind == Kind::Fragment; }
    };
    std::vector<GraphQLOperation> operations;
    std::vector<GraphQLFragment> fragments;
    std::vector<GraphQLTypeDefinition> types;
    std::vector<GraphQLDirectiveDefinition> directives;
    std::vector<GraphQLSchemaDefinition> schemas;
    std::vector<Definition> definitions;
};

} // namespace petstore::core
