// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/rest/sqlitefile.h"

#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace petstore::panels {

SqliteFile::SqliteFile()
    : m_connection(QStringLiteral("panel-store-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

SqliteFile::~SqliteFile()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

core::Status SqliteFile::open(const QString &path, const QString &what, const QStringList &schema, int version)
{
    QSqlDatabase db = QSqlDatabase::contains(m_connection) ? QSqlDatabase::database(m_connection, false)
                                                           : QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(path);
    core::Status status = db.open() ? prepare(schema, version)
                                    : core::Error::make(core::ErrorKind::Internal, db.lastError().text().toStdString());
    m_persistent = status.ok();
    if (status.ok())
        return status;
    const std::string reason = status.error().message;
    db.close();
    db.setDatabaseName(QStringLiteral(":memory:"));
    if (!db.open() || !prepare(schema, version).ok())
        return core::Error::make(core::ErrorKind::Internal, what.toStdString() + " is unavailable: " + reason);
    return core::Error::make(core::ErrorKind::Internal,
                             QStringLiteral("%1 is kept in memory for this session: %2 cannot be used (%3).")
                                 .arg(what, QFileInfo(path).absoluteFilePath(), QString::fromStdString(reason))
                                 .toStdString());
}

core::Status SqliteFile::prepare(const QStringList &schema, int version)
{
    QSqlQuery query(database());
    // A corrupt file opens fine; the first read is what fails ("file is not a database").
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return core::Error::make(core::ErrorKind::Internal, query.lastError().text().toStdString());
    if (query.value(0).toInt() >= version)
        return core::Done{};
    for (const QString &statement : schema) {
        if (!query.exec(statement))
            return core::Error::make(core::ErrorKind::Internal, query.lastError().text().toStdString());
    }
    if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(version)))
        return core::Error::make(core::ErrorKind::Internal, query.lastError().text().toStdString());
    return core::Done{};
}

} // namespace petstore::panels
