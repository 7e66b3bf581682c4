// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/requests/httprequestspec.h"

#include <QAbstractTableModel>

#include <vector>

namespace petstore::panels {

// Rows of name/value pairs with an enable toggle, plus one trailing empty row where typing adds
// a row (the way Postman's and Insomnia's tables grow).
class KeyValueModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { EnabledColumn, NameColumn, ValueColumn, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    // Replaces every row; not a user edit, so `edited` is not emitted.
    void setRows(std::vector<core::KeyValueRow> rows);
    const std::vector<core::KeyValueRow> &rows() const { return m_rows; }
    void removeRowAt(int row);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

Q_SIGNALS:
    void edited();

private:
    std::vector<core::KeyValueRow> m_rows;
};

} // namespace petstore::panels
