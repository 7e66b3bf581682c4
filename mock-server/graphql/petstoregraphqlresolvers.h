// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/petstore/domaintypes.h"
#include "core/protocols/graphql/graphqlresolvers.h"

#include <optional>
#include <string>
#include <vector>

namespace petstore::mock {

// The resolvers of specs/graphql/petstore.graphql over the shared Store (the same calls and
// rules as the REST routes, GraphQLRequestContext carrying the caller). Lists resolve their
// nested look-ups once per batch: a page of pets finds all their orders in one pass, a page
// of orders looks each distinct pet up once. Parts: queries and batching here, object fields
// in petstoregraphqlobjects.cpp, mutations in petstoregraphqlmutations.cpp.
class PetstoreGraphQLResolvers
{
public:
    // The values resolvers hand on, besides the domain types themselves. Queries hand out
    // pointers into the store rather than copies: nothing changes the store while a query or a
    // subscription event executes (mutations resolve copies). Cursors are written only when a
    // client asks for them (they carry a checksum).
    template<typename T>
    struct Page
    {
        std::vector<const T *> nodes;
        std::size_t offset = 0;   // the first node's position: its cursor's offset
        bool hasNextPage = false;
        bool hasPreviousPage = false;
        std::size_t totalCount = 0;
    };
    template<typename T>
    struct Edge
    {
        const T *node = nullptr;
        std::size_t offset = 0;
    };
    struct StatusCount
    {
        std::string status;
        int count = 0;
    };
    // PetStatusChange and OrderStatusChange: the resource is looked up when resolved.
    struct StatusChange
    {
        std::string resourceId;
        std::optional<std::string> previousStatus;
        std::string status;
        std::string eventId;
        core::TimePoint occurredAt{};
    };

    static core::GraphQLResolvers build();

private:
    static void queries(core::GraphQLResolvers &r);
    static void nestedLookups(core::GraphQLResolvers &r);
    static void petFields(core::GraphQLResolvers &r);
    static void otherFields(core::GraphQLResolvers &r);
    static void pages(core::GraphQLResolvers &r);
    static void mutations(core::GraphQLResolvers &r);
    static void subscriptions(core::GraphQLResolvers &r);
};

} // namespace petstore::mock
