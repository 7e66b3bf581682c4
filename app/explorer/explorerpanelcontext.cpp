// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/explorer/explorerpanelcontext.h"

#include "app/explorer/environmentstore.h"
#include "mock-server/mockserverhost.h"

namespace petstore::explorer {

ExplorerPanelContext::ExplorerPanelContext(EnvironmentStore &environments, mock::MockServerHost &mock,
                                           QSettings &settings, QString dataDirectory, QObject *parent)
    : PanelContext(parent)
    , m_environments(environments)
    , m_mock(mock)
    , m_settings(settings)
    , m_dataDirectory(std::move(dataDirectory))
{
    const auto status = m_mock.status();
    m_environments.setEmbeddedPort(status.running ? status.httpPort : 0);
    connect(&m_environments, &EnvironmentStore::currentChanged, this, [this] {
        Q_EMIT targetChanged();
        Q_EMIT variablesChanged();
    });
    connect(&m_environments, &EnvironmentStore::environmentsChanged, this,
            &PanelContext::variablesChanged);
    connect(&m_mock, &mock::MockServerHost::statusChanged, this,
            [this](const mock::MockServerStatus &status) {
                m_environments.setEmbeddedPort(status.running ? status.httpPort : 0);
                Q_EMIT embeddedMockChanged();
            });
}

QString ExplorerPanelContext::baseUrl() const
{
    return m_environments.current().baseUrl;
}

QMap<QString, QString> ExplorerPanelContext::variables() const
{
    return m_environments.variables();
}

bool ExplorerPanelContext::targetIsEmbeddedMock() const
{
    return m_environments.current().embeddedMock;
}

quint16 ExplorerPanelContext::embeddedHttpPort() const
{
    const auto status = m_mock.status();
    return status.running ? status.httpPort : 0;
}

std::optional<core::TrafficRecord> ExplorerPanelContext::capturedExchange(const QString &requestId) const
{
    return m_mock.capturedExchange(requestId.toStdString());
}

} // namespace petstore::explorer
