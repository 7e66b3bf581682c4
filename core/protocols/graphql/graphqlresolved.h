// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <any>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace petstore::core {

// What a resolver hands the executor for one parent (spec §6.4.2 ResolveFieldValue): a leaf
// value still to be serialised, an object of the application's own (any C++ value; abstract
// fields also name its GraphQL type), a list of such values, null, or a field error with
// optional extensions such as {"code": "NOT_FOUND"}.
class GraphQLResolved
{
public:
    enum class Kind : std::uint8_t { Null, Leaf, Object, List, Error };

    GraphQLResolved() = default;
    static GraphQLResolved leaf(nlohmann::ordered_json value)
    {
        GraphQLResolved r(Kind::Leaf);
        r.m_leaf = std::move(value);
        return r;
    }
    static GraphQLResolved object(std::any value, std::string typeName = {})
    {
        GraphQLResolved r(Kind::Object);
        r.m_object = std::move(value);
        r.m_text = std::move(typeName);
        return r;
    }
    static GraphQLResolved list(std::vector<GraphQLResolved> items)
    {
        GraphQLResolved r(Kind::List);
        r.m_items = std::move(items);
        return r;
    }
    static GraphQLResolved error(std::string message, nlohmann::ordered_json extensions = nullptr)
    {
        GraphQLResolved r(Kind::Error);
        r.m_text = std::move(message);
        r.m_leaf = std::move(extensions);
        return r;
    }
    // A leaf when present, null otherwise.
    template<typename T>
    static GraphQLResolved optional(const std::optional<T> &value)
    {
        return value ? leaf(*value) : GraphQLResolved();
    }

    Kind kind() const { return m_kind; }
    const nlohmann::ordered_json &leafValue() const { return m_leaf; }
    const std::any &objectValue() const { return m_object; }
    const std::string &typeName() const { return m_text; }        // Object
    const std::vector<GraphQLResolved> &items() const { return m_items; }
    const std::string &errorMessage() const { return m_text; }    // Error
    const nlohmann::ordered_json &errorExtensions() const { return m_leaf; }

private:
    explicit GraphQLResolved(Kind kind) : m_kind(kind) {}

    Kind m_kind = Kind::Null;
    nlohmann::ordered_json m_leaf;
    std::any m_object;
    std::string m_text;
    std::vector<GraphQLResolved> m_items;
};

} // namespace petstore::core
