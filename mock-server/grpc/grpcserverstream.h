// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mock-server/grpc/grpcoutbox.h"
#include "mock-server/grpc/grpcservicecontext.h"

#include <grpcpp/support/server_callback.h>

#include <QObject>

#include <atomic>
#include <deque>
#include <vector>
#include <memory>
#include <string>

namespace petstore::mock {

// A server-streaming call fed on the mock thread (DESIGN §3): the call is admitted there like a
// unary one, then `started` subscribes to whatever feeds it and `send`s messages. They wait in
// a backlog on the mock thread while the bounded outbox is full and move on as writes complete.
// A snapshot (`sendSnapshot`: finite, all known at once) may wait there in full; live messages
// may not: a reader more than `maxQueuedMessages` of them behind is ended with
// RESOURCE_EXHAUSTED.
// The object deletes itself on the mock thread after gRPC is done with it, once `stopped` has
// undone the subscriptions, so no event can reach a deleted call.
template<typename Request, typename Response>
class GrpcServerStream : public grpc::ServerWriteReactor<Response>
{
public:
    GrpcServerStream(const GrpcServiceContext &context, const char *method, const char *scope, const Request &request)
        : m_context(context), m_method(method), m_scope(scope), m_request(request),
          m_outbox(std::size_t(context.config->grpc.maxQueuedMessages),
                   [this](const Response *message, grpc::WriteOptions options) { this->StartWrite(message, options); },
                   [this](const grpc::Status &status) { this->Finish(status); })
    {
    }

    void OnWriteDone(bool ok) override
    {
        m_outbox.written(ok);
        if (m_wantsRefill.exchange(false))
            m_context.queue->post([this] { flush(); });   // before OnDone's deletion: the queue is FIFO
    }
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
    // gRPC's thread, last in the constructor of the final class: queues the admission, which
    // calls `started`, so the object must be complete by then.
    void begin(grpc::CallbackServerContext *call)
    {
        m_context.queue->post([this, metadata = GrpcCallMetadata::of(*call)] {
            m_exchange = std::make_unique<GrpcExchange>(m_context.log, m_method, metadata.peer, metadata.tenant);
            m_exchange->received(m_request);
            // Stopping: what is queued still goes out (a health watcher learns NOT_SERVING).
            m_exchange->onAbort([this](const grpc::Status &status) { end(status, true); });
            auto open = [this, metadata] {
                GrpcCaller caller;
                if (auto refused = m_context.admit(m_cancelled, metadata, m_scope, caller))
                    return end(*refused, false);
                m_exchange->setTenant(caller.tenantId);
                started(std::move(caller));
            };
            if (!m_scope)
                return open();   // public methods (health) answer at once, like HTTP /health
            m_timers = std::make_unique<QObject>();   // a pending delay dies with the call
            m_context.afterLatency(m_timers.get(), open);
        });
    }

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
        m_backlog.push_back(std::move(message));
        flush();
    }
    void sendSnapshot(std::vector<Response> messages)
    {
        for (Response &message : messages) {
            m_exchange->sent(message);
            m_backlog.push_back(std::move(message));
        }
        m_snapshotLeft += messages.size();
        flush();
    }
    // Mock thread: the stream's last word, after what is queued (`drainFirst`) or at once.
    void end(const grpc::Status &status, bool drainFirst = true) { m_outbox.close(status, drainFirst); }

private:
    // Mock thread: moves what the outbox takes from the backlog.
    void flush()
    {
        m_wantsRefill = true;   // before pushing, so no completed write can go unnoticed
        while (!m_backlog.empty()) {
            const auto pushed = m_outbox.push(m_backlog.front());
            if (pushed == GrpcOutbox<Response>::Pushed::Closed) {
                m_backlog.clear();
                m_snapshotLeft = 0;
                break;
            }
            if (pushed == GrpcOutbox<Response>::Pushed::Full)
                break;
            m_backlog.pop_front();
            if (m_snapshotLeft > 0)
                --m_snapshotLeft;
        }
        if (m_backlog.empty())
            m_wantsRefill = false;
        else if (m_backlog.size() - m_snapshotLeft > std::size_t(m_context.config->grpc.maxQueuedMessages))
            end(grpc::Status(grpc::StatusCode::RESOURCE_EXHAUSTED,
                             "the client reads too slowly: more than " + std::to_string(m_context.config->grpc.maxQueuedMessages)
                                 + " messages were waiting"),
                false);
    }

    const GrpcServiceContext &m_context;
    const char *const m_method;
    const char *const m_scope;   // nullptr: a public method (GrpcCaller::admit)
    const Request m_request;
    GrpcOutbox<Response> m_outbox;
    std::unique_ptr<GrpcExchange> m_exchange;
    std::unique_ptr<QObject> m_timers;
    std::atomic<bool> m_cancelled{false};
    std::deque<Response> m_backlog;   // mock thread
    std::size_t m_snapshotLeft = 0;   // snapshot messages at the front of the backlog
    std::atomic<bool> m_wantsRefill{false};
};

} // namespace petstore::mock
