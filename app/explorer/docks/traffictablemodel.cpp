// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/explorer/docks/traffictablemodel.h"

#include "core/protocols/grpc/grpcstatuscode.h"

#include <QDateTime>
#include <QLocale>

namespace petstore::explorer {

TrafficTableModel::TrafficTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void TrafficTableModel::setLimits(std::size_t capacity, std::size_t rawKept)
{
    m_capacity = std::max<std::size_t>(1, capacity);
    m_rawKept = rawKept;
}

void TrafficTableModel::append(const QVector<core::TrafficRecord> &records)
{
    if (records.isEmpty())
        return;
    // Make room first so one batch costs one removal and one insertion.
    const std::size_t incoming = std::min<std::size_t>(std::size_t(records.size()), m_capacity);
    const std::size_t overflow = m_records.size() + incoming > m_capacity ? m_records.size() + incoming - m_capacity : 0;
    if (overflow > 0) {
        beginRemoveRows({}, 0, int(overflow) - 1);
        m_records.erase(m_records.begin(), m_records.begin() + std::ptrdiff_t(overflow));
        endRemoveRows();
    }
    m_dropped += overflow + (std::size_t(records.size()) - incoming);
    const int first = int(m_records.size());
    beginInsertRows({}, first, first + int(incoming) - 1);
    for (auto it = records.end() - std::ptrdiff_t(incoming); it != records.end(); ++it)
        m_records.push_back(*it);
    endInsertRows();
    // Older records keep their summary; their raw bytes go.
    for (std::size_t i = m_records.size() > m_rawKept ? m_records.size() - m_rawKept : 0; i-- > 0;) {
        core::TrafficRecord &old = m_records[i];
        if (old.rawRequest.empty() && old.rawResponse.empty())
            break;
        std::string().swap(old.rawRequest);
        std::string().swap(old.rawResponse);
    }
    if (overflow > 0 || std::size_t(records.size()) > incoming)
        Q_EMIT droppedCountChanged(m_dropped);
}

void TrafficTableModel::clear()
{
    beginResetModel();
    m_records.clear();
    m_dropped = 0;
    endResetModel();
    Q_EMIT droppedCountChanged(0);
}

int TrafficTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int TrafficTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TrafficTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const core::TrafficRecord &r = m_records[std::size_t(index.row())];
    if (role == Qt::TextAlignmentRole && index.column() >= StatusColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case TimeColumn:
        return QDateTime::fromMSecsSinceEpoch(r.time.time_since_epoch().count()).toString(QStringLiteral("HH:mm:ss.zzz"));
    case ProtocolColumn: return QString::fromStdString(r.protocol).toUpper();
    case ClientColumn: return QString::fromStdString(r.client);
    case SummaryColumn: return QString::fromStdString(r.summary);
    // Frames (WebSocket messages) have no status and take no time of their own. A gRPC call's
    // status is a gRPC code, where 0 is OK.
    case StatusColumn:
        if (r.protocol == "grpc")
            return QString::fromLatin1(core::GrpcStatusCode::name(r.status).data(), int(core::GrpcStatusCode::name(r.status).size()));
        return r.status != 0 ? QVariant(r.status) : QVariant(QString());
    case BytesColumn: return QStringLiteral("%1 / %2").arg(r.requestBytes).arg(r.responseBytes);
    case DurationColumn:
        return r.status != 0 || r.protocol == "grpc" ? QStringLiteral("%1 ms").arg(r.durationMs, 0, 'f', 2) : QString();
    default: return {};
    }
}

QVariant TrafficTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const char *const titles[] = {"Time", "Protocol", "Client", "Summary", "Status", "Bytes in/out", "Duration"};
    return section >= 0 && section < ColumnCount ? tr(titles[section]) : QVariant();
}

} // namespace petstore::explorer
