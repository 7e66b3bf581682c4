// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mock-server/grpc/grpcserverstream.h"

#include "petstore/v1/pet_service.pb.h"

#include <optional>

namespace petstore::mock {

// PetService.WatchPets: the pet events of the caller's tenant from the domain event bus, each
// with the pet as the store holds it, filtered by id, type and status; optionally preceded by
// the matching pets as they are (include_existing). Runs until the client cancels.
class GrpcPetWatch final : public GrpcServerStream<v1::WatchPetsRequest, v1::WatchPetsResponse>
{
public:
    GrpcPetWatch(const GrpcServiceContext &context, grpc::CallbackServerContext *call, const v1::WatchPetsRequest &request)
        : GrpcServerStream(context, "/petstore.v1.PetService/WatchPets", "read:pets", request)
    {
        begin(call);
    }

    // The event type of a domain event, or nothing for events that are not about a pet's data.
    static std::optional<v1::PetEventType> eventType(const std::string &type);

private:
    void started(GrpcCaller caller) override;
    void stopped() override;
    void onEvent(const core::CloudEvent &event);
    bool wanted(v1::PetEventType type, const std::string &petId) const;
    bool wantedStatus(v1::PetStatus status) const;

    GrpcCaller m_caller;
    std::optional<core::DomainEventBus::SubscriptionId> m_subscription;
};

} // namespace petstore::mock
