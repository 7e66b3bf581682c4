// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/grpc/mockthreadqueue.h"

#include <chrono>

namespace petstore::mock {

void MockThreadQueue::post(Task task)
{
    bool wake = false;
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_tasks.push_back(std::move(task));
        wake = !m_wakeScheduled;
        m_wakeScheduled = true;
    }
    m_posted.notify_one();
    if (wake)
        QMetaObject::invokeMethod(&m_context, [this] { drain(); }, Qt::QueuedConnection);
}

void MockThreadQueue::drain()
{
    std::deque<Task> batch;
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        batch.swap(m_tasks);
        m_wakeScheduled = false;
    }
    for (Task &task : batch)
        task();
}

void MockThreadQueue::drainFor(int timeoutMs)
{
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_posted.wait_for(lock, std::chrono::milliseconds(timeoutMs), [this] { return !m_tasks.empty(); });
    }
    drain();
}

} // namespace petstore::mock
