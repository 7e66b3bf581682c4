// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/petstore/store.h"

#include "core/petstore/domainjson.h"
#include "core/petstore/domainrules.h"

#include <QString>

#include <algorithm>

namespace petstore::core {

namespace {

using nlohmann::json;

// The transitions a client may make with PUT/PATCH; the others belong to orders (store.h).
bool isEditableTransition(PetStatus from, PetStatus to)
{
    const auto editable = [](PetStatus s) {
        return s == PetStatus::Available || s == PetStatus::NotAvailable;
    };
    return from == to || (editable(from) && editable(to));
}

bool isPetMachineEdge(PetStatus from, PetStatus to)
{
    switch (from) {
    case PetStatus::Available:
        return to == PetStatus::NotAvailable || to == PetStatus::Pending;
    case PetStatus::NotAvailable:
        return to == PetStatus::Available;
    case PetStatus::Pending:
        return to == PetStatus::Available || to == PetStatus::Adopted;
    case PetStatus::Adopted:
        return false;
    }
    return false;
}

std::string transitionMessage(PetStatus from, PetStatus to)
{
    return "cannot change pet status from " + std::string(toString(from)) + " to "
        + std::string(toString(to));
}

Error petNotFound(const std::string &id)
{
    return Error::make(ErrorKind::NotFound, "pet " + id + " does not exist");
}

struct SortKey
{
    std::string field;
    bool descending = false;
};

constexpr const char *SortFields[] = {"name", "createdAt", "updatedAt", "ageMonths", "price"};

Result<std::vector<SortKey>> parseSort(const std::string &sort)
{
    std::vector<SortKey> keys;
    const std::string spec = sort.empty() ? std::string("createdAt") : sort;
    std::size_t start = 0;
    while (start <= spec.size()) {
        const std::size_t comma = std::min(spec.find(',', start), spec.size());
        SortKey key{spec.substr(start, comma - start)};
        if (!key.field.empty() && key.field[0] == '-') {
            key.descending = true;
            key.field.erase(0, 1);
        }
        if (std::find(std::begin(SortFields), std::end(SortFields), key.field)
            == std::end(SortFields)) {
            return Error::make(ErrorKind::Validation, "unsupported sort field",
                               {{"sort",
                                 "cannot sort by '" + key.field
                                     + "'; use name, createdAt, updatedAt, ageMonths or price",
                                 "enum"}});
        }
        keys.push_back(std::move(key));
        start = comma + 1;
    }
    return keys;
}

template<typename T>
int threeWay(const T &a, const T &b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}

int comparePets(const Pet &a, const Pet &b, const std::string &field)
{
    if (field == "name")
        return threeWay(domainrules::toLowerAscii(a.name), domainrules::toLowerAscii(b.name));
    if (field == "updatedAt")
        return threeWay(a.updatedAt, b.updatedAt);
    if (field == "ageMonths")  // unknown ages sort before known ones
        return threeWay(a.ageMonths.value_or(-1), b.ageMonths.value_or(-1));
    if (field == "price")
        return threeWay(domainrules::moneyToCents(a.price), domainrules::moneyToCents(b.price));
    return threeWay(a.createdAt, b.createdAt);
}

bool containsText(const std::string &haystack, const QString &needle)
{
    return QString::fromStdString(haystack).contains(needle, Qt::CaseInsensitive);
}

} // namespace

Store::Store(std::string tenantId, DomainEventBus *bus, Clock clock)
    : m_tenantId(std::move(tenantId)), m_bus(bus), m_clock(std::move(clock))
{
}

Store::Store(std::string tenantId, const Store &prototype) : Store(prototype)
{
    m_tenantId = std::move(tenantId);
}

void Store::publish(const std::string &type, const std::string &subject, json data)
{
    if (m_bus)
        m_bus->publish(m_tenantId, type, subject, std::move(data));
}

std::string Store::newId()
{
    return m_ids.next(m_clock());
}

Status Store::setPetStatus(Pet &pet, PetStatus to)
{
    if (pet.status == to)
        return Done{};
    if (!isPetMachineEdge(pet.status, to))
        return Error::make(ErrorKind::InvalidTransition, transitionMessage(pet.status, to));
    const PetStatus previous = pet.status;
    pet.status = to;
    pet.updatedAt = m_clock();
    ++pet.revision;
    json data = toJson(pet);
    data["previousStatus"] = toString(previous);
    publish("pet.status_changed", "/v1/pets/" + pet.id, std::move(data));
    if (to == PetStatus::Adopted)
        publish("pet.adopted", "/v1/pets/" + pet.id, toJson(pet));
    return Done{};
}

Result<std::vector<Pet>> Store::listPets(const PetFilter &filter, const std::string &sort) const
{
    Result<std::vector<const Pet *>> found = findPets(filter, sort);
    if (!found)
        return found.error();
    std::vector<Pet> pets;
    pets.reserve(found->size());
    for (const Pet *pet : found.value())
        pets.push_back(*pet);
    return pets;
}

Result<std::vector<const Pet *>> Store::findPets(const PetFilter &filter, const std::string &sort) const
{
    Result<std::vector<SortKey>> keys = parseSort(sort);
    if (!keys)
        return keys.error();
    std::optional<std::int64_t> maxCents;
    if (filter.maxPrice) {
        if (!domainrules::isMoney(*filter.maxPrice)) {
            return Error::make(ErrorKind::Validation, "invalid price filter",
                               {{"maxPrice", "must be a decimal string", "pattern"}});
        }
        maxCents = domainrules::moneyToCents(*filter.maxPrice);
    }
    const QString q = QString::fromStdString(filter.q);

    std::vector<const Pet *> pets;
    for (const auto &entry : m_pets) {
        const Pet &pet = entry.second;
        const int age = pet.ageMonths.value_or(-1);
        const bool matches = (!filter.species || pet.species == *filter.species)
            && (!filter.status || pet.status == *filter.status)
            && (!filter.size || pet.size == filter.size)
            && (!filter.goodWithKids || pet.goodWithKids == filter.goodWithKids)
            && (!filter.goodWithPets || pet.goodWithPets == filter.goodWithPets)
            && (!filter.minAgeMonths || (pet.ageMonths && age >= *filter.minAgeMonths))
            && (!filter.maxAgeMonths || (pet.ageMonths && age <= *filter.maxAgeMonths))
            && (!maxCents || domainrules::moneyToCents(pet.price) <= *maxCents)
            && (q.isEmpty() || containsText(pet.name, q) || containsText(pet.breed, q)
                || containsText(pet.description, q));
        if (matches)
            pets.push_back(&pet);
    }
    // Sorting pointers, not pets: a Pet is a large value and swaps would copy its strings.
    std::sort(pets.begin(), pets.end(), [&keys](const Pet *a, const Pet *b) {
        for (const SortKey &key : *keys) {
            const int order = comparePets(*a, *b, key.field);
            if (order != 0)
                return key.descending ? order > 0 : order < 0;
        }
        return a->id < b->id;  // a total order keeps pagination stable
    });
    return pets;
}

Result<Pet> Store::getPet(const std::string &id) const
{
    const auto it = m_pets.find(id);
    if (it == m_pets.end())
        return petNotFound(id);
    return it->second;
}

Result<Pet> Store::createPet(const json &body)
{
    Result<Pet> parsed = petFromJson(body);
    if (!parsed)
        return parsed.error();
    Pet pet = std::move(parsed).value();
    if (pet.status != PetStatus::Available && pet.status != PetStatus::NotAvailable) {
        return Error::make(ErrorKind::InvalidTransition,
                           "a new pet must be AVAILABLE or NOT_AVAILABLE, not "
                               + std::string(toString(pet.status)));
    }
    pet.id = newId();
    pet.createdAt = pet.updatedAt = m_clock();
    pet.revision = 1;
    m_pets[pet.id] = pet;
    publish("pet.created", "/v1/pets/" + pet.id, toJson(pet));
    return pet;
}

Result<Pet> Store::storeEditedPet(Pet &current, Pet edited)
{
    if (!isEditableTransition(current.status, edited.status)) {
        return Error::make(ErrorKind::InvalidTransition,
                           transitionMessage(current.status, edited.status));
    }
    const PetStatus previous = current.status;
    edited.id = current.id;
    edited.createdAt = current.createdAt;
    edited.updatedAt = m_clock();
    edited.revision = current.revision + 1;
    current = std::move(edited);
    publish("pet.updated", "/v1/pets/" + current.id, toJson(current));
    if (current.status != previous) {
        json data = toJson(current);
        data["previousStatus"] = toString(previous);
        publish("pet.status_changed", "/v1/pets/" + current.id, std::move(data));
    }
    return current;
}

Result<Pet> Store::replacePet(const std::string &id, const json &body)
{
    const auto it = m_pets.find(id);
    if (it == m_pets.end())
        return petNotFound(id);
    Result<Pet> parsed = petFromJson(body);
    if (!parsed)
        return parsed.error();
    Pet edited = std::move(parsed).value();
    // A representation without a status keeps the current one: PUT need not repeat a state
    // that only orders may change.
    const auto status = body.find("status");
    if (status == body.end() || status->is_null())
        edited.status = it->second.status;
    return storeEditedPet(it->second, std::move(edited));
}

Result<Pet> Store::mergePatchPet(const std::string &id, const json &patch)
{
    const auto it = m_pets.find(id);
    if (it == m_pets.end())
        return petNotFound(id);
    json target = toJson(it->second);
    for (const char *readOnly : {"id", "createdAt", "updatedAt", "links"})
        target.erase(readOnly);
    // RFC 7396 §2: null removes a member, objects merge recursively, anything else replaces.
    target.merge_patch(patch);
    Result<Pet> parsed = petFromJson(target);
    if (!parsed)
        return parsed.error();
    return storeEditedPet(it->second, std::move(parsed).value());
}

Status Store::deletePet(const std::string &id)
{
    const auto it = m_pets.find(id);
    if (it == m_pets.end())
        return petNotFound(id);
    if (it->second.status == PetStatus::Pending)
        return Error::make(ErrorKind::Conflict, "pet " + id + " is held by an open order");
    m_pets.erase(it);
    m_health.erase(id);
    publish("pet.deleted", "/v1/pets/" + id, json{{"id", id}});
    return Done{};
}

json Store::petCountsByStatus() const
{
    json counts = json::object();
    for (const PetStatus s : {PetStatus::Available, PetStatus::Pending, PetStatus::Adopted,
                              PetStatus::NotAvailable})
        counts[std::string(toString(s))] = 0;
    for (const auto &entry : m_pets) {
        json &count = counts[std::string(toString(entry.second.status))];
        count = count.get<int>() + 1;
    }
    return counts;
}

} // namespace petstore::core
