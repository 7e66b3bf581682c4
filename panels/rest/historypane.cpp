// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/rest/historypane.h"

#include "panels/rest/requesthistorystore.h"

#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace petstore::panels {

namespace {
constexpr int Shown = 500;
}

HistoryPane::HistoryPane(RequestHistoryStore &store, QWidget *parent) : QWidget(parent), m_store(store)
{
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("historySearch"));
    m_search->setPlaceholderText(tr("Search history"));
    m_search->setClearButtonEnabled(true);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("historyList"));
    m_list->setUniformItemSizes(true);
    auto *clear = new QPushButton(tr("Clear history"), this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_search);
    layout->addWidget(m_list, 1);
    layout->addWidget(clear);
    connect(m_search, &QLineEdit::textChanged, this, &HistoryPane::refresh);
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        const int index = m_list->row(item);
        if (index >= 0 && index < int(m_specs.size()))
            Q_EMIT openRequested(m_specs[std::size_t(index)]);
    });
    connect(clear, &QPushButton::clicked, this, [this] {
        m_store.clear();
        refresh();
    });
    refresh();
}

void HistoryPane::refresh()
{
    m_list->clear();
    m_specs.clear();
    for (const HistoryEntry &entry : m_store.recent(Shown, m_search->text())) {
        const QString outcome = entry.error.isEmpty() ? QString::number(entry.status) : tr("failed");
        auto *item = new QListWidgetItem(QStringLiteral("%1  %2\n%3 · %4 ms · %5")
                                             .arg(QString::fromStdString(entry.spec.method),
                                                  QString::fromStdString(entry.spec.url), outcome)
                                             .arg(entry.totalMs, 0, 'f', 1)
                                             .arg(entry.time.toString(QStringLiteral("HH:mm:ss"))),
                                         m_list);
        item->setToolTip(entry.error.isEmpty() ? QString::fromStdString(entry.spec.url) : entry.error);
        m_specs.push_back(entry.spec);
    }
}

} // namespace petstore::panels
