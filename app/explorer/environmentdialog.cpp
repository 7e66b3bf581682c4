// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/explorer/environmentdialog.h"

#include "app/explorer/environmentstore.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace petstore::explorer {

EnvironmentDialog::EnvironmentDialog(EnvironmentStore &environments, QWidget *parent)
    : QDialog(parent), m_environments(environments)
{
    setObjectName(QStringLiteral("environmentDialog"));
    setWindowTitle(tr("Environments"));
    resize(760, 420);

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("environmentList"));
    auto *add = new QPushButton(tr("Add"), this);
    add->setObjectName(QStringLiteral("addEnvironment"));
    m_remove = new QPushButton(tr("Remove"), this);
    m_remove->setObjectName(QStringLiteral("removeEnvironment"));

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("environmentName"));
    m_baseUrl = new QLineEdit(this);
    m_baseUrl->setObjectName(QStringLiteral("environmentBaseUrl"));
    m_baseUrl->setPlaceholderText(QStringLiteral("https://example.com/v1"));
    m_variables = new QTableWidget(0, 2, this);
    m_variables->setObjectName(QStringLiteral("environmentVariables"));
    m_variables->setHorizontalHeaderLabels({tr("Variable"), tr("Value")});
    m_variables->horizontalHeader()->setStretchLastSection(true);
    m_variables->verticalHeader()->hide();

    auto *hint = new QLabel(tr("Use variables in requests as {{name}}; {{baseUrl}} is the base URL."), this);
    hint->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Base URL"), m_baseUrl);
    auto *right = new QVBoxLayout;
    right->addLayout(form);
    right->addWidget(m_variables, 1);
    right->addWidget(hint);

    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(add);
    listButtons->addWidget(m_remove);
    auto *left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    left->addLayout(listButtons);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 1);
    columns->addLayout(right, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(buttons);

    // Return in a field finishes the edit; it must not press Add (or close the dialog).
    for (QPushButton *button : findChildren<QPushButton *>()) {
        button->setAutoDefault(false);
        button->setDefault(false);
    }
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    connect(add, &QPushButton::clicked, this, &EnvironmentDialog::addEnvironment);
    connect(m_remove, &QPushButton::clicked, this, &EnvironmentDialog::removeEnvironment);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            showEnvironment(m_list->item(row)->data(Qt::UserRole).toString());
    });
    connect(m_name, &QLineEdit::editingFinished, this, &EnvironmentDialog::commit);
    connect(m_baseUrl, &QLineEdit::editingFinished, this, &EnvironmentDialog::commit);
    connect(m_variables, &QTableWidget::itemChanged, this, [this] {
        if (m_filling)
            return;
        ensureTrailingEmptyRow();
        commit();
    });
    refillList(m_environments.current().id);
}

EnvironmentDialog::~EnvironmentDialog()
{
    // Closing moves the focus, which finishes an edit; nothing is left to commit it to.
    for (QObject *editor : {static_cast<QObject *>(m_name), static_cast<QObject *>(m_baseUrl), static_cast<QObject *>(m_variables)})
        editor->disconnect(this);
}

void EnvironmentDialog::refillList(const QString &selectId)
{
    m_list->clear();
    for (const auto &environment : m_environments.environments()) {
        auto *item = new QListWidgetItem(environment.name, m_list);
        item->setData(Qt::UserRole, environment.id);
        if (environment.id == selectId)
            m_list->setCurrentItem(item);
    }
    if (!m_list->currentItem() && m_list->count() > 0)
        m_list->setCurrentRow(0);
}

void EnvironmentDialog::showEnvironment(const QString &id)
{
    const Environment *environment = m_environments.find(id);
    if (!environment)
        return;
    m_filling = true;
    m_shownId = id;
    m_name->setText(environment->name);
    m_baseUrl->setText(environment->baseUrl);
    m_name->setReadOnly(environment->builtIn);
    m_baseUrl->setReadOnly(environment->builtIn);
    m_remove->setEnabled(!environment->builtIn);
    m_variables->setRowCount(0);
    for (auto it = environment->variables.cbegin(); it != environment->variables.cend(); ++it) {
        const int row = m_variables->rowCount();
        m_variables->insertRow(row);
        m_variables->setItem(row, 0, new QTableWidgetItem(it.key()));
        m_variables->setItem(row, 1, new QTableWidgetItem(it.value()));
    }
    ensureTrailingEmptyRow();
    m_filling = false;
}

void EnvironmentDialog::ensureTrailingEmptyRow()
{
    const int last = m_variables->rowCount() - 1;
    const bool lastIsEmpty = last >= 0 && (!m_variables->item(last, 0) || m_variables->item(last, 0)->text().isEmpty());
    if (lastIsEmpty)
        return;
    const bool filling = m_filling;
    m_filling = true;
    m_variables->insertRow(last + 1);
    m_variables->setItem(last + 1, 0, new QTableWidgetItem);
    m_variables->setItem(last + 1, 1, new QTableWidgetItem);
    m_filling = filling;
}

void EnvironmentDialog::commit()
{
    const Environment *shown = m_environments.find(m_shownId);
    if (!shown || m_filling)
        return;
    Environment environment = *shown;
    environment.name = m_name->text().trimmed().isEmpty() ? shown->name : m_name->text().trimmed();
    environment.baseUrl = m_baseUrl->text().trimmed();
    environment.variables.clear();
    for (int row = 0; row < m_variables->rowCount(); ++row) {
        const QString name = m_variables->item(row, 0) ? m_variables->item(row, 0)->text().trimmed() : QString();
        if (!name.isEmpty())
            environment.variables.insert(name, m_variables->item(row, 1) ? m_variables->item(row, 1)->text() : QString());
    }
    m_environments.update(environment);
    if (auto *item = m_list->currentItem())
        item->setText(environment.name);
}

void EnvironmentDialog::addEnvironment()
{
    const QString id = m_environments.add(tr("New environment"), QStringLiteral("https://"),
                                          {{QStringLiteral("token"), QString()}});
    refillList(id);
    m_name->setFocus();
    m_name->selectAll();
}

void EnvironmentDialog::removeEnvironment()
{
    m_environments.remove(m_shownId);
    refillList(m_environments.current().id);
}

} // namespace petstore::explorer
