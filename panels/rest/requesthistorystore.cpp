// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/rest/requesthistorystore.h"

#include <QSqlError>
#include <QSqlQuery>

namespace petstore::panels {

namespace {

core::Status failed(const QSqlQuery &query)
{
    return core::Error::make(core::ErrorKind::Internal, "History: " + query.lastError().text().toStdString());
}

} // namespace

core::Status RequestHistoryStore::open(const QString &path)
{
    return m_file.open(path, QStringLiteral("History"),
                       {QStringLiteral("CREATE TABLE IF NOT EXISTS history ("
                                       "id INTEGER PRIMARY KEY AUTOINCREMENT, time INTEGER NOT NULL, "
                                       "method TEXT NOT NULL, url TEXT NOT NULL, name TEXT NOT NULL, "
                                       "spec TEXT NOT NULL, status INTEGER NOT NULL, total_ms REAL NOT NULL, "
                                       "size INTEGER NOT NULL, error TEXT NOT NULL)")},
                       1);
}

core::Status RequestHistoryStore::add(HistoryEntry entry)
{
    QSqlQuery query(m_file.database());
    query.prepare(QStringLiteral("INSERT INTO history (time, method, url, name, spec, status, total_ms, size, error) "
                                 "VALUES (?, COALESCE(?, ''), COALESCE(?, ''), COALESCE(?, ''), ?, ?, ?, ?, COALESCE(?, ''))"));
    query.addBindValue((entry.time.isValid() ? entry.time : QDateTime::currentDateTime()).toMSecsSinceEpoch());
    query.addBindValue(QString::fromStdString(entry.spec.method));
    query.addBindValue(QString::fromStdString(entry.spec.url));
    query.addBindValue(QString::fromStdString(entry.spec.name));
    query.addBindValue(QString::fromStdString(entry.spec.toJson().dump()));
    query.addBindValue(entry.status);
    query.addBindValue(entry.totalMs);
    query.addBindValue(entry.size);
    query.addBindValue(entry.error);
    if (!query.exec())
        return failed(query);
    QSqlQuery prune(m_file.database());
    if (!prune.exec(QStringLiteral("DELETE FROM history WHERE id <= (SELECT MAX(id) FROM history) - %1").arg(Capacity)))
        return failed(prune);
    return core::Done{};
}

QList<HistoryEntry> RequestHistoryStore::recent(int limit, const QString &search) const
{
    QSqlQuery query(m_file.database());
    query.prepare(QStringLiteral("SELECT id, time, spec, status, total_ms, size, error FROM history "
                                 "WHERE ? = '' OR (method || ' ' || url || ' ' || name || ' ' || status) LIKE ? "
                                 "ORDER BY id DESC LIMIT ?"));
    query.addBindValue(search.trimmed());
    query.addBindValue(QStringLiteral("%") + search.trimmed() + QStringLiteral("%"));
    query.addBindValue(limit);
    QList<HistoryEntry> entries;
    if (!query.exec())
        return entries;
    while (query.next()) {
        const auto spec = core::HttpRequestSpec::fromJson(
            nlohmann::json::parse(query.value(2).toString().toStdString(), nullptr, false));
        if (!spec.ok())
            continue;
        HistoryEntry entry;
        entry.id = query.value(0).toLongLong();
        entry.time = QDateTime::fromMSecsSinceEpoch(query.value(1).toLongLong());
        entry.spec = *spec;
        entry.status = query.value(3).toInt();
        entry.totalMs = query.value(4).toDouble();
        entry.size = query.value(5).toLongLong();
        entry.error = query.value(6).toString();
        entries.append(entry);
    }
    return entries;
}

core::Status RequestHistoryStore::remove(qint64 id)
{
    QSqlQuery query(m_file.database());
    query.prepare(QStringLiteral("DELETE FROM history WHERE id = ?"));
    query.addBindValue(id);
    return query.exec() ? core::Status(core::Done{}) : failed(query);
}

core::Status RequestHistoryStore::clear()
{
    QSqlQuery query(m_file.database());
    return query.exec(QStringLiteral("DELETE FROM history")) ? core::Status(core::Done{}) : failed(query);
}

} // namespace petstore::panels
