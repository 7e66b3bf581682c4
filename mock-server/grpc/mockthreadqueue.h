// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>

namespace petstore::mock {

// Work from gRPC's threads for the mock thread, where the store lives (DESIGN §3). Tasks run
// in posting order. Under load many tasks share one Qt event: only the first post into an
// empty queue wakes the mock thread, which then runs everything queued.
class MockThreadQueue
{
public:
    using Task = std::function<void()>;

    // Created on the mock thread. Wake-ups still pending when it is destroyed are dropped with
    // its context object.
    MockThreadQueue() = default;

    // Any thread.
    void post(Task task);

    // Mock thread: runs what is queued now. With a timeout, first waits up to that long for
    // work; used while gRPC shuts down and the mock thread cannot return to its event loop.
    void drain();
    void drainFor(int timeoutMs);

private:
    QObject m_context;
    std::mutex m_mutex;
    std::condition_variable m_posted;
    std::deque<Task> m_tasks;
    bool m_wakeScheduled = false;
};

} // namespace petstore::mock
