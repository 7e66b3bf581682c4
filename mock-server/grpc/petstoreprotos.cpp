// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/grpc/petstoreprotos.h"

#include "core/petstore/domainenums.h"

#include <array>
#include <chrono>
#include <string_view>

namespace petstore::mock {

namespace {

using json = nlohmann::json;

// One Pet field: its proto path and REST member, and how to read it from the message as the
// JSON a merge patch carries (null for "unset", which removes the member).
struct PetField
{
    std::string_view path;
    std::string_view member;
    json (*read)(const v1::Pet &, std::vector<core::FieldError> &);
    bool (*populated)(const v1::Pet &);
};

template<typename Enum, typename Domain>
json enumName(int value, bool (*isValid)(int), std::string_view (*name)(Domain), std::string_view path,
              std::vector<core::FieldError> &errors)
{
    if (value == 0)
        return nullptr;
    if (!isValid(value)) {
        errors.push_back({std::string(path), "unknown enum value " + std::to_string(value), "enum"});
        return nullptr;
    }
    return std::string(name(Domain(value - 1)));
}

std::string_view speciesName(core::Species v) { return core::toString(v); }
std::string_view sizeName(core::PetSize v) { return core::toString(v); }
std::string_view genderName(core::Gender v) { return core::toString(v); }
std::string_view statusName(core::PetStatus v) { return core::toString(v); }

json text(const std::string &value) { return value.empty() ? json(nullptr) : json(value); }

json medicalJson(const v1::MedicalInfo &m)
{
    json out = {{"spayedNeutered", m.spayed_neutered()}, {"vaccinated", m.vaccinated()},
                {"microchipped", m.microchipped()}, {"specialNeeds", m.special_needs()}};
    if (!m.notes().empty())
        out["notes"] = m.notes();
    return out;
}

using Errors = std::vector<core::FieldError>;

const std::array<PetField, 20> &petFields()
{
    static const std::array<PetField, 20> fields{{
        {"name", "name", [](const v1::Pet &p, Errors &) { return text(p.name()); }, [](const v1::Pet &p) { return !p.name().empty(); }},
        {"species", "species",
         [](const v1::Pet &p, Errors &e) { return enumName<v1::Species, core::Species>(p.species(), v1::Species_IsValid, speciesName, "species", e); },
         [](const v1::Pet &p) { return p.species() != 0; }},
        {"breed", "breed", [](const v1::Pet &p, Errors &) { return text(p.breed()); }, [](const v1::Pet &p) { return !p.breed().empty(); }},
        {"age_months", "ageMonths", [](const v1::Pet &p, Errors &) { return p.has_age_months() ? json(p.age_months()) : json(nullptr); },
         [](const v1::Pet &p) { return p.has_age_months(); }},
        {"size", "size",
         [](const v1::Pet &p, Errors &e) { return enumName<v1::PetSize, core::PetSize>(p.size(), v1::PetSize_IsValid, sizeName, "size", e); },
         [](const v1::Pet &p) { return p.size() != 0; }},
        {"color", "color", [](const v1::Pet &p, Errors &) { return text(p.color()); }, [](const v1::Pet &p) { return !p.color().empty(); }},
        {"gender", "gender",
         [](const v1::Pet &p, Errors &e) { return enumName<v1::Gender, core::Gender>(p.gender(), v1::Gender_IsValid, genderName, "gender", e); },
         [](const v1::Pet &p) { return p.gender() != 0; }},
        {"good_with_kids", "goodWithKids", [](const v1::Pet &p, Errors &) { return p.has_good_with_kids() ? json(p.good_with_kids()) : json(nullptr); },
         [](const v1::Pet &p) { return p.has_good_with_kids(); }},
        {"good_with_pets", "goodWithPets", [](const v1::Pet &p, Errors &) { return p.has_good_with_pets() ? json(p.good_with_pets()) : json(nullptr); },
         [](const v1::Pet &p) { return p.has_good_with_pets(); }},
        {"status", "status",
         [](const v1::Pet &p, Errors &e) { return enumName<v1::PetStatus, core::PetStatus>(p.status(), v1::PetStatus_IsValid, statusName, "status", e); },
         [](const v1::Pet &p) { return p.status() != 0; }},
        {"price", "price", [](const v1::Pet &p, Errors &) { return text(p.price()); }, [](const v1::Pet &p) { return !p.price().empty(); }},
        {"currency", "currency", [](const v1::Pet &p, Errors &) { return text(p.currency()); }, [](const v1::Pet &p) { return !p.currency().empty(); }},
        {"description", "description", [](const v1::Pet &p, Errors &) { return text(p.description()); },
         [](const v1::Pet &p) { return !p.description().empty(); }},
        {"photos", "photos", [](const v1::Pet &p, Errors &) { return json(std::vector<std::string>(p.photos().begin(), p.photos().end())); },
         [](const v1::Pet &p) { return p.photos_size() > 0; }},
        {"medical_info", "medicalInfo", [](const v1::Pet &p, Errors &) { return medicalJson(p.medical_info()); },
         [](const v1::Pet &p) { return p.has_medical_info(); }},
        {"medical_info.spayed_neutered", "spayedNeutered", [](const v1::Pet &p, Errors &) { return json(p.medical_info().spayed_neutered()); }, nullptr},
        {"medical_info.vaccinated", "vaccinated", [](const v1::Pet &p, Errors &) { return json(p.medical_info().vaccinated()); }, nullptr},
        {"medical_info.microchipped", "microchipped", [](const v1::Pet &p, Errors &) { return json(p.medical_info().microchipped()); }, nullptr},
        {"medical_info.special_needs", "specialNeeds", [](const v1::Pet &p, Errors &) { return json(p.medical_info().special_needs()); }, nullptr},
        {"medical_info.notes", "notes", [](const v1::Pet &p, Errors &) { return text(p.medical_info().notes()); }, nullptr},
    }};
    return fields;
}

const PetField *petField(std::string_view path)
{
    for (const PetField &field : petFields())
        if (field.path == path)
            return &field;
    return nullptr;
}

// Sets `value` at `field` in a merge patch; medical_info.* members go inside "medicalInfo".
void put(json &patch, const PetField &field, json value)
{
    if (field.path.rfind("medical_info.", 0) == 0) {
        json &medical = patch["medicalInfo"];
        if (!medical.is_object())
            medical = json::object();
        medical[std::string(field.member)] = std::move(value);
    } else {
        patch[std::string(field.member)] = std::move(value);
    }
}

core::Result<json> refusedOr(json body, Errors errors, const char *what)
{
    if (!errors.empty())
        return core::Error::make(core::ErrorKind::Validation, what, std::move(errors));
    return body;
}

} // namespace

void PetstoreProtos::toProto(core::TimePoint time, google::protobuf::Timestamp *out)
{
    const auto ms = time.time_since_epoch().count();
    const auto seconds = ms >= 0 ? ms / 1000 : (ms - 999) / 1000;
    out->set_seconds(seconds);
    out->set_nanos(int((ms - seconds * 1000) * 1000000));
}

void PetstoreProtos::toProto(const core::Pet &pet, v1::Pet *out)
{
    out->set_id(pet.id);
    out->set_name(pet.name);
    out->set_species(v1::Species(int(pet.species) + 1));
    out->set_breed(pet.breed);
    if (pet.ageMonths)
        out->set_age_months(*pet.ageMonths);
    if (pet.size)
        out->set_size(v1::PetSize(int(*pet.size) + 1));
    out->set_color(pet.color);
    out->set_gender(v1::Gender(int(pet.gender) + 1));
    if (pet.goodWithKids)
        out->set_good_with_kids(*pet.goodWithKids);
    if (pet.goodWithPets)
        out->set_good_with_pets(*pet.goodWithPets);
    out->set_status(toProto(pet.status));
    out->set_price(pet.price);
    out->set_currency(pet.currency);
    out->set_description(pet.description);
    for (const std::string &photo : pet.photos)
        out->add_photos(photo);
    v1::MedicalInfo *medical = out->mutable_medical_info();
    medical->set_spayed_neutered(pet.medicalInfo.spayedNeutered);
    medical->set_vaccinated(pet.medicalInfo.vaccinated);
    medical->set_microchipped(pet.medicalInfo.microchipped);
    medical->set_special_needs(pet.medicalInfo.specialNeeds);
    medical->set_notes(pet.medicalInfo.notes);
    toProto(pet.createdAt, out->mutable_created_at());
    toProto(pet.updatedAt, out->mutable_updated_at());
}

void PetstoreProtos::toProto(const core::Order &order, v1::Order *out)
{
    out->set_id(order.id);
    out->set_pet_id(order.petId);
    out->set_user_id(order.userId.value_or(std::string()));
    out->set_status(toProto(order.status));
    out->set_total_amount(order.totalAmount);
    out->set_currency(order.currency);
    out->set_callback_url(order.callbackUrl.value_or(std::string()));
    out->set_payment_id(order.paymentId.value_or(std::string()));
    toProto(order.createdAt, out->mutable_created_at());
    toProto(order.updatedAt, out->mutable_updated_at());
}

void PetstoreProtos::toProto(const core::Payment &payment, v1::Payment *out)
{
    out->set_id(payment.id);
    out->set_order_id(payment.orderId);
    out->set_amount(payment.amount);
    out->set_currency(payment.currency);
    v1::CardSummary *card = out->mutable_card();
    card->set_brand(payment.card.brand);
    card->set_name(payment.card.name);
    card->set_last4(payment.card.last4);
    card->set_exp_month(payment.card.expMonth);
    card->set_exp_year(payment.card.expYear);
    out->set_status(v1::PaymentStatus(int(payment.status) + 1));
    out->set_failure_reason(payment.failureReason.value_or(std::string()));
    toProto(payment.createdAt, out->mutable_created_at());
    toProto(payment.updatedAt, out->mutable_updated_at());
}

core::Result<json> PetstoreProtos::createBody(const v1::Pet &pet)
{
    json body = json::object();
    Errors errors;
    for (const PetField &field : petFields())
        if (field.populated && field.populated(pet))
            body[std::string(field.member)] = field.read(pet, errors);
    return refusedOr(std::move(body), std::move(errors), "invalid pet");
}

core::Result<json> PetstoreProtos::updatePatch(const v1::Pet &pet, const google::protobuf::FieldMask &mask)
{
    json patch = json::object();
    Errors errors;
    if (mask.paths_size() == 0)
        return createBody(pet);
    for (const std::string &path : mask.paths()) {
        if (path == "id" || path == "created_at" || path == "updated_at") {
            errors.push_back({"update_mask", "\"" + path + "\" is set by the server", "readOnly"});
            continue;
        }
        const PetField *field = petField(path);
        if (!field) {
            errors.push_back({"update_mask", "\"" + path.substr(0, 64) + "\" is not a field of petstore.v1.Pet", "unknownField"});
            continue;
        }
        put(patch, *field, field->read(pet, errors));
    }
    return refusedOr(std::move(patch), std::move(errors), "invalid update");
}

core::Result<core::PetFilter> PetstoreProtos::filter(const v1::ListPetsRequest &request)
{
    core::PetFilter filter;
    Errors errors;
    auto checkEnum = [&errors](int value, bool (*isValid)(int), const char *path) {
        if (value != 0 && !isValid(value))
            errors.push_back({path, "unknown enum value " + std::to_string(value), "enum"});
        return value != 0 && isValid(value);
    };
    if (checkEnum(request.status(), v1::PetStatus_IsValid, "status"))
        filter.status = core::PetStatus(request.status() - 1);
    if (checkEnum(request.species(), v1::Species_IsValid, "species"))
        filter.species = core::Species(request.species() - 1);
    if (checkEnum(request.size(), v1::PetSize_IsValid, "size"))
        filter.size = core::PetSize(request.size() - 1);
    if (request.has_good_with_kids())
        filter.goodWithKids = request.good_with_kids();
    if (request.has_good_with_pets())
        filter.goodWithPets = request.good_with_pets();
    if (request.has_min_age_months())
        filter.minAgeMonths = request.min_age_months();
    if (request.has_max_age_months())
        filter.maxAgeMonths = request.max_age_months();
    for (auto [set, value, path] : {std::tuple{request.has_min_age_months(), request.min_age_months(), "min_age_months"},
                                    std::tuple{request.has_max_age_months(), request.max_age_months(), "max_age_months"}})
        if (set && (value < 0 || value > 600))
            errors.push_back({path, "must be from 0 to 600", "range"});
    if (!request.max_price().empty())
        filter.maxPrice = request.max_price();
    filter.q = request.query();
    if (!errors.empty())
        return core::Error::make(core::ErrorKind::Validation, "invalid filter", std::move(errors));
    return filter;
}

} // namespace petstore::mock
