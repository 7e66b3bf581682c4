// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "core/traffic/trafficrecord.h"

#include <QDockWidget>
#include <QVector>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace petstore::mock {
class MockServerHost;
}

namespace petstore::explorer {

class TrafficDetailView;
class TrafficFilterProxy;
class TrafficTableModel;

// The Traffic dock (DESIGN §8): every exchange the embedded mock saw, filterable by protocol and
// text, with a detail view; pause, clear, and export as HAR 1.2 or JSON lines.
class TrafficDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit TrafficDock(mock::MockServerHost &mock, QWidget *parent = nullptr);

    core::Status exportHar(const QString &path) const;
    core::Status exportJsonLines(const QString &path) const;
    void setPaused(bool paused);
    TrafficTableModel &model() { return *m_model; }

private:
    void receive(const QVector<core::TrafficRecord> &records);
    void updateStatus();
    void exportWithDialog(bool har);

    TrafficTableModel *m_model = nullptr;
    TrafficFilterProxy *m_proxy = nullptr;
    QTableView *m_table = nullptr;
    TrafficDetailView *m_detail = nullptr;
    QComboBox *m_protocol = nullptr;
    QLineEdit *m_filter = nullptr;
    QPushButton *m_pause = nullptr;
    QLabel *m_status = nullptr;
    QVector<core::TrafficRecord> m_held;   // arrived while paused
    bool m_paused = false;
};

} // namespace petstore::explorer
