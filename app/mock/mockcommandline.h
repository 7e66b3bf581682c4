// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mock-server/mockconfig.h"

#include <QString>
#include <QStringList>

#include <string>

namespace petstore::app {

enum class LogFormat { Text, Json, None };

// The flags of DESIGN §4 that exist so far. Parsing is pure (no I/O besides reading --config),
// so every bad flag has a tested one-line message.
class MockCommandLine
{
public:
    struct Outcome
    {
        int exitCode = -1;     // -1: run the server; otherwise exit with this code
        std::string output;    // help/version text, or the one-line error
    };

    Outcome parse(const QStringList &arguments);

    const mock::MockConfig &config() const { return m_config; }
    LogFormat logFormat() const { return m_log; }
    const QString &readyFile() const { return m_readyFile; }

private:
    mock::MockConfig m_config;
    LogFormat m_log = LogFormat::Text;
    QString m_readyFile;
};

} // namespace petstore::app
