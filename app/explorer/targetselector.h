// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QComboBox>

namespace petstore::explorer {

class EnvironmentStore;

// The toolbar's target selector: every environment, the current one selected; choosing one
// makes it current for every panel.
class TargetSelector : public QComboBox
{
    Q_OBJECT
public:
    explicit TargetSelector(EnvironmentStore &environments, QWidget *parent = nullptr);

private:
    void refill();

    EnvironmentStore &m_environments;
};

} // namespace petstore::explorer
