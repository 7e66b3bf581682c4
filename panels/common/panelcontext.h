// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/traffic/trafficrecord.h"

#include <QMap>
#include <QObject>
#include <QString>

#include <map>
#include <optional>
#include <string>

class QSettings;

namespace petstore::panels {

// What a panel may know of its host (DESIGN §3): the current target and its variables, the
// embedded mock's state and captured traffic, settings and the app-data folder. The explorer
// implements it; tests implement it with fixed values. GUI thread only.
class PanelContext : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // The selected environment's base URL, e.g. "http://127.0.0.1:8080/v1" for the embedded
    // mock or "https://api.petstoreapi.com/v1".
    virtual QString baseUrl() const = 0;
    // The environment's variables, including baseUrl and token ({{name}} in requests).
    virtual QMap<QString, QString> variables() const = 0;
    // The variables as core's RequestResolver and VariableTemplate take them.
    std::map<std::string, std::string> variableValues() const;
    // Replaces every {{name}} with its variable; unknown names stay as written.
    QString expand(const QString &text) const;

    virtual bool targetIsEmbeddedMock() const = 0;
    // The embedded mock's HTTP port, or 0 while it is not running.
    virtual quint16 embeddedHttpPort() const = 0;
    // The exchange the embedded mock captured for a request id (X-Request-Id), if any: the
    // exact bytes for a panel's Wire tab.
    virtual std::optional<core::TrafficRecord> capturedExchange(const QString &requestId) const = 0;

    virtual QSettings &settings() = 0;
    // Where panels keep their SQLite files (history, saved items).
    virtual QString dataDirectory() const = 0;

Q_SIGNALS:
    void targetChanged();
    void variablesChanged();
    void embeddedMockChanged();
};

} // namespace petstore::panels
