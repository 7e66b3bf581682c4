// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "panels/common/panelcontext.h"

namespace petstore::mock {
class MockServerHost;
}

namespace petstore::explorer {

class EnvironmentStore;

// The explorer's side of PanelContext: targets from the EnvironmentStore, the embedded mock from
// its MockServerHost. Panels see nothing else of the host (STYLE "Five pairs" 3).
class ExplorerPanelContext : public panels::PanelContext
{
    Q_OBJECT
public:
    ExplorerPanelContext(EnvironmentStore &environments, mock::MockServerHost &mock,
                         QSettings &settings, QString dataDirectory, QObject *parent = nullptr);

    QString baseUrl() const override;
    QMap<QString, QString> variables() const override;
    bool targetIsEmbeddedMock() const override;
    quint16 embeddedHttpPort() const override;
    std::optional<core::TrafficRecord> capturedExchange(const QString &requestId) const override;
    QSettings &settings() override { return m_settings; }
    QString dataDirectory() const override { return m_dataDirectory; }

private:
    EnvironmentStore &m_environments;
    mock::MockServerHost &m_mock;
    QSettings &m_settings;
    QString m_dataDirectory;
};

} // namespace petstore::explorer
