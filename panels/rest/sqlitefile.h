// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace petstore::panels {

// One SQLite file of a panel (history, collections) with its schema. When the file is corrupt
// or cannot be written, open() says so and the store runs on an in-memory database for the
// session, so the panel keeps working (issue 3).
class SqliteFile
{
public:
    SqliteFile();
    ~SqliteFile();
    SqliteFile(const SqliteFile &) = delete;
    SqliteFile &operator=(const SqliteFile &) = delete;

    // `what` names the store in messages ("History"); `schema` are the CREATE statements of
    // version `version` (PRAGMA user_version).
    core::Status open(const QString &path, const QString &what, const QStringList &schema, int version);
    bool isPersistent() const { return m_persistent; }
    QSqlDatabase database() const { return QSqlDatabase::database(m_connection); }

private:
    core::Status prepare(const QStringList &schema, int version);

    QString m_connection;
    bool m_persistent = false;
};

} // namespace petstore::panels
