// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/rest/restpetroutes.h"

#include "core/http/pagination.h"
#include "core/petstore/domainjson.h"
#include "mock-server/http/httpproblemresponse.h"
#include "mock-server/rest/petrepresentationcache.h"
#include "mock-server/rest/restreply.h"

#include <QtGlobal>

#include <memory>
#include <set>
#include <sstream>

namespace petstore::mock {

namespace {

using nlohmann::json;

// Reads the filter members shared by GET /pets (query) and POST /pets/search (body); values
// were already validated against the OpenAPI schema.
core::PetFilter filterFrom(const json &source)
{
    core::PetFilter filter;
    auto text = [&source](const char *name) { return source.value(name, std::string()); };
    if (source.contains("species"))
        filter.species = core::speciesFromString(text("species"));
    if (source.contains("status"))
        filter.status = core::petStatusFromString(text("status"));
    if (source.contains("size"))
        filter.size = core::petSizeFromString(text("size"));
    if (source.contains("goodWithKids"))
        filter.goodWithKids = source.at("goodWithKids").get<bool>();
    if (source.contains("goodWithPets"))
        filter.goodWithPets = source.at("goodWithPets").get<bool>();
    if (source.contains("minAgeMonths"))
        filter.minAgeMonths = source.at("minAgeMonths").get<int>();
    if (source.contains("maxAgeMonths"))
        filter.maxAgeMonths = source.at("maxAgeMonths").get<int>();
    if (source.contains("maxPrice"))
        filter.maxPrice = text("maxPrice");
    filter.q = text("q");
    return filter;
}

// Sparse fieldsets: `fields=name,status` keeps those members (and id) of each pet.
core::Result<std::set<std::string>> parseFields(const std::string &fields)
{
    static const std::set<std::string> known = {
        "id", "name", "species", "breed", "ageMonths", "size", "color", "gender", "goodWithKids",
        "goodWithPets", "status", "price", "currency", "description", "photos", "medicalInfo",
        "createdAt", "updatedAt", "links"};
    std::set<std::string> selected;
    std::stringstream in(fields);
    for (std::string name; std::getline(in, name, ',');) {
        if (!known.count(name))
            return core::Error::make(core::ErrorKind::Validation, "unknown field in fields",
                                     {{"query.fields", "no pet member named '" + name + "'", "enum"}});
        selected.insert(name);
    }
    selected.insert("id");
    return selected;
}

// The collection envelope. Without sparse fields the items are the cached serialized pets,
// spliced into the dumped envelope (nlohmann orders members by name, so it opens with
// {"data":[]) instead of being rebuilt as JSON values for every request.
core::HttpResponse petCollection(const std::vector<const core::Pet *> &pets, const core::PageRequest &page,
                                 const std::set<std::string> &fields, const std::string &path,
                                 const core::Pagination::QueryItems &otherQuery, HttpExchange &exchange,
                                 PetRepresentationCache &cache)
{
    auto window = core::Pagination::window(page, pets.size());
    if (!window.ok())
        return RestReply::error(window.error(), exchange);
    const std::size_t end = window->offset + window->count;
    if (!fields.empty()) {
        json data = json::array();
        for (std::size_t i = window->offset; i < end; ++i) {
            json pet = core::toJson(*pets[i]);
            for (auto it = pet.begin(); it != pet.end();)
                it = fields.count(it.key()) ? std::next(it) : pet.erase(it);
            data.push_back(std::move(pet));
        }
        return RestReply::json(200, core::Pagination::envelope(std::move(data), page, *window, pets.size(), path, otherQuery));
    }
    std::string items;
    for (std::size_t i = window->offset; i < end; ++i) {
        items += i == window->offset ? "" : ",";
        items += cache.text(exchange.tenantId, *pets[i]);
    }
    const json envelope = core::Pagination::envelope(json::array(), page, *window, pets.size(), path, otherQuery);
    std::string body = envelope.dump(-1, ' ', false, json::error_handler_t::replace);
    static const std::string emptyData = "{\"data\":[]";
    Q_ASSERT(body.compare(0, emptyData.size(), emptyData) == 0);
    body.insert(emptyData.size() - 1, items);
    return RestReply::jsonText(200, std::move(body));
}

core::HttpResponse listPets(HttpExchange &exchange, PetRepresentationCache &cache)
{
    const json &query = exchange.params["query"];
    std::set<std::string> fields;
    if (query.contains("fields")) {
        auto parsed = parseFields(query.at("fields").get<std::string>());
        if (!parsed.ok())
            return RestReply::error(parsed.error(), exchange);
        fields = parsed.value();
    }
    auto page = core::Pagination::fromQuery(exchange.query);
    if (!page.ok())
        return RestReply::error(page.error(), exchange);
    auto pets = exchange.store->findPets(filterFrom(query), query.value("sort", std::string()));
    if (!pets.ok())
        return RestReply::error(pets.error(), exchange);
    core::Pagination::QueryItems other;
    for (const auto &item : exchange.query)
        if (item.first != "page" && item.first != "cursor" && item.first != "limit")
            other.push_back(item);
    return petCollection(pets.value(), page.value(), fields, "/v1/pets", other, exchange, cache);
}

core::HttpResponse searchPets(HttpExchange &exchange, PetRepresentationCache &cache)
{
    const json &body = exchange.body;
    core::PageRequest page;
    page.whenUnspecified = core::PageMode::Cursor;
    page.limit = body.value("limit", core::Pagination::DefaultLimit);
    if (body.contains("cursor"))
        page.cursor = body.at("cursor").get<std::string>();
    if (auto valid = core::Pagination::validate(page); !valid.ok()) {
        core::Error error = valid.error();
        for (auto &field : error.fields)
            field.field = "/" + field.field.substr(field.field.find('.') + 1);
        return RestReply::error(error, exchange);
    }
    auto pets = exchange.store->findPets(filterFrom(body), body.value("sort", std::string()));
    if (!pets.ok())
        return RestReply::error(pets.error(), exchange);
    return petCollection(pets.value(), page, {}, "/v1/pets/search", {}, exchange, cache);
}

std::string petIdOf(const HttpExchange &exchange)
{
    return exchange.params["path"].value("petId", std::string());
}

core::HttpResponse getPet(HttpExchange &exchange, PetRepresentationCache &cache)
{
    auto pet = exchange.store->getPet(petIdOf(exchange));
    return pet.ok() ? RestReply::jsonText(200, cache.text(exchange.tenantId, pet.value()))
                    : RestReply::error(pet.error(), exchange);
}

core::HttpResponse createPet(HttpExchange &exchange)
{
    auto pet = exchange.store->createPet(exchange.body);
    if (!pet.ok())
        return RestReply::error(pet.error(), exchange);
    return RestReply::created(core::toJson(pet.value()), "/v1/pets/" + pet->id);
}

template<typename Change>
core::HttpResponse changePet(HttpExchange &exchange, Change change)
{
    auto current = exchange.store->getPet(petIdOf(exchange));
    if (!current.ok())
        return RestReply::error(current.error(), exchange);
    if (auto failed = RestReply::checkIfMatch(exchange, core::toJson(current.value())))
        return *failed;
    auto pet = change(petIdOf(exchange));
    return pet.ok() ? RestReply::json(200, core::toJson(pet.value())) : RestReply::error(pet.error(), exchange);
}

core::HttpResponse deletePet(HttpExchange &exchange)
{
    auto done = exchange.store->deletePet(petIdOf(exchange));
    return done.ok() ? RestReply::noContent() : RestReply::error(done.error(), exchange);
}

core::HttpResponse getPetHealth(HttpExchange &exchange)
{
    auto readings = exchange.store->healthReadings(petIdOf(exchange));
    if (!readings.ok())
        return RestReply::error(readings.error(), exchange);
    nlohmann::json data = nlohmann::json::array();
    for (const core::PetHealthReading &reading : readings.value())
        data.push_back(core::toJson(reading));
    return RestReply::json(200, {{"data", std::move(data)}});
}

} // namespace

void RestPetRoutes::install(RestRouter &router, const RestEnvironment &)
{
    // Shared by the read handlers; lives as long as the router holds them.
    auto cache = std::make_shared<PetRepresentationCache>();
    router.handle("listPets", [cache](HttpExchange &exchange) { return listPets(exchange, *cache); });
    router.handle("searchPets", [cache](HttpExchange &exchange) { return searchPets(exchange, *cache); });
    router.allowQueryMethod("searchPets");
    router.handle("getPet", [cache](HttpExchange &exchange) { return getPet(exchange, *cache); });
    router.handle("createPet", createPet);
    router.handle("replacePet", [](HttpExchange &exchange) {
        return changePet(exchange, [&exchange](const std::string &id) { return exchange.store->replacePet(id, exchange.body); });
    });
    router.handle("updatePet", [](HttpExchange &exchange) {
        return changePet(exchange, [&exchange](const std::string &id) { return exchange.store->mergePatchPet(id, exchange.body); });
    });
    router.handle("deletePet", deletePet);
    router.handle("getPetHealth", getPetHealth);
    for (const char *op : {"listPets", "searchPets", "getPet", "getPetHealth"})
        router.requireScope(op, "read:pets");
    for (const char *op : {"createPet", "replacePet", "updatePet", "deletePet"})
        router.requireScope(op, "write:pets");
}

} // namespace petstore::mock
