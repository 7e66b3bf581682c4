// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <grpcpp/support/server_callback.h>   // grpc::WriteOptions
#include <grpcpp/support/status.h>

#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>

namespace petstore::mock {

// The messages a stream owes its client, written one at a time (gRPC allows one outstanding
// write per call) and bounded, so a client that reads slowly costs the mock at most `capacity`
// messages. Thread-safe: the mock thread queues, gRPC's threads report finished writes.
template<typename Message>
class GrpcOutbox
{
public:
    enum class Pushed { Queued, Full, Closed };
    // The options carry the buffer hint when another message is queued behind this one, so
    // gRPC may hold this one back and send both in one go.
    using StartWrite = std::function<void(const Message *, grpc::WriteOptions)>;
    using Finish = std::function<void(const grpc::Status &)>;

    GrpcOutbox(std::size_t capacity, StartWrite startWrite, Finish finish)
        : m_capacity(capacity), m_startWrite(std::move(startWrite)), m_finish(std::move(finish)) {}

    // Takes `message` (moves from it) only when it is Queued.
    Pushed push(Message &message)
    {
        const Message *next = nullptr;
        {
            const std::lock_guard<std::mutex> lock(m_mutex);
            if (m_closing)
                return Pushed::Closed;
            if (m_queue.size() >= m_capacity)
                return Pushed::Full;
            m_queue.push_back(std::move(message));   // deque: earlier elements stay where they are
            if (!m_writing) {
                m_writing = true;
                next = &m_queue.front();
            }
        }
        if (next)
            m_startWrite(next, grpc::WriteOptions());
        return Pushed::Queued;
    }

    // Ends the stream with `status`: after the queued messages when `drainFirst`, else after
    // the write in flight. Only the first close counts.
    void close(const grpc::Status &status, bool drainFirst)
    {
        {
            const std::lock_guard<std::mutex> lock(m_mutex);
            if (m_closing)
                return;
            m_closing = true;
            m_status = status;
            if (!drainFirst)
                m_queue.erase(m_queue.begin() + (m_writing ? 1 : 0), m_queue.end());
            if (m_writing)
                return;
        }
        m_finish(status);
    }

    // From OnWriteDone. A failed write means the client is gone: nothing more is written.
    void written(bool ok)
    {
        const Message *next = nullptr;
        bool more = false;
        bool finish = false;
        {
            const std::lock_guard<std::mutex> lock(m_mutex);
            m_queue.pop_front();
            if (!ok) {
                m_queue.clear();
                if (!m_closing) {
                    m_closing = true;
                    m_status = grpc::Status(grpc::StatusCode::CANCELLED, "the client went away");
                }
            }
            if (!m_queue.empty()) {
                next = &m_queue.front();
                more = m_queue.size() > 1;
            } else {
                m_writing = false;
                finish = m_closing;
            }
        }
        if (next)
            m_startWrite(next, more ? grpc::WriteOptions().set_buffer_hint() : grpc::WriteOptions());
        else if (finish)
            m_finish(m_status);
    }

    bool closed() const
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        return m_closing;
    }

    // The status the stream ended with (OK until it is closed).
    grpc::Status status() const
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        return m_status;
    }

private:
    const std::size_t m_capacity;
    StartWrite m_startWrite;
    Finish m_finish;
    mutable std::mutex m_mutex;
    std::deque<Message> m_queue;
    bool m_writing = false;
    bool m_closing = false;
    grpc::Status m_status;
};

} // namespace petstore::mock
