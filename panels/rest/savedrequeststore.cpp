// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/rest/savedrequeststore.h"

#include <QSqlError>
#include <QSqlQuery>

namespace petstore::panels {

namespace {

core::Error failed(const QSqlQuery &query)
{
    return core::Error::make(core::ErrorKind::Internal, "Collections: " + query.lastError().text().toStdString());
}

SavedNode readNode(const QSqlQuery &query)
{
    SavedNode node;
    node.id = query.value(0).toLongLong();
    node.parentId = query.value(1).toLongLong();
    node.kind = SavedNode::Kind(query.value(2).toInt());
    node.name = query.value(3).toString();
    if (node.kind == SavedNode::Kind::Request) {
        const auto spec = core::HttpRequestSpec::fromJson(nlohmann::json::parse(query.value(4).toString().toStdString(), nullptr, false));
        if (spec.ok())
            node.spec = *spec;
    }
    node.position = query.value(5).toInt();
    return node;
}

} // namespace

core::Status SavedRequestStore::open(const QString &path)
{
    return m_file.open(path, QStringLiteral("Collections"),
                       {QStringLiteral("CREATE TABLE IF NOT EXISTS nodes ("
                                       "id INTEGER PRIMARY KEY AUTOINCREMENT, parent INTEGER NOT NULL, "
                                       "kind INTEGER NOT NULL, name TEXT NOT NULL, spec TEXT NOT NULL, "
                                       "position INTEGER NOT NULL)"),
                        QStringLiteral("CREATE INDEX IF NOT EXISTS nodes_parent ON nodes(parent, position)")},
                       1);
}

core::Result<qint64> SavedRequestStore::insert(qint64 parentId, SavedNode::Kind kind, const QString &name,
                                               const core::HttpRequestSpec *spec)
{
    QSqlQuery query(m_file.database());
    query.prepare(QStringLiteral("INSERT INTO nodes (parent, kind, name, spec, position) VALUES "
                                 "(?, ?, COALESCE(?, ''), COALESCE(?, ''), (SELECT COALESCE(MAX(position) + 1, 0) FROM nodes WHERE parent = ?))"));
    query.addBindValue(parentId);
    query.addBindValue(int(kind));
    query.addBindValue(name);
    query.addBindValue(spec ? QString::fromStdString(spec->toJson().dump()) : QString());
    query.addBindValue(parentId);
    if (!query.exec())
        return failed(query);
    return query.lastInsertId().toLongLong();
}

core::Result<qint64> SavedRequestStore::createCollection(const QString &name)
{
    return insert(0, SavedNode::Kind::Collection, name, nullptr);
}

core::Result<qint64> SavedRequestStore::createFolder(qint64 parentId, const QString &name)
{
    return insert(parentId, SavedNode::Kind::Folder, name, nullptr);
}

core::Result<qint64> SavedRequestStore::saveRequest(qint64 parentId, const core::HttpRequestSpec &spec)
{
    return insert(parentId, SavedNode::Kind::Request, QString::fromStdString(spec.name), &spec);
}

core::Status SavedRequestStore::update(qint64 id, const core::HttpRequestSpec &spec)
{
    QSqlQuery query(m_file.database());
    query.prepare(QStringLiteral("UPDATE nodes SET spec = ?, name = COALESCE(?, '') WHERE id = ? AND kind = ?"));
    query.addBindValue(QString::fromStdString(spec.toJson().dump()));
    query.addBindValue(QString::fromStdString(spec.name));
    query.addBindValue(id);
    query.addBindValue(int(SavedNode::Kind::Request));
    if (!query.exec())
        return failed(query);
    return core::Done{};
}

core::Status SavedRequestStore::rename(qint64 id, const QString &name)
{
    auto existing = node(id);
    if (!existing)
        return core::Error::make(core::ErrorKind::NotFound, "no saved item " + std::to_string(id));
    if (existing->kind == SavedNode::Kind::Request) {
        existing->spec.name = name.toStdString();
        return update(id, existing->spec);
    }
    QSqlQuery query(m_file.database());
    query.prepare(QStringLiteral("UPDATE nodes SET name = COALESCE(?, '') WHERE id = ?"));
    query.addBindValue(name);
    query.addBindValue(id);
    if (!query.exec())
        return failed(query);
    return core::Done{};
}

core::Status SavedRequestStore::remove(qint64 id)
{
    for (const SavedNode &child : children(id)) {
        if (auto removed = remove(child.id); !removed.ok())
            return removed;
    }
    QSqlQuery query(m_file.database());
    query.prepare(QStringLiteral("DELETE FROM nodes WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return failed(query);
    return core::Done{};
}

core::Status SavedRequestStore::move(qint64 id, qint64 newParentId)
{
    const auto moving = node(id);
    const auto target = node(newParentId);
    if (!moving || !target || target->kind == SavedNode::Kind::Request || moving->kind == SavedNode::Kind::Collection)
        return core::Error::make(core::ErrorKind::Validation, "requests and folders move into a collection or folder");
    QSqlQuery query(m_file.database());
    query.prepare(QStringLiteral("UPDATE nodes SET parent = ?, "
                                 "position = (SELECT COALESCE(MAX(position) + 1, 0) FROM nodes WHERE parent = ?) WHERE id = ?"));
    query.addBindValue(newParentId);
    query.addBindValue(newParentId);
    query.addBindValue(id);
    if (!query.exec())
        return failed(query);
    return core::Done{};
}

QList<SavedNode> SavedRequestStore::children(qint64 parentId) const
{
    QSqlQuery query(m_file.database());
    query.prepare(QStringLiteral("SELECT id, parent, kind, name, spec, position FROM nodes WHERE parent = ? "
                                 "ORDER BY position, id"));
    query.addBindValue(parentId);
    QList<SavedNode> nodes;
    if (query.exec()) {
        while (query.next())
            nodes.append(readNode(query));
    }
    return nodes;
}

std::optional<SavedNode> SavedRequestStore::node(qint64 id) const
{
    QSqlQuery query(m_file.database());
    query.prepare(QStringLiteral("SELECT id, parent, kind, name, spec, position FROM nodes WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return readNode(query);
}

core::Result<qint64> SavedRequestStore::importCollection(const core::Collection &collection)
{
    QSqlDatabase db = m_file.database();
    db.transaction();
    const auto root = createCollection(QString::fromStdString(collection.name));
    bool ok = root.ok();
    for (std::size_t f = 0; ok && f < collection.folders.size(); ++f) {
        const auto &folder = collection.folders[f];
        const auto folderId = createFolder(*root, QString::fromStdString(folder.name));
        ok = folderId.ok();
        for (std::size_t r = 0; ok && r < folder.requests.size(); ++r)
            ok = saveRequest(*folderId, folder.requests[r]).ok();
    }
    if (!ok) {
        db.rollback();
        return core::Error::make(core::ErrorKind::Internal, "Collections: the import could not be saved");
    }
    db.commit();
    return root;
}

} // namespace petstore::panels
