// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/explorer/mainwindow.h"

#include "app/explorer/docks/mockserverdock.h"
#include "app/explorer/docks/trafficdock.h"
#include "app/explorer/environmentdialog.h"
#include "app/explorer/environmentstore.h"
#include "app/explorer/explorerpanelcontext.h"
#include "app/explorer/explorerprotocols.h"
#include "app/explorer/notbuiltpage.h"
#include "app/explorer/protocolnavigator.h"
#include "app/explorer/targetselector.h"
#include "mock-server/mockserverhost.h"
#include "panels/common/ipanel.h"
#include "panels/common/learnpane.h"

#include <QAction>
#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>

namespace petstore::explorer {

namespace {
const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
const QString kStateKey = QStringLiteral("mainWindow/state");
const QString kSplitterKey = QStringLiteral("mainWindow/splitter");
const QString kProtocolKey = QStringLiteral("mainWindow/protocol");
}

MainWindow::MainWindow(QSettings &settings, mock::MockServerHost &mock, const QString &dataDirectory,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_settings(settings)
    , m_mock(mock)
    , m_environments(std::make_unique<EnvironmentStore>(settings))
    , m_context(std::make_unique<ExplorerPanelContext>(*m_environments, mock, settings, dataDirectory))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Petstore Protocol Explorer"));

    m_navigator = new ProtocolNavigator(this);
    m_stack = new QStackedWidget(this);
    m_learn = new panels::LearnPane(this);
    m_learn->setObjectName(QStringLiteral("learnPane"));
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("centralSplitter"));
    m_splitter->addWidget(m_navigator);
    m_splitter->addWidget(m_stack);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setCollapsible(1, false);
    m_splitter->setSizes({180, 1000});
    setCentralWidget(m_splitter);

    m_mockStatus = new QLabel(this);
    m_mockStatus->setObjectName(QStringLiteral("mockStatusLabel"));
    m_targetStatus = new QLabel(this);
    m_targetStatus->setObjectName(QStringLiteral("targetStatusLabel"));
    statusBar()->addWidget(m_mockStatus, 1);
    statusBar()->addPermanentWidget(m_targetStatus);

    buildToolBar();
    buildDocks();

    connect(m_navigator, &ProtocolNavigator::protocolSelected, this, &MainWindow::showProtocol);
    connect(&m_mock, &mock::MockServerHost::statusChanged, this, &MainWindow::showMockStatus);
    connect(m_environments.get(), &EnvironmentStore::currentChanged, this, &MainWindow::showTarget);
    connect(m_environments.get(), &EnvironmentStore::environmentsChanged, this, &MainWindow::showTarget);
    showMockStatus(m_mock.status());
    showTarget();
    restoreLayout();
}

// Members go before QWidget deletes the children: panels (and their widgets) before the
// context they were given.
MainWindow::~MainWindow() = default;

void MainWindow::buildToolBar()
{
    auto *toolBar = addToolBar(tr("Target"));
    toolBar->setObjectName(QStringLiteral("targetToolBar"));
    toolBar->setMovable(false);
    toolBar->addWidget(new QLabel(tr("Target "), toolBar));
    m_target = new TargetSelector(*m_environments, toolBar);
    toolBar->addWidget(m_target);
    auto *editEnvironments = toolBar->addAction(tr("Environments…"));
    editEnvironments->setObjectName(QStringLiteral("editEnvironmentsAction"));
    connect(editEnvironments, &QAction::triggered, this, [this] {
        EnvironmentDialog dialog(*m_environments, this);
        dialog.exec();
    });
    auto *spacer = new QWidget(toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolBar->addWidget(spacer);
    auto *learn = toolBar->addAction(tr("Learn"));
    learn->setObjectName(QStringLiteral("showLearnAction"));
    learn->setShortcut(QKeySequence::HelpContents);
    learn->setToolTip(tr("Show the protocol's guide (F1)"));
    connect(learn, &QAction::triggered, this, [this] {
        m_learnDock->show();
        m_learnDock->raise();
    });
}

void MainWindow::buildDocks()
{
    m_mockDock = new MockServerDock(m_mock, this);
    m_mockDock->setObjectName(QStringLiteral("mockServerDock"));
    addDockWidget(Qt::RightDockWidgetArea, m_mockDock);
    // The Learn pane shares the right-hand column with the Mock server dock, one tab each.
    m_learnDock = new QDockWidget(tr("Learn"), this);
    m_learnDock->setObjectName(QStringLiteral("learnDock"));
    m_learnDock->setWidget(m_learn);
    addDockWidget(Qt::RightDockWidgetArea, m_learnDock);
    tabifyDockWidget(m_mockDock, m_learnDock);
    m_mockDock->raise();
    m_trafficDock = new TrafficDock(m_mock, this);
    m_trafficDock->setObjectName(QStringLiteral("trafficDock"));
    addDockWidget(Qt::BottomDockWidgetArea, m_trafficDock);
    resizeDocks({m_trafficDock}, {220}, Qt::Vertical);
}

void MainWindow::restoreLayout()
{
    if (!restoreGeometry(m_settings.value(kGeometryKey).toByteArray()))
        resize(1280, 800);
    restoreState(m_settings.value(kStateKey).toByteArray());
    if (const QByteArray splitter = m_settings.value(kSplitterKey).toByteArray(); !splitter.isEmpty())
        m_splitter->restoreState(splitter);
    const QString protocol = m_settings.value(kProtocolKey, QStringLiteral("rest")).toString();
    m_navigator->selectProtocol(ExplorerProtocols::find(protocol) ? protocol : QStringLiteral("rest"));
}

void MainWindow::saveLayout()
{
    m_settings.setValue(kGeometryKey, saveGeometry());
    m_settings.setValue(kStateKey, saveState());
    m_settings.setValue(kSplitterKey, m_splitter->saveState());
    m_settings.setValue(kProtocolKey, m_currentProtocol);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    event->accept();
}

QWidget *MainWindow::pageFor(const QString &id)
{
    if (auto it = m_pages.find(id); it != m_pages.end())
        return it->second;
    const ExplorerProtocol *protocol = ExplorerProtocols::find(id);
    if (!protocol)
        return nullptr;
    QWidget *page = nullptr;
    if (protocol->isBuilt()) {
        auto panel = protocol->create(*m_context);
        page = panel->widget();
        m_panels.emplace(id, std::move(panel));
    } else {
        page = new NotBuiltPage(*protocol, m_stack);
    }
    m_stack->addWidget(page);
    m_pages.emplace(id, page);
    return page;
}

void MainWindow::showProtocol(const QString &id)
{
    QWidget *page = pageFor(id);
    if (!page)
        return;
    m_currentProtocol = id;
    m_navigator->selectProtocol(id);
    m_stack->setCurrentWidget(page);
    const auto it = m_panels.find(id);
    m_learn->setPage(it != m_panels.end() ? it->second->learnPage()
                                          : QStringLiteral(":/docs/protocols/%1.md").arg(id));
    if (it != m_panels.end())
        it->second->activate();
}

panels::IPanel *MainWindow::panel(const QString &id) const
{
    const auto it = m_panels.find(id);
    return it == m_panels.end() ? nullptr : it->second.get();
}

void MainWindow::showMockStatus(const mock::MockServerStatus &status)
{
    if (status.running) {
        m_mockStatus->setText(tr("Embedded mock listening on %1:%2 · %n request(s)", nullptr,
                                 static_cast<int>(status.requestCount))
                                  .arg(status.bind)
                                  .arg(status.httpPort));
    } else if (!status.error.isEmpty()) {
        m_mockStatus->setText(tr("Embedded mock not running: %1").arg(status.error));
    } else {
        m_mockStatus->setText(tr("Embedded mock stopped"));
    }
}

void MainWindow::showTarget()
{
    const Environment &environment = m_environments->current();
    m_targetStatus->setText(tr("Target: %1 — %2").arg(environment.name, environment.baseUrl));
}

} // namespace petstore::explorer
