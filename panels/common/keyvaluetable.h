// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/requests/httprequestspec.h"

#include <QWidget>

class QTableView;

namespace petstore::panels {

class KeyValueModel;

// A name/value table with enable toggles (query parameters, headers, form fields). Typing in the
// last, empty row adds a row; Delete removes the selected one.
class KeyValueTable : public QWidget
{
    Q_OBJECT
public:
    explicit KeyValueTable(QWidget *parent = nullptr);
    ~KeyValueTable() override;

    void setRows(std::vector<core::KeyValueRow> rows);
    std::vector<core::KeyValueRow> rows() const;
    QTableView *view() const { return m_view; }

Q_SIGNALS:
    // Only for a person's edits, never for setRows.
    void rowsEdited();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    KeyValueModel *m_model = nullptr;
    QTableView *m_view = nullptr;
};

} // namespace petstore::panels
