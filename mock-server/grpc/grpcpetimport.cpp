// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/grpc/grpcpetimport.h"

#include "mock-server/grpc/grpcerrorstatus.h"
#include "mock-server/grpc/petstoreprotos.h"

namespace petstore::mock {

GrpcPetImport::GrpcPetImport(const GrpcServiceContext &context, grpc::CallbackServerContext *call,
                             v1::ImportPetsResponse *response)
    : m_context(context), m_response(response)
{
    context.queue->post([this, metadata = GrpcCallMetadata::of(*call)] {
        m_exchange = std::make_unique<GrpcExchange>(m_context.log, "/petstore.v1.PetService/ImportPets", metadata.peer,
                                                    metadata.tenant);
        m_exchange->onAbort([this](const grpc::Status &status) { finish(status); });
        m_timers = std::make_unique<QObject>();
        // Pets are read only once the call is admitted (after the configured latency).
        m_context.afterLatency(m_timers.get(), [this, metadata] {
            const std::lock_guard<std::mutex> lock(m_finishMutex);
            if (m_finished)
                return;
            if (auto refused = m_context.admit(m_cancelled, metadata, "write:pets", m_caller))
                return finishLocked(*refused);
            m_exchange->setTenant(m_caller.tenantId);
            StartRead(&m_incoming);
        });
    });
}

void GrpcPetImport::OnReadDone(bool ok)
{
    if (!ok) {
        // The client half-closed: the summary goes out after every pet queued before it.
        m_context.queue->post([this] {
            const std::lock_guard<std::mutex> lock(m_finishMutex);
            if (m_finished)
                return;
            m_exchange->sent(*m_response);
            finishLocked(grpc::Status::OK);
        });
        return;
    }
    m_context.queue->post([this, item = std::move(m_incoming)] {
        // Under the lock: once the call is finished gRPC may free the response at any time.
        const std::lock_guard<std::mutex> lock(m_finishMutex);
        if (m_finished)
            return;
        import(item);
        if (!m_finished)
            StartRead(&m_incoming);
    });
}

void GrpcPetImport::import(const v1::ImportPetsRequest &item)
{
    const int index = m_received++;
    m_exchange->received(item);
    if (index >= MaxPets)
        return finishLocked({grpc::StatusCode::RESOURCE_EXHAUSTED, "an import takes at most " + std::to_string(MaxPets)
                                                                       + " pets: the first " + std::to_string(MaxPets)
                                                                       + " were created; send the rest in another call"});
    m_response->set_received_count(m_received);
    auto body = PetstoreProtos::createBody(item.pet());
    // By tenant, not the pointer from admission: resetting the data replaces the stores.
    auto store = m_context.tenants->store(m_caller.tenantId);
    auto created = !body.ok() ? core::Result<core::Pet>(body.error())
                   : !store.ok() ? core::Result<core::Pet>(store.error())
                                 : store.value()->createPet(body.value());
    if (created.ok()) {
        m_response->set_created_count(m_response->created_count() + 1);
        m_response->add_created_ids(created->id);
        return;
    }
    m_response->set_failed_count(m_response->failed_count() + 1);
    if (m_response->failures_size() >= MaxListedFailures)
        return;
    const grpc::Status status = grpcStatusFor(created.error());
    v1::ImportPetsFailure *failure = m_response->add_failures();
    failure->set_index(index);
    failure->set_code(grpcStatusName(status.error_code()));
    failure->set_message(status.error_message());
}

void GrpcPetImport::OnCancel()
{
    m_cancelled = true;
    finish(grpc::Status(grpc::StatusCode::CANCELLED, "the client cancelled the call"));
}

void GrpcPetImport::finish(const grpc::Status &status)
{
    const std::lock_guard<std::mutex> lock(m_finishMutex);
    finishLocked(status);
}

void GrpcPetImport::finishLocked(const grpc::Status &status)
{
    if (m_finished)
        return;
    m_finished = true;
    m_status = status;
    Finish(status);
}

void GrpcPetImport::OnDone()
{
    m_context.queue->post([this] {
        if (m_exchange)
            m_exchange->finish(m_status);
        delete this;
    });
}

} // namespace petstore::mock
