// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mock-server/mockserver.h"
#include "panels/common/panelcontext.h"

#include <QSettings>

namespace petstore::tests {

// A PanelContext whose target is a MockServer running in the test process (port 0), as the
// explorer's "Embedded mock" environment is: widget tests drive panels against real traffic.
class MockPanelContext : public panels::PanelContext
{
public:
    MockPanelContext(mock::MockServer &mock, QString dataDirectory) : m_mock(mock), m_data(std::move(dataDirectory)) {}
    QString baseUrl() const override { return QStringLiteral("http://127.0.0.1:%1/v1").arg(m_mock.httpPort()); }
    QMap<QString, QString> variables() const override
    {
        return {{QStringLiteral("baseUrl"), baseUrl()}, {QStringLiteral("token"), QString()}};
    }
    bool targetIsEmbeddedMock() const override { return m_embedded; }
    void setEmbedded(bool embedded) { m_embedded = embedded; }
    quint16 embeddedHttpPort() const override { return m_mock.httpPort(); }
    std::optional<core::TrafficRecord> capturedExchange(const QString &requestId) const override
    {
        for (const auto &record : m_mock.traffic().latest(50))
            if (record.requestId == requestId.toStdString())
                return record;
        return std::nullopt;
    }
    QSettings &settings() override { return m_settings; }
    QString dataDirectory() const override { return m_data; }

private:
    mock::MockServer &m_mock;
    QString m_data;
    bool m_embedded = true;
    QSettings m_settings;
};

} // namespace petstore::tests
