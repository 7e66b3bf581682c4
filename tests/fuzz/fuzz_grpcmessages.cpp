// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes what the gRPC side parses itself: the length-prefixed frames of Traffic's decoder
// (every outcome is a JSON array, frames cut short or announcing more than follows are named,
// never read past the input), and the conversions of PetService requests into the store's JSON
// bodies, merge patches and filters (any bytes protobuf accepts as a request give a body or a
// Validation error, never a crash; unknown enum numbers and mask paths are refused).
#include "core/protocols/grpc/grpcmessagejson.h"
#include "mock-server/grpc/petstoreprotos.h"

#include <google/protobuf/stubs/logging.h>

#include <cstdint>
#include <cstdlib>
#include <string_view>

using namespace petstore;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    // Protobuf logs every string field that is not UTF-8; the fuzzer makes plenty.
    static const bool quiet = (google::protobuf::SetLogHandler(nullptr), true);
    (void)quiet;
    if (size == 0)
        return 0;
    const std::string_view input(reinterpret_cast<const char *>(data) + 1, size - 1);
    static const char *const methods[] = {"/petstore.v1.PetService/GetPet", "/petstore.v1.PetService/ImportPets",
                                          "/petstore.v1.OrderService/PayOrder", "/petstore.v1.ChatService/Chat",
                                          "/unknown.Service/Method", "not a method"};
    switch (data[0] % 4) {
    case 0: {
        const auto direction = data[0] & 0x10 ? core::GrpcMessageJson::Direction::Response : core::GrpcMessageJson::Direction::Request;
        const nlohmann::json messages = core::GrpcMessageJson::decode(methods[(data[0] >> 5) % 6], input, direction);
        if (!messages.is_array())
            std::abort();
        break;
    }
    case 1: {
        v1::CreatePetRequest request;
        if (request.ParseFromArray(input.data(), int(input.size()))) {
            auto body = mock::PetstoreProtos::createBody(request.pet());
            if (body.ok() && !body.value().is_object())
                std::abort();
        }
        break;
    }
    case 2: {
        v1::UpdatePetRequest request;
        if (request.ParseFromArray(input.data(), int(input.size()))) {
            auto patch = mock::PetstoreProtos::updatePatch(request.pet(), request.update_mask());
            if (patch.ok() && !patch.value().is_object())
                std::abort();
        }
        break;
    }
    default: {
        v1::ListPetsRequest request;
        if (request.ParseFromArray(input.data(), int(input.size())))
            (void)mock::PetstoreProtos::filter(request);
        break;
    }
    }
    return 0;
}
