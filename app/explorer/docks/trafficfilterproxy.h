// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>

namespace petstore::explorer {

// Filters the Traffic dock by protocol and by text (summary, path, client, request id).
class TrafficFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setProtocol(const QString &protocol);   // empty: every protocol
    void setText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_protocol;
    QString m_text;
};

} // namespace petstore::explorer
