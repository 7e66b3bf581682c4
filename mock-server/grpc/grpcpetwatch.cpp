// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/grpc/grpcpetwatch.h"

#include "core/petstore/domainenums.h"
#include "mock-server/grpc/petstoreprotos.h"

#include <algorithm>

namespace petstore::mock {

namespace {

constexpr std::string_view PetSubject = "/v1/pets/";

} // namespace

std::optional<v1::PetEventType> GrpcPetWatch::eventType(const std::string &type)
{
    if (type == "pet.created")
        return v1::PET_EVENT_TYPE_CREATED;
    if (type == "pet.updated")
        return v1::PET_EVENT_TYPE_UPDATED;
    if (type == "pet.status_changed")
        return v1::PET_EVENT_TYPE_STATUS_CHANGED;
    if (type == "pet.deleted")
        return v1::PET_EVENT_TYPE_DELETED;
    if (type == "pet.adopted")
        return v1::PET_EVENT_TYPE_ADOPTED;
    return std::nullopt;
}

void GrpcPetWatch::started(GrpcCaller caller)
{
    for (int type : request().types())
        if (!v1::PetEventType_IsValid(type) || type == v1::PET_EVENT_TYPE_UNSPECIFIED)
            return end({grpc::StatusCode::INVALID_ARGUMENT, "types: unknown event type " + std::to_string(type)}, false);
    for (int status : request().statuses())
        if (!v1::PetStatus_IsValid(status) || status == v1::PET_STATUS_UNSPECIFIED)
            return end({grpc::StatusCode::INVALID_ARGUMENT, "statuses: unknown pet status " + std::to_string(status)}, false);
    m_caller = std::move(caller);
    // Listed and subscribed in one go on the mock thread: no change can fall in between.
    if (request().include_existing()) {
        std::vector<v1::WatchPetsResponse> existing;
        auto pets = m_caller.store->findPets({});
        for (const core::Pet *pet : pets.ok() ? pets.value() : std::vector<const core::Pet *>{}) {
            if (!wanted(v1::PET_EVENT_TYPE_EXISTING, pet->id) || !wantedStatus(PetstoreProtos::toProto(pet->status)))
                continue;
            v1::WatchPetsResponse &message = existing.emplace_back();
            message.set_type(v1::PET_EVENT_TYPE_EXISTING);
            PetstoreProtos::toProto(pet->updatedAt, message.mutable_time());
            PetstoreProtos::toProto(*pet, message.mutable_pet());
        }
        sendSnapshot(std::move(existing));
    }
    m_subscription = context().bus->subscribe([this](const core::CloudEvent &event) { onEvent(event); });
}

void GrpcPetWatch::stopped()
{
    if (m_subscription)
        context().bus->unsubscribe(*m_subscription);
}

bool GrpcPetWatch::wanted(v1::PetEventType type, const std::string &petId) const
{
    const auto &types = request().types();
    const auto &ids = request().pet_ids();
    return (types.empty() || type == v1::PET_EVENT_TYPE_EXISTING || std::find(types.begin(), types.end(), type) != types.end())
           && (ids.empty() || std::find(ids.begin(), ids.end(), petId) != ids.end());
}

bool GrpcPetWatch::wantedStatus(v1::PetStatus status) const
{
    const auto &statuses = request().statuses();
    return statuses.empty() || std::find(statuses.begin(), statuses.end(), status) != statuses.end();
}

void GrpcPetWatch::onEvent(const core::CloudEvent &event)
{
    if (event.tenantId != m_caller.tenantId || event.subject.compare(0, PetSubject.size(), PetSubject) != 0)
        return;
    const auto type = eventType(event.type);
    if (!type)
        return;
    const std::string petId = event.subject.substr(PetSubject.size());
    if (!wanted(*type, petId))
        return;
    v1::WatchPetsResponse message;
    message.set_event_id(event.id());
    message.set_type(*type);
    PetstoreProtos::toProto(event.time, message.mutable_time());
    if (*type == v1::PET_EVENT_TYPE_DELETED) {
        if (!request().statuses().empty())
            return;
        message.mutable_pet()->set_id(petId);
    } else {
        // By tenant, not the pointer from admission: resetting the data replaces the stores.
        auto store = context().tenants->store(m_caller.tenantId);
        if (!store.ok())
            return;
        auto pet = store.value()->getPet(petId);
        if (!pet.ok() || !wantedStatus(PetstoreProtos::toProto(pet->status)))
            return;
        PetstoreProtos::toProto(pet.value(), message.mutable_pet());
    }
    if (const auto previous = event.data.find("previousStatus"); previous != event.data.end() && previous->is_string())
        if (const auto status = core::petStatusFromString(previous->get<std::string>()))
            message.set_previous_status(PetstoreProtos::toProto(*status));
    send(std::move(message));
}

} // namespace petstore::mock
