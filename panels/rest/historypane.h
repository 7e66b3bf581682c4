// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/requests/httprequestspec.h"

#include <QWidget>

class QLineEdit;
class QListWidget;

namespace petstore::panels {

class RequestHistoryStore;

// Every request sent, newest first, with a search box; double-click (or Enter) re-opens one.
class HistoryPane : public QWidget
{
    Q_OBJECT
public:
    explicit HistoryPane(RequestHistoryStore &store, QWidget *parent = nullptr);

    void refresh();
    QListWidget *list() const { return m_list; }

Q_SIGNALS:
    void openRequested(const petstore::core::HttpRequestSpec &spec);

private:
    RequestHistoryStore &m_store;
    QLineEdit *m_search = nullptr;
    QListWidget *m_list = nullptr;
    std::vector<core::HttpRequestSpec> m_specs;
};

} // namespace petstore::panels
