// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLineEdit;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace petstore::explorer {

class EnvironmentStore;

// Edits environments: add and remove user ones, change their name, base URL and variables
// ({{token}} and friends). Built-ins keep their name and base URL. Changes apply immediately.
class EnvironmentDialog : public QDialog
{
    Q_OBJECT
public:
    explicit EnvironmentDialog(EnvironmentStore &environments, QWidget *parent = nullptr);
    ~EnvironmentDialog() override;

private:
    void refillList(const QString &selectId);
    void showEnvironment(const QString &id);
    void commit();
    void addEnvironment();
    void removeEnvironment();
    void ensureTrailingEmptyRow();

    EnvironmentStore &m_environments;
    QString m_shownId;
    bool m_filling = false;
    QListWidget *m_list = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_baseUrl = nullptr;
    QTableWidget *m_variables = nullptr;
    QPushButton *m_remove = nullptr;
};

} // namespace petstore::explorer
