// SPDX-License-Identifier: GPL-3.0-or-later
// Object fields of the Petstore schema: members of the domain types, read as the REST
// representation writes them (enums upper case, money as decimal strings, RFC 3339 times).
#include "core/http/pagination.h"
#include "core/petstore/domainenums.h"
#include "mock-server/graphql/graphqlrequestcontext.h"
#include "mock-server/graphql/petstoregraphqlresolvers.h"

namespace petstore::mock {

namespace {

using core::GraphQLResolved;

GraphQLResolved text(const std::string &value)
{
    return value.empty() ? GraphQLResolved() : GraphQLResolved::leaf(value);
}

GraphQLResolved name(std::string_view value)
{
    return GraphQLResolved::leaf(std::string(value));
}

GraphQLResolved time(core::TimePoint value)
{
    return GraphQLResolved::leaf(core::formatRfc3339(value));
}

template<typename Items>
GraphQLResolved objects(const Items &items)
{
    std::vector<GraphQLResolved> list;
    list.reserve(items.size());
    for (const auto &item : items)
        list.push_back(GraphQLResolved::object(item));
    return GraphQLResolved::list(std::move(list));
}

} // namespace

void PetstoreGraphQLResolvers::petFields(core::GraphQLResolvers &r)
{
    using core::Pet;
    r.member<Pet>("Pet", "id", [](const Pet &p) { return GraphQLResolved::leaf(p.id); });
    r.member<Pet>("Pet", "name", [](const Pet &p) { return GraphQLResolved::leaf(p.name); });
    r.member<Pet>("Pet", "species", [](const Pet &p) { return name(core::toString(p.species)); });
    r.member<Pet>("Pet", "breed", [](const Pet &p) { return text(p.breed); });
    r.member<Pet>("Pet", "ageMonths", [](const Pet &p) { return GraphQLResolved::optional(p.ageMonths); });
    r.member<Pet>("Pet", "size", [](const Pet &p) { return p.size ? name(core::toString(*p.size)) : GraphQLResolved(); });
    r.member<Pet>("Pet", "color", [](const Pet &p) { return text(p.color); });
    r.member<Pet>("Pet", "gender", [](const Pet &p) { return name(core::toString(p.gender)); });
    r.member<Pet>("Pet", "goodWithKids", [](const Pet &p) { return GraphQLResolved::optional(p.goodWithKids); });
    r.member<Pet>("Pet", "goodWithPets", [](const Pet &p) { return GraphQLResolved::optional(p.goodWithPets); });
    r.member<Pet>("Pet", "status", [](const Pet &p) { return name(core::toString(p.status)); });
    r.member<Pet>("Pet", "available", [](const Pet &p) { return GraphQLResolved::leaf(p.status == core::PetStatus::Available); });
    r.member<Pet>("Pet", "price", [](const Pet &p) { return GraphQLResolved::leaf(p.price); });
    r.member<Pet>("Pet", "currency", [](const Pet &p) { return GraphQLResolved::leaf(p.currency); });
    r.member<Pet>("Pet", "description", [](const Pet &p) { return text(p.description); });
    r.member<Pet>("Pet", "photos", [](const Pet &p) {
        std::vector<GraphQLResolved> photos;
        for (const std::string &photo : p.photos)
            photos.push_back(GraphQLResolved::leaf(photo));
        return GraphQLResolved::list(std::move(photos));
    });
    r.member<Pet>("Pet", "medicalInfo", [](const Pet &p) { return GraphQLResolved::object(p.medicalInfo); });
    r.member<Pet>("Pet", "createdAt", [](const Pet &p) { return time(p.createdAt); });
    r.member<Pet>("Pet", "updatedAt", [](const Pet &p) { return time(p.updatedAt); });
    r.each("Pet", "health", [](const std::any &parent, const core::GraphQLFieldBatch &b) {
        auto readings = GraphQLRequestContext::of(b).lookup().healthReadings(core::GraphQLResolvers::value<Pet>(parent).id);
        if (!readings)
            return GraphQLResolved::list({});
        const auto last = static_cast<std::size_t>(std::max(0, b.arguments.value("last", 5)));
        if (readings->size() > last)
            readings->resize(last);
        return objects(readings.value());
    });

    using core::MedicalInfo;
    r.member<MedicalInfo>("MedicalInfo", "spayedNeutered", [](const MedicalInfo &m) { return GraphQLResolved::leaf(m.spayedNeutered); });
    r.member<MedicalInfo>("MedicalInfo", "vaccinated", [](const MedicalInfo &m) { return GraphQLResolved::leaf(m.vaccinated); });
    r.member<MedicalInfo>("MedicalInfo", "microchipped", [](const MedicalInfo &m) { return GraphQLResolved::leaf(m.microchipped); });
    r.member<MedicalInfo>("MedicalInfo", "specialNeeds", [](const MedicalInfo &m) { return GraphQLResolved::leaf(m.specialNeeds); });
    r.member<MedicalInfo>("MedicalInfo", "notes", [](const MedicalInfo &m) { return text(m.notes); });

    using core::PetHealthReading;
    r.member<PetHealthReading>("PetHealthReading", "deviceId", [](const PetHealthReading &h) { return GraphQLResolved::leaf(h.deviceId); });
    r.member<PetHealthReading>("PetHealthReading", "heartRate", [](const PetHealthReading &h) { return GraphQLResolved::leaf(h.heartRate); });
    r.member<PetHealthReading>("PetHealthReading", "temperatureC", [](const PetHealthReading &h) { return GraphQLResolved::leaf(h.temperatureC); });
    r.member<PetHealthReading>("PetHealthReading", "activity", [](const PetHealthReading &h) { return GraphQLResolved::leaf(h.activity); });
    r.member<PetHealthReading>("PetHealthReading", "recordedAt", [](const PetHealthReading &h) { return time(h.recordedAt); });
}

void PetstoreGraphQLResolvers::otherFields(core::GraphQLResolvers &r)
{
    using core::User;
    r.member<User>("User", "id", [](const User &u) { return GraphQLResolved::leaf(u.id); });
    r.member<User>("User", "username", [](const User &u) { return GraphQLResolved::leaf(u.username); });
    r.member<User>("User", "email", [](const User &u) { return GraphQLResolved::leaf(u.email); });
    r.member<User>("User", "firstName", [](const User &u) { return text(u.firstName); });
    r.member<User>("User", "lastName", [](const User &u) { return text(u.lastName); });
    r.member<User>("User", "phone", [](const User &u) { return text(u.phone); });
    r.member<User>("User", "role", [](const User &u) { return name(core::toString(u.role)); });
    r.member<User>("User", "createdAt", [](const User &u) { return time(u.createdAt); });
    r.member<User>("User", "updatedAt", [](const User &u) { return time(u.updatedAt); });

    using core::Order;
    r.member<Order>("Order", "id", [](const Order &o) { return GraphQLResolved::leaf(o.id); });
    r.member<Order>("Order", "petId", [](const Order &o) { return GraphQLResolved::leaf(o.petId); });
    r.member<Order>("Order", "userId", [](const Order &o) { return GraphQLResolved::optional(o.userId); });
    r.member<Order>("Order", "status", [](const Order &o) { return name(core::toString(o.status)); });
    r.member<Order>("Order", "totalAmount", [](const Order &o) { return GraphQLResolved::leaf(o.totalAmount); });
    r.member<Order>("Order", "currency", [](const Order &o) { return GraphQLResolved::leaf(o.currency); });
    r.member<Order>("Order", "callbackUrl", [](const Order &o) { return GraphQLResolved::optional(o.callbackUrl); });
    r.member<Order>("Order", "createdAt", [](const Order &o) { return time(o.createdAt); });
    r.member<Order>("Order", "updatedAt", [](const Order &o) { return time(o.updatedAt); });

    using core::Payment;
    r.member<Payment>("Payment", "id", [](const Payment &p) { return GraphQLResolved::leaf(p.id); });
    r.member<Payment>("Payment", "amount", [](const Payment &p) { return GraphQLResolved::leaf(p.amount); });
    r.member<Payment>("Payment", "currency", [](const Payment &p) { return GraphQLResolved::leaf(p.currency); });
    r.member<Payment>("Payment", "card", [](const Payment &p) { return GraphQLResolved::object(p.card); });
    r.member<Payment>("Payment", "status", [](const Payment &p) { return name(core::toString(p.status)); });
    r.member<Payment>("Payment", "failureReason", [](const Payment &p) { return GraphQLResolved::optional(p.failureReason); });
    r.member<Payment>("Payment", "createdAt", [](const Payment &p) { return time(p.createdAt); });
    r.member<Payment>("Payment", "updatedAt", [](const Payment &p) { return time(p.updatedAt); });

    using core::CardSummary;
    r.member<CardSummary>("CardSummary", "brand", [](const CardSummary &c) { return GraphQLResolved::leaf(c.brand); });
    r.member<CardSummary>("CardSummary", "name", [](const CardSummary &c) { return GraphQLResolved::leaf(c.name); });
    r.member<CardSummary>("CardSummary", "last4", [](const CardSummary &c) { return GraphQLResolved::leaf(c.last4); });
    r.member<CardSummary>("CardSummary", "expMonth", [](const CardSummary &c) { return GraphQLResolved::leaf(c.expMonth); });
    r.member<CardSummary>("CardSummary", "expYear", [](const CardSummary &c) { return GraphQLResolved::leaf(c.expYear); });

    using core::InventoryItem;
    r.member<InventoryItem>("InventoryItem", "productId", [](const InventoryItem &i) { return GraphQLResolved::leaf(i.productId); });
    r.member<InventoryItem>("InventoryItem", "sku", [](const InventoryItem &i) { return GraphQLResolved::leaf(i.sku); });
    r.member<InventoryItem>("InventoryItem", "name", [](const InventoryItem &i) { return GraphQLResolved::leaf(i.name); });
    r.member<InventoryItem>("InventoryItem", "category", [](const InventoryItem &i) { return GraphQLResolved::leaf(i.category); });
    r.member<InventoryItem>("InventoryItem", "stock", [](const InventoryItem &i) { return GraphQLResolved::leaf(i.stock); });
    r.member<InventoryItem>("InventoryItem", "reorderLevel", [](const InventoryItem &i) { return GraphQLResolved::leaf(i.reorderLevel); });
    r.member<InventoryItem>("InventoryItem", "lowStock", [](const InventoryItem &i) { return GraphQLResolved::leaf(i.stock <= i.reorderLevel); });
    r.member<InventoryItem>("InventoryItem", "unitPrice", [](const InventoryItem &i) { return GraphQLResolved::leaf(i.unitPrice); });
    r.member<InventoryItem>("InventoryItem", "currency", [](const InventoryItem &i) { return GraphQLResolved::leaf(i.currency); });
    r.member<InventoryItem>("InventoryItem", "updatedAt", [](const InventoryItem &i) { return time(i.updatedAt); });

    r.member<StatusCount>("PetStatusCount", "status", [](const StatusCount &c) { return GraphQLResolved::leaf(c.status); });
    r.member<StatusCount>("PetStatusCount", "count", [](const StatusCount &c) { return GraphQLResolved::leaf(c.count); });
}

void PetstoreGraphQLResolvers::pages(core::GraphQLResolvers &r)
{
    auto connection = [&r](const char *connectionType, const char *edgeType, auto tag) {
        using T = typename decltype(tag)::type;
        using P = Page<T>;
        r.member<P>(connectionType, "nodes", [](const P &p) { return objects(p.nodes); });
        r.member<P>(connectionType, "edges", [](const P &p) {
            std::vector<GraphQLResolved> edges;
            for (std::size_t i = 0; i < p.nodes.size(); ++i)
                edges.push_back(GraphQLResolved::object(Edge<T>{p.nodes[i], p.offset + i}));
            return GraphQLResolved::list(std::move(edges));
        });
        r.member<P>(connectionType, "totalCount", [](const P &p) { return GraphQLResolved::leaf(p.totalCount); });
        r.member<P>(connectionType, "pageInfo", [](const P &p) {
            nlohmann::ordered_json info{{"hasNextPage", p.hasNextPage}, {"hasPreviousPage", p.hasPreviousPage}};
            const bool empty = p.nodes.empty();
            info["startCursor"] = empty ? nlohmann::ordered_json() : nlohmann::ordered_json(core::Pagination::encodeCursor(p.offset));
            info["endCursor"] = empty ? nlohmann::ordered_json()
                                      : nlohmann::ordered_json(core::Pagination::encodeCursor(p.offset + p.nodes.size() - 1));
            return GraphQLResolved::object(std::move(info));
        });
        r.member<Edge<T>>(edgeType, "cursor", [](const Edge<T> &e) { return GraphQLResolved::leaf(core::Pagination::encodeCursor(e.offset)); });
        r.member<Edge<T>>(edgeType, "node", [](const Edge<T> &e) { return GraphQLResolved::object(e.node); });
    };
    connection("PetConnection", "PetEdge", std::common_type<core::Pet>());
    connection("OrderConnection", "OrderEdge", std::common_type<core::Order>());
    // PageInfo travels as the JSON object it is.
    for (const char *field : {"hasNextPage", "hasPreviousPage", "startCursor", "endCursor"})
        r.member<nlohmann::ordered_json>("PageInfo", field, [field](const nlohmann::ordered_json &info) {
            return info.at(field).is_null() ? GraphQLResolved() : GraphQLResolved::leaf(info.at(field));
        });
}

} // namespace petstore::mock
