// SPDX-License-Identifier: GPL-3.0-or-later
// The gRPC streaming load client of tests/bench/grpc-bench.sh, on grpc++'s generated stubs.
//   petstore-grpcbench import ADDRESS N   streams N pets into PetService.ImportPets
//   petstore-grpcbench watch ADDRESS       WatchPets(include_existing) read to the last existing
//                                          pet; prints "messages seconds messages_per_second"
//   petstore-grpcbench frame ID FILE       writes a framed GetPetRequest for h2load's --data
#include "core/protocols/grpc/grpcmessagejson.h"

#include "petstore/v1/pet_service.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>

namespace core = petstore::core;
namespace v1 = petstore::v1;

namespace {

// One ImportPets call (at most 50,000 pets each); `last` names its final pet "Bench last".
int importPets(v1::PetService::Stub &pets, int count, bool last)
{
    grpc::ClientContext context;
    v1::ImportPetsResponse summary;
    auto writer = pets.ImportPets(&context, &summary);
    v1::ImportPetsRequest item;
    item.mutable_pet()->set_species(v1::SPECIES_DOG);
    item.mutable_pet()->set_breed("Benchmark Retriever");
    item.mutable_pet()->set_price("199.00");
    item.mutable_pet()->set_description("A pet made by the gRPC benchmark, with a description of realistic length.");
    for (int i = 0; i < count; ++i) {
        // The last one is named so the watcher knows when the existing pets are through.
        item.mutable_pet()->set_name(last && i + 1 == count ? std::string("Bench last") : "Bench " + std::to_string(i));
        if (!writer->Write(item))
            break;
    }
    writer->WritesDone();
    const grpc::Status status = writer->Finish();
    std::printf("imported %d of %d (%s)\n", summary.created_count(), count, status.ok() ? "OK" : status.error_message().c_str());
    return status.ok() ? 0 : 1;
}

int watch(v1::PetService::Stub &pets)
{
    grpc::ClientContext context;
    v1::WatchPetsRequest request;
    request.set_include_existing(true);
    request.add_types(v1::PET_EVENT_TYPE_CREATED);   // nothing else: the existing pets are the load
    auto reader = pets.WatchPets(&context, request);
    v1::WatchPetsResponse message;
    long messages = 0;
    std::chrono::steady_clock::time_point first;
    // The existing pets come first; the stream then waits for changes, so stop after a pause.
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(120));
    while (reader->Read(&message)) {
        if (messages++ == 0)
            first = std::chrono::steady_clock::now();
        if (message.pet().name() == "Bench last")
            break;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - first).count();
    context.TryCancel();
    reader->Finish();
    std::printf("%ld %.3f %.0f\n", messages, seconds, double(messages - 1) / seconds);
    return messages > 1 ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc >= 4 && std::strcmp(argv[1], "frame") == 0) {
        v1::GetPetRequest request;
        request.set_id(argv[2]);
        std::ofstream out(argv[3], std::ios::binary);
        out << core::GrpcMessageJson::frame(request.SerializeAsString());
        return 0;
    }
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s import ADDRESS N | watch ADDRESS | frame ID FILE\n", argv[0]);
        return 2;
    }
    grpc::ChannelArguments arguments;
    arguments.SetMaxReceiveMessageSize(-1);
    auto pets = v1::PetService::NewStub(grpc::CreateCustomChannel(argv[2], grpc::InsecureChannelCredentials(), arguments));
    if (std::strcmp(argv[1], "import") == 0 && argc >= 4) {
        for (int left = std::atoi(argv[3]); left > 0; left -= 50000)
            if (importPets(*pets, std::min(left, 50000), left <= 50000) != 0)
                return 1;
        return 0;
    }
    if (std::strcmp(argv[1], "watch") == 0)
        return watch(*pets);
    return 2;
}
