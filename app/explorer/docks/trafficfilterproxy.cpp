// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/explorer/docks/trafficfilterproxy.h"

#include "app/explorer/docks/traffictablemodel.h"

namespace petstore::explorer {

void TrafficFilterProxy::setProtocol(const QString &protocol)
{
    m_protocol = protocol.toLower();
    invalidateFilter();
}

void TrafficFilterProxy::setText(const QString &text)
{
    m_text = text.trimmed();
    invalidateFilter();
}

bool TrafficFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    const auto *model = static_cast<const TrafficTableModel *>(sourceModel());
    const core::TrafficRecord &record = model->record(sourceRow);
    if (!m_protocol.isEmpty() && QString::fromStdString(record.protocol) != m_protocol)
        return false;
    if (m_text.isEmpty())
        return true;
    for (const std::string *field : {&record.summary, &record.path, &record.client, &record.requestId, &record.method}) {
        if (QString::fromStdString(*field).contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return QString::number(record.status) == m_text;
}

} // namespace petstore::explorer
