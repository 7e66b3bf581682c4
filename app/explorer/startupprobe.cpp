// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/explorer/startupprobe.h"

#include "mock-server/mockserverhost.h"

#include <QCoreApplication>
#include <QEvent>
#include <QTimer>
#include <QWidget>

#include <cstdio>

namespace petstore::explorer {

StartupProbe::StartupProbe(const QElapsedTimer &sinceLaunch, QWidget &window,
                           mock::MockServerHost &mock, bool waitForMock, QObject *parent)
    : QObject(parent), m_sinceLaunch(sinceLaunch), m_waitForMock(waitForMock)
{
    window.installEventFilter(this);
    connect(&mock, &mock::MockServerHost::statusChanged, this,
            [this](const mock::MockServerStatus &status) {
                if (m_mockReadyMs < 0 && (status.running || !status.error.isEmpty())) {
                    m_mockReadyMs = m_sinceLaunch.elapsed();
                    finishWhenComplete();
                }
            });
}

bool StartupProbe::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Paint && m_firstPaintMs < 0) {
        m_firstPaintMs = m_sinceLaunch.elapsed();
        watched->removeEventFilter(this);
        // Report after this paint has completed, not while it is still in progress.
        QTimer::singleShot(0, this, &StartupProbe::finishWhenComplete);
    }
    return QObject::eventFilter(watched, event);
}

void StartupProbe::finishWhenComplete()
{
    if (m_firstPaintMs < 0 || (m_waitForMock && m_mockReadyMs < 0))
        return;
    std::printf("{\"firstPaintMs\":%lld,\"mockReadyMs\":%lld}\n",
                static_cast<long long>(m_firstPaintMs), static_cast<long long>(m_mockReadyMs));
    std::fflush(stdout);
    QCoreApplication::quit();
}

} // namespace petstore::explorer
