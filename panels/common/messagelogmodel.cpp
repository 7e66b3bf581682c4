// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/common/messagelogmodel.h"

#include <QColor>

namespace petstore::panels {

MessageLogModel::MessageLogModel(QObject *parent) : QAbstractTableModel(parent) {}

void MessageLogModel::setCapacity(int capacity)
{
    m_capacity = std::max(1, capacity);
}

void MessageLogModel::append(Message message)
{
    if (int(m_messages.size()) >= m_capacity) {
        beginRemoveRows({}, 0, 0);
        m_messages.pop_front();
        endRemoveRows();
    }
    const int row = int(m_messages.size());
    beginInsertRows({}, row, row);
    m_messages.push_back(std::move(message));
    endInsertRows();
}

void MessageLogModel::clear()
{
    beginResetModel();
    m_messages.clear();
    endResetModel();
}

int MessageLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_messages.size());
}

int MessageLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MessageLogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Message &m = m_messages[std::size_t(index.row())];
    if (role == PayloadRole)
        return m.payload;
    if (role == Qt::ForegroundRole && index.column() == DirectionColumn) {
        switch (m.direction) {
        case Direction::Incoming: return QColor(0x2e, 0x9d, 0x4f);
        case Direction::Outgoing: return QColor(0x2a, 0x6f, 0xdb);
        case Direction::Error: return QColor(0xd0, 0x3b, 0x3b);
        case Direction::Info: return QVariant();
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TimeColumn: return m.time.toString(QStringLiteral("HH:mm:ss.zzz"));
    case DirectionColumn:
        switch (m.direction) {
        case Direction::Incoming: return QStringLiteral("↓ in");
        case Direction::Outgoing: return QStringLiteral("↑ out");
        case Direction::Info: return QStringLiteral("· info");
        case Direction::Error: return QStringLiteral("✕ error");
        }
        return {};
    case SizeColumn: return QStringLiteral("%1 B").arg(m.payload.size());
    case KindColumn: return m.kind;
    case SummaryColumn: return m.summary;
    default: return {};
    }
}

QVariant MessageLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const char *const titles[] = {"Time", "", "Size", "Kind", "Message"};
    return section >= 0 && section < ColumnCount ? tr(titles[section]) : QVariant();
}

} // namespace petstore::panels
