// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/requests/httprequestspec.h"

#include <QWidget>

class QLabel;
class QNetworkAccessManager;
class QTreeWidget;
class QTreeWidgetItem;

namespace petstore::panels {

class PanelContext;
class SavedRequestStore;

// Saved requests: collections, folders and requests (method tag and name). New collection,
// Import OpenAPI…, rename in place (F2), Delete; double-click opens a request in the editor.
class CollectionTree : public QWidget
{
    Q_OBJECT
public:
    CollectionTree(SavedRequestStore &store, PanelContext &context, QWidget *parent = nullptr);

    // Saves into the selected collection or folder (a request's own folder when a request is
    // selected), or into "My requests", created on demand. Returns the new node id, 0 on failure.
    qint64 saveRequest(const core::HttpRequestSpec &spec);
    // "New collection from OpenAPI" from an http(s) URL or a file path; reports importFinished.
    void importOpenApi(const QString &source);
    void refresh();
    QTreeWidget *tree() const { return m_tree; }

Q_SIGNALS:
    void openRequested(const petstore::core::HttpRequestSpec &spec);
    void importFinished(bool ok, const QString &message);

private:
    void fill(QTreeWidgetItem *parent, qint64 parentId);
    void importText(const QByteArray &text, const QString &source);
    void removeSelected();
    qint64 selectedContainer() const;

    SavedRequestStore &m_store;
    PanelContext &m_context;
    QNetworkAccessManager *m_network = nullptr;
    QTreeWidget *m_tree = nullptr;
    bool m_filling = false;
};

} // namespace petstore::panels
