// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/explorer/protocolnavigator.h"

#include "app/explorer/explorerprotocols.h"

namespace petstore::explorer {

namespace {
constexpr int IdRole = Qt::UserRole;
}

ProtocolNavigator::ProtocolNavigator(QWidget *parent) : QListWidget(parent)
{
    setObjectName(QStringLiteral("protocolNavigator"));
    setAccessibleName(tr("Protocols"));
    setUniformItemSizes(true);
    setSpacing(1);
    for (const auto &protocol : ExplorerProtocols::all()) {
        auto *item = new QListWidgetItem(this);
        item->setData(IdRole, protocol.id);
        if (protocol.isBuilt()) {
            item->setText(protocol.title);
            item->setToolTip(protocol.summary);
        } else {
            item->setText(tr("%1  (not built yet)").arg(protocol.title));
            item->setToolTip(tr("%1 — arrives with %2").arg(protocol.summary, protocol.arrivesWith));
            item->setForeground(palette().brush(QPalette::Disabled, QPalette::Text));
        }
    }
    setMinimumWidth(sizeHintForColumn(0) + 24);
    setMaximumWidth(sizeHintForColumn(0) + 48);
    connect(this, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item)
            Q_EMIT protocolSelected(item->data(IdRole).toString());
    });
}

QString ProtocolNavigator::currentProtocol() const
{
    return currentItem() ? currentItem()->data(IdRole).toString() : QString();
}

void ProtocolNavigator::selectProtocol(const QString &id)
{
    for (int row = 0; row < count(); ++row) {
        if (item(row)->data(IdRole).toString() == id) {
            setCurrentRow(row);
            return;
        }
    }
}

} // namespace petstore::explorer
