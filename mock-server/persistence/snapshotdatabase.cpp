// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/persistence/snapshotdatabase.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace petstore::mock {

namespace {

core::Error sqlError(const QString &what, const QSqlError &error)
{
    return core::Error::make(core::ErrorKind::Internal, (what + QStringLiteral(": ") + error.text()).toStdString());
}

} // namespace

SnapshotDatabase::SnapshotDatabase(QString path)
    : m_path(std::move(path)), m_connection(QStringLiteral("petstore-snapshot-") + QUuid::createUuid().toString())
{
}

SnapshotDatabase::~SnapshotDatabase()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isValid())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

core::Status SnapshotDatabase::open()
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(m_path);
    if (!db.open())
        return sqlError(QStringLiteral("cannot open ") + m_path, db.lastError());
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS snapshot (name TEXT PRIMARY KEY, document TEXT NOT NULL, saved_at TEXT NOT NULL)")))
        return sqlError(m_path + QStringLiteral(" is not a usable SQLite database"), query.lastError());
    return core::Done{};
}

core::Result<nlohmann::json> SnapshotDatabase::load()
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    if (!query.exec(QStringLiteral("SELECT document FROM snapshot WHERE name = 'store'")))
        return sqlError(QStringLiteral("cannot read ") + m_path, query.lastError());
    if (!query.next())
        return nlohmann::json();
    nlohmann::json document = nlohmann::json::parse(query.value(0).toString().toStdString(), nullptr, false);
    if (document.is_discarded())
        return core::Error::make(core::ErrorKind::Internal, m_path.toStdString() + " holds a corrupt snapshot");
    return document;
}

core::Status SnapshotDatabase::save(const nlohmann::json &snapshot)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO snapshot (name, document, saved_at) VALUES ('store', ?, datetime('now'))"));
    query.addBindValue(QString::fromStdString(snapshot.dump()));
    if (!query.exec())
        return sqlError(QStringLiteral("cannot write ") + m_path, query.lastError());
    return core::Done{};
}

} // namespace petstore::mock
