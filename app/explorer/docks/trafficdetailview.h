// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/traffic/trafficrecord.h"

#include <QTabWidget>

class QLabel;
class QTableWidget;

namespace petstore::panels {
class JsonView;
class WireView;
}

namespace petstore::explorer {

// One captured exchange: the raw bytes (Wire) and decoded (request line, both header lists and
// the response body as JSON).
class TrafficDetailView : public QTabWidget
{
    Q_OBJECT
public:
    explicit TrafficDetailView(QWidget *parent = nullptr);

    void showRecord(const core::TrafficRecord &record);
    void clearRecord();

private:
    static nlohmann::json grpcMessages(const core::TrafficRecord &record);

    panels::WireView *m_wire = nullptr;
    QLabel *m_line = nullptr;
    QTableWidget *m_headers = nullptr;
    panels::JsonView *m_body = nullptr;
};

} // namespace petstore::explorer
