// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/explorer/environmentstore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QUuid>

namespace petstore::explorer {

namespace {

const QString kGroup = QStringLiteral("environments");

QString embeddedBaseUrl(quint16 port)
{
    return port == 0 ? QStringLiteral("http://127.0.0.1/v1")
                     : QStringLiteral("http://127.0.0.1:%1/v1").arg(port);
}

QString variablesToText(const QMap<QString, QString> &variables)
{
    QJsonObject object;
    for (auto it = variables.cbegin(); it != variables.cend(); ++it)
        object.insert(it.key(), it.value());
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QMap<QString, QString> variablesFromText(const QString &text)
{
    QMap<QString, QString> variables;
    const QJsonObject object = QJsonDocument::fromJson(text.toUtf8()).object();
    for (auto it = object.begin(); it != object.end(); ++it)
        variables.insert(it.key(), it.value().toString());
    return variables;
}

QList<Environment> builtIns()
{
    return {
        {QString::fromLatin1(EnvironmentStore::EmbeddedId), QObject::tr("Embedded mock"),
         embeddedBaseUrl(0), {{QStringLiteral("token"), QString()}}, true, true},
        {QString::fromLatin1(EnvironmentStore::ProductionId),
         QObject::tr("Modern Petstore (production)"), QStringLiteral("https://api.petstoreapi.com/v1"),
         {{QStringLiteral("token"), QString()}}, true, false},
        {QString::fromLatin1(EnvironmentStore::SandboxId), QObject::tr("Modern Petstore (sandbox)"),
         QStringLiteral("https://sandbox.petstoreapi.com/v1"), {{QStringLiteral("token"), QString()}},
         true, false},
    };
}

} // namespace

EnvironmentStore::EnvironmentStore(QSettings &settings, QObject *parent)
    : QObject(parent), m_settings(settings)
{
    load();
}

void EnvironmentStore::load()
{
    m_environments = builtIns();
    m_settings.beginGroup(kGroup);
    for (auto &environment : m_environments) {
        const QString key = QStringLiteral("builtin/%1/variables").arg(environment.id);
        if (m_settings.contains(key))
            environment.variables = variablesFromText(m_settings.value(key).toString());
    }
    const int count = m_settings.beginReadArray(QStringLiteral("user"));
    for (int i = 0; i < count; ++i) {
        m_settings.setArrayIndex(i);
        Environment environment;
        environment.id = m_settings.value(QStringLiteral("id")).toString();
        environment.name = m_settings.value(QStringLiteral("name")).toString();
        environment.baseUrl = m_settings.value(QStringLiteral("baseUrl")).toString();
        environment.variables = variablesFromText(m_settings.value(QStringLiteral("variables")).toString());
        if (!environment.id.isEmpty() && !find(environment.id))
            m_environments.append(environment);
    }
    m_settings.endArray();
    m_currentId = m_settings.value(QStringLiteral("current"), QString::fromLatin1(EmbeddedId)).toString();
    m_settings.endGroup();
    if (!find(m_currentId))
        m_currentId = QString::fromLatin1(EmbeddedId);
}

void EnvironmentStore::save() const
{
    m_settings.beginGroup(kGroup);
    m_settings.remove(QString());
    m_settings.setValue(QStringLiteral("current"), m_currentId);
    for (const auto &environment : m_environments) {
        if (environment.builtIn) {
            m_settings.setValue(QStringLiteral("builtin/%1/variables").arg(environment.id),
                                variablesToText(environment.variables));
        }
    }
    m_settings.beginWriteArray(QStringLiteral("user"));
    int index = 0;
    for (const auto &environment : m_environments) {
        if (environment.builtIn)
            continue;
        m_settings.setArrayIndex(index++);
        m_settings.setValue(QStringLiteral("id"), environment.id);
        m_settings.setValue(QStringLiteral("name"), environment.name);
        m_settings.setValue(QStringLiteral("baseUrl"), environment.baseUrl);
        m_settings.setValue(QStringLiteral("variables"), variablesToText(environment.variables));
    }
    m_settings.endArray();
    m_settings.endGroup();
}

const Environment &EnvironmentStore::current() const
{
    const Environment *environment = find(m_currentId);
    return environment ? *environment : m_environments.front();
}

const Environment *EnvironmentStore::find(const QString &id) const
{
    for (const auto &environment : m_environments) {
        if (environment.id == id)
            return &environment;
    }
    return nullptr;
}

Environment *EnvironmentStore::findMutable(const QString &id)
{
    return const_cast<Environment *>(find(id));
}

void EnvironmentStore::setCurrent(const QString &id)
{
    if (id == m_currentId || !find(id))
        return;
    m_currentId = id;
    save();
    Q_EMIT currentChanged();
}

QMap<QString, QString> EnvironmentStore::variables() const
{
    QMap<QString, QString> variables = current().variables;
    variables.insert(QStringLiteral("baseUrl"), current().baseUrl);
    return variables;
}

QString EnvironmentStore::add(const QString &name, const QString &baseUrl,
                              const QMap<QString, QString> &variables)
{
    Environment environment;
    environment.id = QStringLiteral("user-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    environment.name = name;
    environment.baseUrl = baseUrl;
    environment.variables = variables;
    environment.variables.remove(QStringLiteral("baseUrl"));
    m_environments.append(environment);
    save();
    Q_EMIT environmentsChanged();
    return environment.id;
}

void EnvironmentStore::update(const Environment &changed)
{
    Environment *environment = findMutable(changed.id);
    if (!environment)
        return;
    if (!environment->builtIn) {
        environment->name = changed.name;
        environment->baseUrl = changed.baseUrl;
    }
    environment->variables = changed.variables;
    environment->variables.remove(QStringLiteral("baseUrl"));
    save();
    Q_EMIT environmentsChanged();
    if (changed.id == m_currentId)
        Q_EMIT currentChanged();
}

void EnvironmentStore::remove(const QString &id)
{
    const Environment *environment = find(id);
    if (!environment || environment->builtIn)
        return;
    m_environments.removeIf([&id](const Environment &e) { return e.id == id; });
    const bool wasCurrent = id == m_currentId;
    if (wasCurrent)
        m_currentId = QString::fromLatin1(EmbeddedId);
    save();
    Q_EMIT environmentsChanged();
    if (wasCurrent)
        Q_EMIT currentChanged();
}

void EnvironmentStore::setEmbeddedPort(quint16 port)
{
    if (port == m_embeddedPort)
        return;
    m_embeddedPort = port;
    findMutable(QString::fromLatin1(EmbeddedId))->baseUrl = embeddedBaseUrl(port);
    Q_EMIT environmentsChanged();
    if (m_currentId == QLatin1String(EmbeddedId))
        Q_EMIT currentChanged();
}

} // namespace petstore::explorer
