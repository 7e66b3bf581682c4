// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QListWidget>

namespace petstore::explorer {

// The protocol list on the left of the main window (DESIGN §8): every protocol, with the ones
// not built yet marked as such rather than hidden.
class ProtocolNavigator : public QListWidget
{
    Q_OBJECT
public:
    explicit ProtocolNavigator(QWidget *parent = nullptr);

    QString currentProtocol() const;
    void selectProtocol(const QString &id);

Q_SIGNALS:
    void protocolSelected(const QString &id);
};

} // namespace petstore::explorer
