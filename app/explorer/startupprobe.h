// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QObject>

namespace petstore::mock {
class MockServerHost;
}

namespace petstore::explorer {

// `--startup-report`: waits for the main window's first paint and the embedded mock's first
// status, prints one JSON line with both times (ms since main() began) and quits. The launch
// benchmark reads it (docs/performance.md).
class StartupProbe : public QObject
{
    Q_OBJECT
public:
    StartupProbe(const QElapsedTimer &sinceLaunch, QWidget &window, mock::MockServerHost &mock,
                 bool waitForMock, QObject *parent = nullptr);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void finishWhenComplete();

    const QElapsedTimer &m_sinceLaunch;
    qint64 m_firstPaintMs = -1;
    qint64 m_mockReadyMs = -1;
    bool m_waitForMock = true;
};

} // namespace petstore::explorer
