// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/petstore/domaintypes.h"
#include "core/petstore/store.h"
#include "core/result.h"
#include "mock-server/grpc/grpcerrorstatus.h"

#include "petstore/v1/order.pb.h"
#include "petstore/v1/pet.pb.h"
#include "petstore/v1/pet_service.pb.h"

#include <google/protobuf/field_mask.pb.h>
#include <google/protobuf/timestamp.pb.h>
#include <nlohmann/json.hpp>

namespace petstore::mock {

// The Petstore's resources between the domain and `petstore.v1` messages. Requests become the
// JSON bodies the store validates for REST, so every protocol shares one set of rules; proto
// enum values are the domain's plus one (0 is *_UNSPECIFIED).
class PetstoreProtos
{
public:
    static void toProto(const core::Pet &pet, v1::Pet *out);
    static void toProto(const core::Order &order, v1::Order *out);
    static void toProto(const core::Payment &payment, v1::Payment *out);
    static void toProto(core::TimePoint time, google::protobuf::Timestamp *out);
    static v1::PetStatus toProto(core::PetStatus status) { return v1::PetStatus(int(status) + 1); }
    static v1::OrderStatus toProto(core::OrderStatus status) { return v1::OrderStatus(int(status) + 1); }

    // The REST body of CreatePet: every populated field of `pet` (server-set fields ignored).
    // Unknown enum numbers are Validation errors naming the field.
    static core::Result<nlohmann::json> createBody(const v1::Pet &pet);
    // The RFC 7396 merge patch of UpdatePet: the fields named in `mask`, or every populated
    // field when it is empty (AIP-134). Unknown or server-set paths are Validation errors.
    static core::Result<nlohmann::json> updatePatch(const v1::Pet &pet, const google::protobuf::FieldMask &mask);

    // ListPets' filters as the store's; Validation errors for unknown enum numbers or ranges.
    static core::Result<core::PetFilter> filter(const v1::ListPetsRequest &request);

    // A handler's answer from a store result: the resource into `out`, or the error's status.
    template<typename T, typename Message>
    static grpc::Status reply(const core::Result<T> &result, Message *out)
    {
        if (!result.ok())
            return grpcStatusFor(result.error());
        toProto(result.value(), out);
        return grpc::Status::OK;
    }
};

} // namespace petstore::mock
