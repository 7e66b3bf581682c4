// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/requests/httprequestspec.h"
#include "core/result.h"
#include "panels/rest/sqlitefile.h"

#include <QDateTime>
#include <QList>

namespace petstore::panels {

struct HistoryEntry
{
    qint64 id = 0;
    QDateTime time;
    core::HttpRequestSpec spec;
    int status = 0;          // 0 when no response arrived
    double totalMs = 0.0;
    qint64 size = 0;
    QString error;
};

// Every request the REST panel sent, newest first, searchable; at most 5,000 (oldest pruned).
class RequestHistoryStore
{
public:
    static constexpr int Capacity = 5000;

    core::Status open(const QString &path);
    bool isPersistent() const { return m_file.isPersistent(); }

    core::Status add(HistoryEntry entry);
    // Newest first; `search` matches method, URL, name and status (case-insensitive).
    QList<HistoryEntry> recent(int limit, const QString &search = {}) const;
    core::Status remove(qint64 id);
    core::Status clear();

private:
    SqliteFile m_file;
};

} // namespace petstore::panels
