// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/common/keyvaluetable.h"

#include "panels/common/keyvaluemodel.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QTableView>
#include <QVBoxLayout>

namespace petstore::panels {

KeyValueTable::KeyValueTable(QWidget *parent) : QWidget(parent)
{
    m_model = new KeyValueModel(this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("keyValueView"));
    m_view->setModel(m_model);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    m_view->horizontalHeader()->setSectionResizeMode(KeyValueModel::EnabledColumn, QHeaderView::Fixed);
    m_view->horizontalHeader()->resizeSection(KeyValueModel::EnabledColumn, 28);
    m_view->horizontalHeader()->setSectionResizeMode(KeyValueModel::NameColumn, QHeaderView::Interactive);
    m_view->horizontalHeader()->resizeSection(KeyValueModel::NameColumn, 200);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::SelectedClicked
                            | QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed);
    m_view->installEventFilter(this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    connect(m_model, &KeyValueModel::edited, this, &KeyValueTable::rowsEdited);
}

KeyValueTable::~KeyValueTable()
{
    // An editor still open commits while the view is torn down; nobody is listening by then.
    m_model->disconnect(this);
}

void KeyValueTable::setRows(std::vector<core::KeyValueRow> rows)
{
    m_model->setRows(std::move(rows));
}

std::vector<core::KeyValueRow> KeyValueTable::rows() const
{
    return m_model->rows();
}

bool KeyValueTable::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Delete) {
        // While a cell is being edited its editor has the key, so Delete here means the row.
        m_model->removeRowAt(m_view->currentIndex().row());
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace petstore::panels
