// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/requests/httprequestspec.h"
#include "core/requests/openapicollection.h"
#include "core/result.h"
#include "panels/rest/sqlitefile.h"

#include <QList>

#include <optional>

namespace petstore::panels {

struct SavedNode
{
    enum class Kind { Collection = 0, Folder = 1, Request = 2 };

    qint64 id = 0;
    qint64 parentId = 0;     // 0 for collections
    Kind kind = Kind::Request;
    QString name;
    core::HttpRequestSpec spec;   // requests only
    int position = 0;
};

// Saved requests in a tree: collections hold folders and requests, folders hold requests.
class SavedRequestStore
{
public:
    core::Status open(const QString &path);
    bool isPersistent() const { return m_file.isPersistent(); }

    core::Result<qint64> createCollection(const QString &name);
    core::Result<qint64> createFolder(qint64 parentId, const QString &name);
    core::Result<qint64> saveRequest(qint64 parentId, const core::HttpRequestSpec &spec);
    core::Status update(qint64 id, const core::HttpRequestSpec &spec);
    core::Status rename(qint64 id, const QString &name);
    // Removes the node and everything under it.
    core::Status remove(qint64 id);
    core::Status move(qint64 id, qint64 newParentId);

    QList<SavedNode> children(qint64 parentId) const;
    std::optional<SavedNode> node(qint64 id) const;
    // One collection named after the document, one folder per tag, in one transaction.
    core::Result<qint64> importCollection(const core::Collection &collection);

private:
    core::Result<qint64> insert(qint64 parentId, SavedNode::Kind kind, const QString &name,
                                const core::HttpRequestSpec *spec);

    SqliteFile m_file;
};

} // namespace petstore::panels
