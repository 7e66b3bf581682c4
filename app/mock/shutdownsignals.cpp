// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/mock/shutdownsignals.h"

#include <csignal>

// The self-pipe needs POSIX; elsewhere (Windows) the default Ctrl+C handling ends the process.
#if defined(Q_OS_UNIX)
#include <sys/socket.h>
#include <unistd.h>

namespace petstore::app {

namespace {

int g_pipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_pipe[0], &byte, 1);
}

} // namespace

ShutdownSignals::ShutdownSignals(QObject *parent) : QObject(parent)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_pipe) != 0)
        return;
    m_notifier = std::make_unique<QSocketNotifier>(g_pipe[1], QSocketNotifier::Read);
    connect(m_notifier.get(), &QSocketNotifier::activated, this, [this] {
        char byte = 0;
        [[maybe_unused]] const auto read = ::read(g_pipe[1], &byte, 1);
        Q_EMIT received();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

ShutdownSignals::~ShutdownSignals()
{
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    m_notifier.reset();
    ::close(g_pipe[0]);
    ::close(g_pipe[1]);
}

} // namespace petstore::app

#else

namespace petstore::app {

ShutdownSignals::ShutdownSignals(QObject *parent) : QObject(parent) {}
ShutdownSignals::~ShutdownSignals() = default;

} // namespace petstore::app

#endif
