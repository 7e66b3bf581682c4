// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/grpc/grpcpetservice.h"

#include "core/http/pagination.h"
#include "mock-server/grpc/grpcerrorstatus.h"
#include "mock-server/grpc/grpcpetimport.h"
#include "mock-server/grpc/grpcpetwatch.h"
#include "mock-server/grpc/grpcunarycall.h"
#include "mock-server/grpc/petstoreprotos.h"

#include <algorithm>

namespace petstore::mock {

grpc::ServerUnaryReactor *GrpcPetService::GetPet(grpc::CallbackServerContext *call, const v1::GetPetRequest *request,
                                                 v1::GetPetResponse *response)
{
    return GrpcUnaryCall::start(m_context, call, "/petstore.v1.PetService/GetPet", "read:pets", request, response,
                                [request, response](GrpcCaller &caller) {
                                    return PetstoreProtos::reply(caller.store->getPet(request->id()), response->mutable_pet());
                                });
}

grpc::ServerUnaryReactor *GrpcPetService::ListPets(grpc::CallbackServerContext *call, const v1::ListPetsRequest *request,
                                                   v1::ListPetsResponse *response)
{
    return GrpcUnaryCall::start(m_context, call, "/petstore.v1.PetService/ListPets", "read:pets", request, response,
                                [request, response](GrpcCaller &caller) {
        // AIP-158: 0 means the default, larger sizes are lowered to the maximum.
        if (request->page_size() < 0)
            return invalidArgument("page_size must not be negative");
        const int size = request->page_size() == 0 ? core::Pagination::DefaultLimit
                                                   : std::min(request->page_size(), core::Pagination::MaxLimit);
        std::size_t offset = 0;
        if (!request->page_token().empty()) {
            const auto decoded = core::Pagination::decodeCursor(request->page_token());
            if (!decoded)
                return invalidArgument("page_token is not a token this server issued: pass next_page_token unchanged");
            offset = *decoded;
        }
        auto filter = PetstoreProtos::filter(*request);
        if (!filter.ok())
            return grpcStatusFor(filter.error());
        auto pets = caller.store->findPets(filter.value());
        if (!pets.ok())
            return grpcStatusFor(pets.error());
        const std::vector<const core::Pet *> &all = pets.value();
        const std::size_t end = std::min(all.size(), offset + std::size_t(size));
        for (std::size_t i = std::min(offset, all.size()); i < end; ++i)
            PetstoreProtos::toProto(*all[i], response->add_pets());
        if (end < all.size())
            response->set_next_page_token(core::Pagination::encodeCursor(end));
        response->set_total_size(int(all.size()));
        return grpc::Status::OK;
    });
}

grpc::ServerUnaryReactor *GrpcPetService::CreatePet(grpc::CallbackServerContext *call, const v1::CreatePetRequest *request,
                                                    v1::CreatePetResponse *response)
{
    return GrpcUnaryCall::start(m_context, call, "/petstore.v1.PetService/CreatePet", "write:pets", request, response,
                                [request, response](GrpcCaller &caller) {
        auto body = PetstoreProtos::createBody(request->pet());
        if (!body.ok())
            return grpcStatusFor(body.error());
        return PetstoreProtos::reply(caller.store->createPet(body.value()), response->mutable_pet());
    });
}

grpc::ServerUnaryReactor *GrpcPetService::UpdatePet(grpc::CallbackServerContext *call, const v1::UpdatePetRequest *request,
                                                    v1::UpdatePetResponse *response)
{
    return GrpcUnaryCall::start(m_context, call, "/petstore.v1.PetService/UpdatePet", "write:pets", request, response,
                                [request, response](GrpcCaller &caller) {
        if (request->pet().id().empty())
            return invalidArgument("pet.id names the pet to update and must not be empty");
        auto patch = PetstoreProtos::updatePatch(request->pet(), request->update_mask());
        if (!patch.ok())
            return grpcStatusFor(patch.error());
        return PetstoreProtos::reply(caller.store->mergePatchPet(request->pet().id(), patch.value()), response->mutable_pet());
    });
}

grpc::ServerUnaryReactor *GrpcPetService::DeletePet(grpc::CallbackServerContext *call, const v1::DeletePetRequest *request,
                                                    v1::DeletePetResponse *response)
{
    return GrpcUnaryCall::start(m_context, call, "/petstore.v1.PetService/DeletePet", "write:pets", request, response,
                                [request](GrpcCaller &caller) {
        auto deleted = caller.store->deletePet(request->id());
        return deleted.ok() ? grpc::Status::OK : grpcStatusFor(deleted.error());
    });
}

grpc::ServerWriteReactor<v1::WatchPetsResponse> *GrpcPetService::WatchPets(grpc::CallbackServerContext *call,
                                                                           const v1::WatchPetsRequest *request)
{
    return new GrpcPetWatch(m_context, call, *request);
}

grpc::ServerReadReactor<v1::ImportPetsRequest> *GrpcPetService::ImportPets(grpc::CallbackServerContext *call,
                                                                           v1::ImportPetsResponse *response)
{
    return new GrpcPetImport(m_context, call, response);
}

} // namespace petstore::mock
