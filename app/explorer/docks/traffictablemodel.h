// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/traffic/trafficrecord.h"

#include <QAbstractTableModel>

#include <deque>

namespace petstore::explorer {

// Every exchange the embedded mock saw, oldest first. Holds at most `capacity` records (oldest
// dropped and counted) and keeps raw bytes only for the newest `rawKept`, so 100,000 records
// stay within the memory budget of issue 3 (docs/performance.md).
class TrafficTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, ProtocolColumn, ClientColumn, SummaryColumn, StatusColumn, BytesColumn,
                  DurationColumn, ColumnCount };
    static constexpr std::size_t DefaultCapacity = 100000;
    static constexpr std::size_t DefaultRawKept = 5000;

    explicit TrafficTableModel(QObject *parent = nullptr);

    void setLimits(std::size_t capacity, std::size_t rawKept);
    void append(const QVector<core::TrafficRecord> &records);
    void clear();
    const core::TrafficRecord &record(int row) const { return m_records[std::size_t(row)]; }
    std::vector<core::TrafficRecord> records() const { return {m_records.begin(), m_records.end()}; }
    std::uint64_t droppedCount() const { return m_dropped; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

Q_SIGNALS:
    void droppedCountChanged(std::uint64_t dropped);

private:
    std::deque<core::TrafficRecord> m_records;
    std::size_t m_capacity = DefaultCapacity;
    std::size_t m_rawKept = DefaultRawKept;
    std::uint64_t m_dropped = 0;
};

} // namespace petstore::explorer
