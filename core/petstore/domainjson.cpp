// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/petstore/domainjson.h"

#include "core/petstore/domainrules.h"
#include "core/petstore/jsonmemberreader.h"

namespace petstore::core {

namespace {

using Presence = JsonMemberReader::Presence;
using nlohmann::json;

constexpr std::size_t MaxPhotos = 20;

// Optional text members are absent (not "") when empty, matching "absent optionals are
// omitted" in domainjson.h and letting a merge patch null remove them (RFC 7396).
void putText(json &object, const char *key, const std::string &value)
{
    if (!value.empty())
        object[key] = value;
}

} // namespace

json toJson(const Pet &pet)
{
    json medical = {{"spayedNeutered", pet.medicalInfo.spayedNeutered},
                    {"vaccinated", pet.medicalInfo.vaccinated},
                    {"microchipped", pet.medicalInfo.microchipped},
                    {"specialNeeds", pet.medicalInfo.specialNeeds}};
    putText(medical, "notes", pet.medicalInfo.notes);

    json j = {{"id", pet.id},
              {"name", pet.name},
              {"species", toString(pet.species)},
              {"gender", toString(pet.gender)},
              {"status", toString(pet.status)},
              {"price", pet.price},
              {"currency", pet.currency},
              {"photos", pet.photos},
              {"medicalInfo", std::move(medical)},
              {"createdAt", formatRfc3339(pet.createdAt)},
              {"updatedAt", formatRfc3339(pet.updatedAt)},
              {"links", {{"self", "/v1/pets/" + pet.id}, {"adopt", "/v1/orders"}}}};
    putText(j, "breed", pet.breed);
    putText(j, "color", pet.color);
    putText(j, "description", pet.description);
    if (pet.ageMonths)
        j["ageMonths"] = *pet.ageMonths;
    if (pet.size)
        j["size"] = toString(*pet.size);
    if (pet.goodWithKids)
        j["goodWithKids"] = *pet.goodWithKids;
    if (pet.goodWithPets)
        j["goodWithPets"] = *pet.goodWithPets;
    return j;
}

json toJson(const User &user)
{
    json j = {{"id", user.id},
              {"username", user.username},
              {"email", user.email},
              {"role", toString(user.role)},
              {"createdAt", formatRfc3339(user.createdAt)},
              {"updatedAt", formatRfc3339(user.updatedAt)}};
    putText(j, "firstName", user.firstName);
    putText(j, "lastName", user.lastName);
    putText(j, "phone", user.phone);
    return j;
}

json toJson(const Order &order)
{
    json links = {{"self", "/v1/orders/" + order.id}, {"pet", "/v1/pets/" + order.petId}};
    json j = {{"id", order.id},
              {"petId", order.petId},
              {"userId", order.userId ? json(*order.userId) : json(nullptr)},
              {"status", toString(order.status)},
              {"totalAmount", order.totalAmount},
              {"currency", order.currency},
              {"createdAt", formatRfc3339(order.createdAt)},
              {"updatedAt", formatRfc3339(order.updatedAt)}};
    if (order.callbackUrl)
        j["callbackUrl"] = *order.callbackUrl;
    if (order.paymentId) {
        j["paymentId"] = *order.paymentId;
        links["payment"] = "/v1/payments/" + *order.paymentId;
    }
    j["links"] = std::move(links);
    return j;
}

json toJson(const Payment &payment)
{
    json j = {{"id", payment.id},
              {"orderId", payment.orderId},
              {"amount", payment.amount},
              {"currency", payment.currency},
              {"source",
               {{"type", "card"},
                {"brand", payment.card.brand},
                {"name", payment.card.name},
                {"last4", payment.card.last4},
                {"expMonth", payment.card.expMonth},
                {"expYear", payment.card.expYear}}},
              {"status", toString(payment.status)},
              {"createdAt", formatRfc3339(payment.createdAt)},
              {"updatedAt", formatRfc3339(payment.updatedAt)}};
    if (payment.failureReason)
        j["failureReason"] = *payment.failureReason;
    return j;
}

json toJson(const InventoryItem &item)
{
    return {{"productId", item.productId},   {"sku", item.sku},
            {"name", item.name},             {"category", item.category},
            {"stock", item.stock},           {"reorderLevel", item.reorderLevel},
            {"unitPrice", item.unitPrice},   {"currency", item.currency},
            {"updatedAt", formatRfc3339(item.updatedAt)}};
}

json toJson(const PetHealthReading &reading)
{
    return {{"petId", reading.petId},           {"deviceId", reading.deviceId},
            {"heartRate", reading.heartRate},   {"temperatureC", reading.temperatureC},
            {"activity", reading.activity},     {"recordedAt", formatRfc3339(reading.recordedAt)}};
}

Result<Pet> petFromJson(const json &body)
{
    std::vector<FieldError> errors;
    JsonMemberReader r(body, "", errors);
    Pet pet;

    if (auto name = r.text("name", Presence::Required, 50, 1))
        pet.name = std::move(*name);
    if (auto species = r.enumeration("species", Presence::Required, speciesFromString, 6))
        pet.species = *species;
    if (auto breed = r.text("breed", Presence::Optional, 50))
        pet.breed = std::move(*breed);
    if (auto age = r.integer("ageMonths", Presence::Optional, 0, 600))
        pet.ageMonths = int(*age);
    pet.size = r.enumeration("size", Presence::Optional, petSizeFromString, 3);
    if (auto color = r.text("color", Presence::Optional, 50))
        pet.color = std::move(*color);
    if (auto gender = r.enumeration("gender", Presence::Optional, genderFromString, 3))
        pet.gender = *gender;
    pet.goodWithKids = r.boolean("goodWithKids", Presence::Optional);
    pet.goodWithPets = r.boolean("goodWithPets", Presence::Optional);
    if (auto status = r.enumeration("status", Presence::Optional, petStatusFromString, 4))
        pet.status = *status;
    if (auto price = r.money("price", Presence::Optional))
        pet.price = std::move(*price);
    if (auto currency = r.currency("currency", Presence::Optional))
        pet.currency = std::move(*currency);
    if (auto description = r.text("description", Presence::Optional, 2000))
        pet.description = std::move(*description);

    if (const json *photos = r.find("photos")) {
        if (!photos->is_array()) {
            r.fail("/photos", "must be an array", "type");
        } else if (photos->size() > MaxPhotos) {
            r.fail("/photos", "must have at most 20 items", "maxItems");
        } else {
            for (std::size_t i = 0; i < photos->size(); ++i) {
                const json &url = (*photos)[i];
                if (url.is_string() && domainrules::isHttpUrl(url.get_ref<const std::string &>()))
                    pet.photos.push_back(url.get<std::string>());
                else
                    r.fail("/photos/" + std::to_string(i), "must be an absolute http(s) URL",
                           "format");
            }
        }
    }

    if (const json *medical = r.find("medicalInfo")) {
        JsonMemberReader m(*medical, "/medicalInfo", errors);
        MedicalInfo &info = pet.medicalInfo;
        info.spayedNeutered = m.boolean("spayedNeutered", Presence::Optional).value_or(false);
        info.vaccinated = m.boolean("vaccinated", Presence::Optional).value_or(false);
        info.microchipped = m.boolean("microchipped", Presence::Optional).value_or(false);
        info.specialNeeds = m.boolean("specialNeeds", Presence::Optional).value_or(false);
        info.notes = m.text("notes", Presence::Optional, 1000).value_or(std::string());
    }

    if (!errors.empty())
        return Error::make(ErrorKind::Validation, "the pet is not valid", std::move(errors));
    return pet;
}

} // namespace petstore::core
