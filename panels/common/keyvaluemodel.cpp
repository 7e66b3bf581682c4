// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/common/keyvaluemodel.h"

namespace petstore::panels {

void KeyValueModel::setRows(std::vector<core::KeyValueRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void KeyValueModel::removeRowAt(int row)
{
    if (row < 0 || row >= int(m_rows.size()))
        return;
    beginRemoveRows({}, row, row);
    m_rows.erase(m_rows.begin() + row);
    endRemoveRows();
    Q_EMIT edited();
}

int KeyValueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size()) + 1;
}

int KeyValueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant KeyValueModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (index.row() == int(m_rows.size()))
        return {};
    const core::KeyValueRow &row = m_rows[std::size_t(index.row())];
    if (index.column() == EnabledColumn && role == Qt::CheckStateRole)
        return row.enabled ? Qt::Checked : Qt::Unchecked;
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        if (index.column() == NameColumn)
            return QString::fromStdString(row.name);
        if (index.column() == ValueColumn)
            return QString::fromStdString(row.value);
    }
    return {};
}

bool KeyValueModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid())
        return false;
    const bool trailing = index.row() == int(m_rows.size());
    if (index.column() == EnabledColumn) {
        if (role != Qt::CheckStateRole || trailing)
            return false;
        m_rows[std::size_t(index.row())].enabled = value.toInt() == Qt::Checked;
        Q_EMIT dataChanged(index, index);
        Q_EMIT edited();
        return true;
    }
    if (role != Qt::EditRole)
        return false;
    const std::string text = value.toString().toStdString();
    if (trailing) {
        if (text.empty())
            return false;
        beginInsertRows({}, int(m_rows.size()) + 1, int(m_rows.size()) + 1);
        m_rows.push_back({});
        endInsertRows();
    }
    core::KeyValueRow &row = m_rows[std::size_t(index.row())];
    (index.column() == NameColumn ? row.name : row.value) = text;
    Q_EMIT dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
    Q_EMIT edited();
    return true;
}

Qt::ItemFlags KeyValueModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (index.column() == EnabledColumn)
        return index.row() == int(m_rows.size()) ? Qt::ItemIsEnabled : Qt::ItemIsEnabled | Qt::ItemIsUserCheckable;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable;
}

QVariant KeyValueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Name");
    case ValueColumn: return tr("Value");
    default: return QString();
    }
}

} // namespace petstore::panels
