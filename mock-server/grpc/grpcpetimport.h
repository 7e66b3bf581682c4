// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mock-server/grpc/grpcservicecontext.h"

#include "petstore/v1/pet_service.pb.h"

#include <grpcpp/support/server_callback.h>

#include <atomic>
#include <memory>
#include <mutex>

namespace petstore::mock {

// PetService.ImportPets: each pet the client streams is created on the mock thread as CreatePet
// would (same rules, same events), one at a time: the next message is read only when the last
// one is stored, so HTTP/2 flow control holds back a client that sends faster than the store
// takes. Refused pets are listed in the summary with the code CreatePet would have answered.
class GrpcPetImport : public grpc::ServerReadReactor<v1::ImportPetsRequest>
{
public:
    // The summary must fit one message (grpc.maxMessageBytes, 4 MiB by default): 50,000 ids
    // take about 2 MB, 1,000 failures at most about 200 KB.
    static constexpr int MaxPets = 50000;
    static constexpr int MaxListedFailures = 1000;

    GrpcPetImport(const GrpcServiceContext &context, grpc::CallbackServerContext *call, v1::ImportPetsResponse *response);

    void OnReadDone(bool ok) override;
    void OnCancel() override;
    void OnDone() override;

private:
    void import(const v1::ImportPetsRequest &item);   // mock thread, with m_finishMutex held
    void finish(const grpc::Status &status);          // any thread; the first call counts
    void finishLocked(const grpc::Status &status);    // with m_finishMutex held

    const GrpcServiceContext &m_context;
    v1::ImportPetsResponse *m_response;
    v1::ImportPetsRequest m_incoming;
    std::unique_ptr<GrpcExchange> m_exchange;
    GrpcCaller m_caller;
    std::unique_ptr<QObject> m_timers;   // the admission's latency delay dies with the call
    int m_received = 0;
    std::mutex m_finishMutex;
    bool m_finished = false;
    grpc::Status m_status;
    std::atomic<bool> m_cancelled{false};
};

} // namespace petstore::mock
