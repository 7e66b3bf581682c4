// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/explorer/targetselector.h"

#include "app/explorer/environmentstore.h"

#include <QSignalBlocker>

namespace petstore::explorer {

TargetSelector::TargetSelector(EnvironmentStore &environments, QWidget *parent)
    : QComboBox(parent), m_environments(environments)
{
    setObjectName(QStringLiteral("targetSelector"));
    setAccessibleName(tr("Target"));
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    refill();
    connect(&m_environments, &EnvironmentStore::environmentsChanged, this, &TargetSelector::refill);
    connect(&m_environments, &EnvironmentStore::currentChanged, this, &TargetSelector::refill);
    connect(this, &QComboBox::activated, this,
            [this](int index) { m_environments.setCurrent(itemData(index).toString()); });
}

void TargetSelector::refill()
{
    const QSignalBlocker blocker(this);
    clear();
    for (const auto &environment : m_environments.environments()) {
        addItem(environment.name, environment.id);
        setItemData(count() - 1, environment.baseUrl, Qt::ToolTipRole);
    }
    setCurrentIndex(findData(m_environments.current().id));
}

} // namespace petstore::explorer
