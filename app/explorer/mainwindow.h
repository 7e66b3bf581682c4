// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

#include <map>
#include <memory>

class QDockWidget;
class QLabel;
class QSettings;
class QSplitter;
class QStackedWidget;

namespace petstore::mock {
class MockServerHost;
struct MockServerStatus;
}
namespace petstore::panels {
class IPanel;
class LearnPane;
}

namespace petstore::explorer {

class EnvironmentStore;
class ExplorerPanelContext;
class MockServerDock;
class ProtocolNavigator;
class TargetSelector;
class TrafficDock;

// The explorer's main window (DESIGN §8): protocol navigator, the current panel, the Learn,
// Mock server and Traffic docks, a target selector and a status bar. Panels are created on
// first use and reach the window only through their PanelContext.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(QSettings &settings, mock::MockServerHost &mock, const QString &dataDirectory,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    void showProtocol(const QString &id);
    QString currentProtocol() const { return m_currentProtocol; }
    // The panel for a protocol once it has been shown; nullptr before or when not built.
    panels::IPanel *panel(const QString &id) const;
    EnvironmentStore &environments() { return *m_environments; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildToolBar();
    void buildDocks();
    void restoreLayout();
    void saveLayout();
    void showMockStatus(const mock::MockServerStatus &status);
    void showTarget();
    QWidget *pageFor(const QString &id);

    QSettings &m_settings;
    mock::MockServerHost &m_mock;
    std::unique_ptr<EnvironmentStore> m_environments;
    std::unique_ptr<ExplorerPanelContext> m_context;
    std::map<QString, std::unique_ptr<panels::IPanel>> m_panels;
    std::map<QString, QWidget *> m_pages;
    QString m_currentProtocol;

    ProtocolNavigator *m_navigator = nullptr;
    QStackedWidget *m_stack = nullptr;
    QSplitter *m_splitter = nullptr;
    panels::LearnPane *m_learn = nullptr;
    QDockWidget *m_learnDock = nullptr;
    TargetSelector *m_target = nullptr;
    MockServerDock *m_mockDock = nullptr;
    TrafficDock *m_trafficDock = nullptr;
    QLabel *m_mockStatus = nullptr;
    QLabel *m_targetStatus = nullptr;
};

} // namespace petstore::explorer
