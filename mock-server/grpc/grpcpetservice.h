// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mock-server/grpc/grpcservicecontext.h"

#include "petstore/v1/pet_service.grpc.pb.h"

namespace petstore::mock {

// petstore.v1.PetService on the shared store: the REST pet routes' rules and events, with
// proto messages. Each method hands its work to the mock thread (GrpcUnaryCall,
// GrpcServerStream) and completes asynchronously.
class GrpcPetService : public v1::PetService::CallbackService
{
public:
    explicit GrpcPetService(const GrpcServiceContext &context) : m_context(context) {}

    grpc::ServerUnaryReactor *GetPet(grpc::CallbackServerContext *call, const v1::GetPetRequest *request,
                                     v1::GetPetResponse *response) override;
    grpc::ServerUnaryReactor *ListPets(grpc::CallbackServerContext *call, const v1::ListPetsRequest *request,
                                       v1::ListPetsResponse *response) override;
    grpc::ServerUnaryReactor *CreatePet(grpc::CallbackServerContext *call, const v1::CreatePetRequest *request,
                                        v1::CreatePetResponse *response) override;
    grpc::ServerUnaryReactor *UpdatePet(grpc::CallbackServerContext *call, const v1::UpdatePetRequest *request,
                                        v1::UpdatePetResponse *response) override;
    grpc::ServerUnaryReactor *DeletePet(grpc::CallbackServerContext *call, const v1::DeletePetRequest *request,
                                        v1::DeletePetResponse *response) override;
    grpc::ServerWriteReactor<v1::WatchPetsResponse> *WatchPets(grpc::CallbackServerContext *call,
                                                               const v1::WatchPetsRequest *request) override;
    grpc::ServerReadReactor<v1::ImportPetsRequest> *ImportPets(grpc::CallbackServerContext *call,
                                                               v1::ImportPetsResponse *response) override;

private:
    const GrpcServiceContext &m_context;
};

} // namespace petstore::mock
