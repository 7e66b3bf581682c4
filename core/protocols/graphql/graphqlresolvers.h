// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocols/graphql/graphqlresolved.h"
#include "core/protocols/graphql/graphqlschema.h"

#include <nlohmann/json.hpp>

#include <any>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace petstore::core {

// Whatever the server attaches to one request (its store, the caller, counters); resolvers
// cast it back to the server's own type.
class GraphQLContext
{
public:
    virtual ~GraphQLContext() = default;
};

// One field resolved for every parent of a list at once: the executor completes lists
// breadth-first, so a resolver sees all the pets of a page together and can look their orders
// up in one pass instead of once per pet (no N+1).
struct GraphQLFieldBatch
{
    const GraphQLNamedType &parentType;
    const GraphQLSchemaField &field;
    const nlohmann::json &arguments;                 // coerced (§6.4.1), defaults applied
    const std::vector<const std::any *> &parents;
    GraphQLContext *context;
};

// The resolvers of a schema, by type and field. `batch` resolvers answer one value per parent,
// in order; `each` resolvers are called per parent and wrapped into a batch.
class GraphQLResolvers
{
public:
    using Batch = std::function<std::vector<GraphQLResolved>(const GraphQLFieldBatch &)>;
    using Each = std::function<GraphQLResolved(const std::any &parent, const GraphQLFieldBatch &)>;

    void batch(const std::string &type, const std::string &field, Batch resolver)
    {
        m_resolvers[{type, field}] = std::move(resolver);
    }
    void each(const std::string &type, const std::string &field, Each resolver)
    {
        m_resolvers[{type, field}] = [resolver = std::move(resolver)](const GraphQLFieldBatch &b) {
            std::vector<GraphQLResolved> values;
            values.reserve(b.parents.size());
            for (const std::any *parent : b.parents)
                values.push_back(resolver(*parent, b));
            return values;
        };
    }
    // A field of a C++ type read by `read` (the common case: Pet.name from a Pet). The parent
    // may hold a T or a `const T *` (a resolver handing out objects it does not copy).
    template<typename T, typename Read>
    void member(const std::string &type, const std::string &field, Read read)
    {
        each(type, field, [read = std::move(read)](const std::any &parent, const GraphQLFieldBatch &) -> GraphQLResolved {
            return read(value<T>(parent));
        });
    }
    template<typename T>
    static const T &value(const std::any &parent)
    {
        if (const T *const *pointer = std::any_cast<const T *>(&parent))
            return **pointer;
        return std::any_cast<const T &>(parent);
    }

    const Batch *find(const std::string &type, const std::string &field) const
    {
        const auto it = m_resolvers.find({type, field});
        return it == m_resolvers.end() ? nullptr : &it->second;
    }
    // "Type.field" for every object field of the schema without a resolver (introspection
    // types and the subscription root, whose values come from events, excepted), so a server
    // can refuse to start with a hole in it.
    std::vector<std::string> missing(const GraphQLSchema &schema) const;

private:
    std::map<std::pair<std::string, std::string>, Batch> m_resolvers;
};

} // namespace petstore::core
