// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/grpc/grpcchatsession.h"

#include "mock-server/grpc/petstoreprotos.h"
#include "mock-server/rest/petadvisor.h"

#include <QString>
#include <QTimer>

namespace petstore::mock {

GrpcChatSession::GrpcChatSession(const GrpcServiceContext &context, grpc::CallbackServerContext *call)
    : m_context(context),
      m_outbox(std::size_t(context.config->grpc.maxQueuedMessages),
               [this](const v1::ChatResponse *message, grpc::WriteOptions options) { StartWrite(message, options); },
               [this](const grpc::Status &status) { Finish(status); })
{
    context.queue->post([this, metadata = GrpcCallMetadata::of(*call)] {
        m_timers = std::make_unique<QObject>();
        m_exchange = std::make_unique<GrpcExchange>(m_context.log, "/petstore.v1.ChatService/Chat", metadata.peer, metadata.tenant);
        m_exchange->onAbort([this](const grpc::Status &status) { m_outbox.close(status, true); });
        // The first read starts once the call is admitted: nothing the user sent is dropped
        // while the configured latency holds the call back.
        m_context.afterLatency(m_timers.get(), [this, metadata] {
            if (auto refused = m_context.admit(m_cancelled, metadata, "", m_caller))
                return m_outbox.close(*refused, false);
            m_exchange->setTenant(m_caller.tenantId);
            if (!m_outbox.closed())
                StartRead(&m_incoming);
        });
    });
}

void GrpcChatSession::OnReadDone(bool ok)
{
    if (!ok) {
        m_context.queue->post([this] {
            m_halfClosed = true;
            endIfIdle();
        });
        return;
    }
    // The next read starts once this message is handled, and never on a finished stream.
    m_context.queue->post([this, request = std::move(m_incoming)] {
        onRequest(request);
        if (!m_outbox.closed())
            StartRead(&m_incoming);
    });
}

void GrpcChatSession::OnCancel()
{
    m_cancelled = true;
    m_outbox.close(grpc::Status(grpc::StatusCode::CANCELLED, "the client cancelled the call"), false);
}

void GrpcChatSession::OnDone()
{
    m_context.queue->post([this] {
        if (m_exchange)
            m_exchange->finish(m_outbox.status());
        delete this;
    });
}

int GrpcChatSession::agentDelayMs() const
{
    return m_context.config->streaming.chatTokenDelayMs * 5;
}

void GrpcChatSession::onRequest(const v1::ChatRequest &request)
{
    m_exchange->received(request);
    if (request.kind_case() == v1::ChatRequest::kTyping)
        return;
    if (request.kind_case() != v1::ChatRequest::kMessage)
        return m_outbox.close({grpc::StatusCode::INVALID_ARGUMENT, "a ChatRequest needs `message` or `typing`"}, false);
    const v1::UserMessage &message = request.message();
    const int length = int(QString::fromStdString(message.text()).size());
    if (length == 0 || length > MaxTextLength)
        return m_outbox.close({grpc::StatusCode::INVALID_ARGUMENT,
                               "message.text must be 1 to " + std::to_string(MaxTextLength) + " characters"}, false);
    if (message.client_message_id().size() > std::size_t(MaxClientMessageIdLength))
        return m_outbox.close({grpc::StatusCode::INVALID_ARGUMENT,
                               "message.client_message_id must be at most " + std::to_string(MaxClientMessageIdLength) + " characters"},
                              false);
    v1::ChatResponse delivered;
    delivered.mutable_delivered()->set_message_id("msg-" + std::to_string(m_nextMessage++));
    delivered.mutable_delivered()->set_client_message_id(message.client_message_id());
    PetstoreProtos::toProto(core::systemNow(), delivered.mutable_delivered()->mutable_delivered_at());
    send(std::move(delivered));

    ++m_pendingAnswers;
    QTimer::singleShot(agentDelayMs(), m_timers.get(), [this] {
        v1::ChatResponse typing;
        typing.mutable_typing()->set_typing(true);
        send(std::move(typing));
    });
    QTimer::singleShot(agentDelayMs() * 2, m_timers.get(), [this, question = message.text()] { answer(question); });
}

void GrpcChatSession::answer(const std::string &question)
{
    --m_pendingAnswers;
    // By tenant, not the pointer from admission: resetting the data replaces the stores.
    auto store = m_context.tenants->store(m_caller.tenantId);
    v1::ChatResponse reply;
    reply.mutable_message()->set_message_id("msg-" + std::to_string(m_nextMessage++));
    reply.mutable_message()->set_text(store.ok() ? PetAdvisor::answer(*store.value(), question) : store.error().message);
    PetstoreProtos::toProto(core::systemNow(), reply.mutable_message()->mutable_sent_at());
    send(std::move(reply));
    endIfIdle();
}

void GrpcChatSession::send(v1::ChatResponse message)
{
    m_exchange->sent(message);
    if (m_outbox.push(message) == GrpcOutbox<v1::ChatResponse>::Pushed::Full)
        m_outbox.close({grpc::StatusCode::RESOURCE_EXHAUSTED, "the client reads too slowly"}, false);
}

void GrpcChatSession::endIfIdle()
{
    if (m_halfClosed && m_pendingAnswers == 0)
        m_outbox.close(grpc::Status::OK, true);
}

} // namespace petstore::mock
