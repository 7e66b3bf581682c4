// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/common/panelcontext.h"

#include <QSettings>
#include <QTest>

namespace {

class FixedContext : public petstore::panels::PanelContext
{
public:
    QString baseUrl() const override { return QStringLiteral("http://127.0.0.1:9/v1"); }
    QMap<QString, QString> variables() const override
    {
        return {{QStringLiteral("baseUrl"), baseUrl()}, {QStringLiteral("token"), QStringLiteral("t0k")}};
    }
    bool targetIsEmbeddedMock() const override { return true; }
    quint16 embeddedHttpPort() const override { return 9; }
    std::optional<petstore::core::TrafficRecord> capturedExchange(const QString &) const override { return std::nullopt; }
    QSettings &settings() override { return m_settings; }
    QString dataDirectory() const override { return {}; }

private:
    QSettings m_settings;
};

} // namespace

class TestPanelContext : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void expandsKnownVariablesAndKeepsUnknownOnes()
    {
        FixedContext context;
        QCOMPARE(context.expand(QStringLiteral("{{baseUrl}}/pets?t={{ token }}&x={{other}}")),
                 QStringLiteral("http://127.0.0.1:9/v1/pets?t=t0k&x={{other}}"));
    }
};

QTEST_GUILESS_MAIN(TestPanelContext)
#include "tst_panelcontext.moc"
