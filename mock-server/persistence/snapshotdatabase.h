// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <nlohmann/json.hpp>

#include <QString>

namespace petstore::mock {

// The --data file: a SQLite database holding the latest snapshot of every tenant's store as
// one JSON document, written in a transaction so a crash leaves the previous snapshot intact.
class SnapshotDatabase
{
public:
    explicit SnapshotDatabase(QString path);
    ~SnapshotDatabase();

    core::Status open();
    // The stored document, or null when the file holds none yet.
    core::Result<nlohmann::json> load();
    core::Status save(const nlohmann::json &snapshot);

private:
    QString m_path;
    QString m_connection;
};

} // namespace petstore::mock
