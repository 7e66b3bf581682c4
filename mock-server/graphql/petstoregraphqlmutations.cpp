// SPDX-License-Identifier: GPL-3.0-or-later
// Mutations: the Store calls and access rules of the matching REST routes, so an order placed
// here is an order in REST, an SSE event and an MQTT message.
#include "mock-server/graphql/graphqlerrorreply.h"
#include "mock-server/graphql/graphqlrequestcontext.h"
#include "mock-server/graphql/petstoregraphqlresolvers.h"

namespace petstore::mock {

namespace {

using core::GraphQLFieldBatch;
using core::GraphQLResolved;
using json = nlohmann::json;

template<typename T>
GraphQLResolved objectOrError(core::Result<T> result)
{
    return result ? GraphQLResolved::object(std::move(result).value()) : graphQLErrorFor(result.error());
}

// A created resource: GraphQL's explicit null means "not given", as an absent REST member.
json withoutNulls(const json &input)
{
    json out = json::object();
    for (auto it = input.begin(); it != input.end(); ++it)
        if (!it->is_null())
            out[it.key()] = it->is_object() ? withoutNulls(*it) : *it;
    return out;
}

std::optional<std::string> optionalText(const json &object, const char *name)
{
    if (object.contains(name) && object[name].is_string())
        return object[name].get<std::string>();
    return std::nullopt;
}

} // namespace

void PetstoreGraphQLResolvers::mutations(core::GraphQLResolvers &r)
{
    r.each("Mutation", "createPet", [](const std::any &, const GraphQLFieldBatch &b) {
        auto &context = GraphQLRequestContext::of(b);
        if (auto refused = context.refuse("write:pets"))
            return *refused;
        return objectOrError(context.lookup().createPet(withoutNulls(b.arguments["input"])));
    });
    r.each("Mutation", "updatePet", [](const std::any &, const GraphQLFieldBatch &b) {
        auto &context = GraphQLRequestContext::of(b);
        if (auto refused = context.refuse("write:pets"))
            return *refused;
        // A JSON Merge Patch (RFC 7396), as PATCH /v1/pets/{petId}: null removes a member.
        return objectOrError(context.lookup().mergePatchPet(b.arguments["id"].get<std::string>(), b.arguments["input"]));
    });
    r.each("Mutation", "deletePet", [](const std::any &, const GraphQLFieldBatch &b) {
        auto &context = GraphQLRequestContext::of(b);
        if (auto refused = context.refuse("write:pets"))
            return *refused;
        const std::string id = b.arguments["id"].get<std::string>();
        auto deleted = context.lookup().deletePet(id);
        return deleted ? GraphQLResolved::leaf(id) : graphQLErrorFor(deleted.error());
    });
    r.each("Mutation", "registerUser", [](const std::any &, const GraphQLFieldBatch &b) {
        auto &context = GraphQLRequestContext::of(b);
        return objectOrError(context.lookup().registerUser(withoutNulls(b.arguments["input"])));
    });
    r.each("Mutation", "placeOrder", [](const std::any &, const GraphQLFieldBatch &b) {
        auto &context = GraphQLRequestContext::of(b);
        if (auto refused = context.refuse("write:orders"))
            return *refused;
        return objectOrError(context.lookup().placeOrder(b.arguments["petId"].get<std::string>(), context.caller.actor,
                                                         optionalText(b.arguments, "callbackUrl")));
    });
    r.each("Mutation", "cancelOrder", [](const std::any &, const GraphQLFieldBatch &b) {
        auto &context = GraphQLRequestContext::of(b);
        if (auto refused = context.refuse("write:orders"))
            return *refused;
        const std::string id = b.arguments["id"].get<std::string>();
        if (auto order = AccessPolicy::ownOrder(context.lookup(), context.caller, id); !order)
            return graphQLErrorFor(order.error());
        return objectOrError(context.lookup().cancelOrder(id));
    });
    r.each("Mutation", "payOrder", [](const std::any &, const GraphQLFieldBatch &b) {
        auto &context = GraphQLRequestContext::of(b);
        if (auto refused = context.refuse("write:orders"))
            return *refused;
        const json &input = b.arguments["input"];
        const std::string orderId = input["orderId"].get<std::string>();
        if (auto order = AccessPolicy::ownOrder(context.lookup(), context.caller, orderId); !order)
            return graphQLErrorFor(order.error());
        const json &source = input["card"];
        core::CardInput card{source.value("number", std::string()), source.value("expMonth", 0), source.value("expYear", 0),
                             source.value("cvc", std::string()), source.value("name", std::string())};
        auto payment = context.lookup().payOrder(orderId, card, optionalText(input, "amount"), optionalText(input, "currency"));
        if (!payment)
            return graphQLErrorFor(payment.error());
        context.payments.schedule(context.tenantId, payment->id);
        return GraphQLResolved::object(std::move(payment).value());
    });
    r.each("Mutation", "adjustStock", [](const std::any &, const GraphQLFieldBatch &b) {
        auto &context = GraphQLRequestContext::of(b);
        if (auto refused = context.refuse("admin"))
            return *refused;
        if (auto allowed = AccessPolicy::requireAdmin(context.caller, "adjust stock"); !allowed)
            return graphQLErrorFor(allowed.error());
        return objectOrError(context.lookup().adjustStock(b.arguments["productId"].get<std::string>(), b.arguments["delta"].get<int>(),
                                                          b.arguments["reason"].get<std::string>()));
    });
}

} // namespace petstore::mock
