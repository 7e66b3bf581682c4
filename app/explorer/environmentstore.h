// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMap>
#include <QObject>
#include <QString>

class QSettings;

namespace petstore::explorer {

// A target the panels talk to: the embedded mock, a Modern Petstore deployment, or one the user
// defined. Variables are what `{{name}}` expands to; `baseUrl` is always one of them.
struct Environment
{
    QString id;
    QString name;
    QString baseUrl;
    QMap<QString, QString> variables;   // without baseUrl
    bool builtIn = false;               // name and base URL fixed; variables still editable
    bool embeddedMock = false;
};

// The environments and the selected one, persisted in QSettings (issue 3). The embedded mock's
// base URL follows the port it actually bound.
class EnvironmentStore : public QObject
{
    Q_OBJECT
public:
    static constexpr const char *EmbeddedId = "embedded";
    static constexpr const char *ProductionId = "production";
    static constexpr const char *SandboxId = "sandbox";

    explicit EnvironmentStore(QSettings &settings, QObject *parent = nullptr);

    QList<Environment> environments() const { return m_environments; }
    const Environment &current() const;
    const Environment *find(const QString &id) const;
    void setCurrent(const QString &id);

    // Everything `{{name}}` may expand to for the current environment, baseUrl included.
    QMap<QString, QString> variables() const;

    // Adds a user environment and returns its id; user ids never collide with built-ins.
    QString add(const QString &name, const QString &baseUrl, const QMap<QString, QString> &variables);
    // Built-ins keep their name and base URL; only their variables change.
    void update(const Environment &environment);
    void remove(const QString &id);   // built-ins cannot be removed

    void setEmbeddedPort(quint16 port);

Q_SIGNALS:
    void environmentsChanged();
    void currentChanged();

private:
    void load();
    void save() const;
    Environment *findMutable(const QString &id);

    QSettings &m_settings;
    QList<Environment> m_environments;
    QString m_currentId;
    quint16 m_embeddedPort = 0;
};

} // namespace petstore::explorer
