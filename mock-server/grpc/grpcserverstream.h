// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mock-server/grpc/grpcoutbox.h"
#include "mock-server/grpc/grpcservicecontext.h"

#include <grpcpp/support/server_callback.h>

#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>
#include <string>

namespace petstore::mock {

// A server-streaming call fed on the mock thread (DESIGN §3): the call is admitted there like a
// unary one, then `started` subscribes to whatever feeds it and `send`s messages into a bounded
// outbox. A reader that falls `maxQueuedMessages` behind is ended with RESOURCE_EXHAUSTED.
// The object deletes itself on the mock thread after gRPC is done with it, once `stopped` has
// undone the subscriptions, so no event can reach a deleted call.
template<typename Request, typename Response>
class GrpcServerStream : public grpc::ServerWriteReactor<Response>
{
public:
    GrpcServerStream(const GrpcServiceContext &context, grpc::CallbackServerContext *call, const char *method,
                     const char *scope, const Request &request)
        : m_context(context), m_request(request),
          m_outbox(std::size_t(context.config->grpc.maxQueuedMessages),
                   [this](const Response *message) { this->StartWrite(message); },
                   [this](const grpc::Status &status) { this->Finish(status); })
    {
        context.queue->post([this, method, scope, metadata = GrpcCallMetadata::of(*call)] {
            m_exchange = std::make_unique<GrpcExchange>(m_context.log, method, metadata.peer, metadata.tenant);
            m_exchange->received(m_request);
            m_exchange->onAbort([this](const grpc::Status &status) { end(status, false); });
            auto open = [this, scope, metadata] {
                GrpcCaller caller;
                if (auto refused = m_context.admit(m_cancelled, metadata, scope, caller))
                    return end(*refused, false);
                m_exchange->setTenant(caller.tenantId);
                started(std::move(caller));
            };
            if (scope && m_context.latencyMs() > 0) {
                m_timers = std::make_unique<QObject>();   // pending delays die with the call
                QTimer::singleShot(m_context.latencyMs(), m_timers.get(), open);
            } else {
                open();
            }
        });
    }

    void OnWriteDone(bool ok) override { m_outbox.written(ok); }
    void OnCancel() override
    {
        m_cancelled = true;
        m_outbox.close(grpc::Status(grpc::StatusCode::CANCELLED, "the client cancelled the call"), false);
    }
    void OnDone() override
    {
        m_context.queue->post([this] {
            stopped();
            if (m_exchange)
                m_exchange->finish(m_outbox.status());
            delete this;
        });
    }

protected:
    // Mock thread: the admitted caller; subscribe and send from here.
    virtual void started(GrpcCaller caller) = 0;
    // Mock thread: undo what `started` set up. Runs once, before deletion.
    virtual void stopped() {}

    const Request &request() const { return m_request; }
    const GrpcServiceContext &context() const { return m_context; }

    // Mock thread.
    void send(Response message)
    {
        m_exchange->sent(message);
        if (m_outbox.push(std::move(message)) == GrpcOutbox<Response>::Pushed::Full)
            end(grpc::Status(grpc::StatusCode::RESOURCE_EXHAUSTED,
                             "the client reads too slowly: " + std::to_string(m_context.config->grpc.maxQueuedMessages)
                                 + " messages were waiting"),
                false);
    }
    // Mock thread: the stream's last word, after what is queued (`drainFirst`) or at once.
    void end(const grpc::Status &status, bool drainFirst = true) { m_outbox.close(status, drainFirst); }

private:
    const GrpcServiceContext &m_context;
    const Request m_request;
    GrpcOutbox<Response> m_outbox;
    std::unique_ptr<GrpcExchange> m_exchange;
    std::unique_ptr<QObject> m_timers;
    std::atomic<bool> m_cancelled{false};
};

} // namespace petstore::mock
