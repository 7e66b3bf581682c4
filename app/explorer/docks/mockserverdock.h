// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDockWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace petstore::mock {
class MockServerHost;
struct MockServerStatus;
}

namespace petstore::explorer {

// The Mock server dock (DESIGN §8): start/stop, where it listens, per-protocol status, live
// request and connection counts, auth mode, latency and error rate, reset data. A busy port is
// shown with a one-click "Use a free port".
class MockServerDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit MockServerDock(mock::MockServerHost &mock, QWidget *parent = nullptr);

private:
    void showStatus(const mock::MockServerStatus &status);

    mock::MockServerHost &m_mock;
    QPushButton *m_startStop = nullptr;
    QLabel *m_state = nullptr;
    QPushButton *m_freePort = nullptr;
    QTableWidget *m_protocols = nullptr;
    QLabel *m_counts = nullptr;
    QComboBox *m_auth = nullptr;
    QSpinBox *m_latency = nullptr;
    QDoubleSpinBox *m_errorRate = nullptr;
    QLabel *m_message = nullptr;
    bool m_running = false;
    bool m_showing = false;
};

} // namespace petstore::explorer
