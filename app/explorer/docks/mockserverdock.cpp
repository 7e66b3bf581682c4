// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/explorer/docks/mockserverdock.h"

#include "mock-server/mockserverhost.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace petstore::explorer {

namespace {

QString counted(int n, const QString &one, const QString &many)
{
    return QStringLiteral("%1 %2").arg(n).arg(n == 1 ? one : many);
}

} // namespace

MockServerDock::MockServerDock(mock::MockServerHost &mock, QWidget *parent)
    : QDockWidget(tr("Mock server"), parent), m_mock(mock)
{
    auto *body = new QWidget(this);
    m_startStop = new QPushButton(body);
    m_startStop->setObjectName(QStringLiteral("mockStartStop"));
    m_state = new QLabel(body);
    m_state->setObjectName(QStringLiteral("mockState"));
    m_state->setWordWrap(true);
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_freePort = new QPushButton(tr("Use a free port"), body);
    m_freePort->setObjectName(QStringLiteral("mockUseFreePort"));
    m_freePort->hide();

    // Two columns so the dock stays narrow: the state over the endpoint, wrapped; the table is
    // as tall as its rows so every protocol shows without scrolling.
    m_protocols = new QTableWidget(0, 2, body);
    m_protocols->setObjectName(QStringLiteral("mockProtocols"));
    m_protocols->setHorizontalHeaderLabels({tr("Protocol"), tr("State · endpoint")});
    m_protocols->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_protocols->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_protocols->verticalHeader()->hide();
    m_protocols->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_protocols->setWordWrap(true);
    m_protocols->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_protocols->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_protocols->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_protocols->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Maximum);
    m_protocols->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_protocols->setSelectionMode(QAbstractItemView::NoSelection);
    m_counts = new QLabel(body);
    m_counts->setObjectName(QStringLiteral("mockCounts"));

    m_auth = new QComboBox(body);
    m_auth->setObjectName(QStringLiteral("mockAuth"));
    m_auth->addItem(tr("none (open)"), QStringLiteral("none"));
    m_auth->addItem(tr("required (token or API key)"), QStringLiteral("required"));
    m_latency = new QSpinBox(body);
    m_latency->setObjectName(QStringLiteral("mockLatency"));
    m_latency->setRange(0, 60000);
    m_latency->setSuffix(tr(" ms"));
    m_latency->setKeyboardTracking(false);
    m_errorRate = new QDoubleSpinBox(body);
    m_errorRate->setObjectName(QStringLiteral("mockErrorRate"));
    m_errorRate->setRange(0, 100);
    m_errorRate->setDecimals(1);
    m_errorRate->setSuffix(tr(" %"));
    m_errorRate->setKeyboardTracking(false);
    auto *reset = new QPushButton(tr("Reset data"), body);
    reset->setObjectName(QStringLiteral("mockReset"));
    reset->setToolTip(tr("Restore the seed data: pets, users, orders and inventory"));
    m_message = new QLabel(body);
    m_message->setObjectName(QStringLiteral("mockMessage"));
    m_message->setWordWrap(true);

    auto *top = new QHBoxLayout;
    top->addWidget(m_startStop);
    top->addWidget(m_freePort);
    top->addStretch(1);
    auto *form = new QFormLayout;
    form->addRow(tr("Auth"), m_auth);
    form->addRow(tr("Latency"), m_latency);
    form->addRow(tr("Error rate"), m_errorRate);
    auto *layout = new QVBoxLayout(body);
    layout->addLayout(top);
    layout->addWidget(m_state);
    layout->addWidget(m_protocols);
    layout->addWidget(m_counts);
    layout->addLayout(form);
    layout->addWidget(reset, 0, Qt::AlignLeft);
    layout->addWidget(m_message);
    layout->addStretch(1);
    setWidget(body);

    connect(m_startStop, &QPushButton::clicked, this, [this] {
        m_message->clear();
        if (m_running)
            m_mock.stop();
        else
            m_mock.start(m_mock.config());
    });
    connect(m_freePort, &QPushButton::clicked, &m_mock, &mock::MockServerHost::startOnFreePort);
    connect(m_auth, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_showing)
            m_mock.applyRuntimeConfig({{"auth", m_auth->currentData().toString().toStdString()}});
    });
    connect(m_latency, &QSpinBox::valueChanged, this, [this](int ms) {
        if (!m_showing)
            m_mock.applyRuntimeConfig({{"latencyMs", ms}});
    });
    connect(m_errorRate, &QDoubleSpinBox::valueChanged, this, [this](double percent) {
        if (!m_showing)
            m_mock.applyRuntimeConfig({{"errorRate", percent / 100.0}});
    });
    connect(reset, &QPushButton::clicked, &m_mock, &mock::MockServerHost::resetData);
    connect(&m_mock, &mock::MockServerHost::dataReset, this,
            [this] { m_message->setText(tr("Data reset to the seed.")); });
    connect(&m_mock, &mock::MockServerHost::runtimeConfigRejected, m_message, &QLabel::setText);
    connect(&m_mock, &mock::MockServerHost::statusChanged, this, &MockServerDock::showStatus);
    showStatus(m_mock.status());
}

void MockServerDock::showStatus(const mock::MockServerStatus &status)
{
    m_showing = true;
    m_running = status.running;
    m_startStop->setText(status.running ? tr("Stop") : tr("Start"));
    m_freePort->setVisible(!status.running && status.portBusy);
    const QString base = QStringLiteral("http://%1:%2").arg(status.bind).arg(status.httpPort);
    if (status.running)
        m_state->setText(tr("Listening on %1").arg(base));
    else if (status.portBusy)
        m_state->setText(tr("Port %1 is already in use by another program. %2")
                             .arg(m_mock.config().httpPort)
                             .arg(status.error));
    else if (!status.error.isEmpty())
        m_state->setText(tr("Not running: %1").arg(status.error));
    else
        m_state->setText(tr("Stopped"));

    // One row per protocol the mock serves; later steps add theirs here.
    const QString host = QStringLiteral("%1:%2").arg(status.bind).arg(status.httpPort);
    const struct
    {
        QString name;
        QString address;
        QString state;
    } rows[] = {
        {QStringLiteral("REST"), host + QStringLiteral("/v1"), tr("running")},
        {QStringLiteral("SSE"), host + QStringLiteral("/v1/events"),
         counted(status.sseSubscribers, tr("subscriber"), tr("subscribers"))
             + (status.chatStreams > 0 ? QStringLiteral(" · ") + counted(status.chatStreams, tr("chat stream"), tr("chat streams"))
                                       : QString())},
        {QStringLiteral("WebSocket"), host + QStringLiteral("/v1/ws/…"),
         counted(status.webSocketConnections, tr("connection"), tr("connections"))},
        {QStringLiteral("MQTT"), QStringLiteral("%1:%2 · %3/mqtt").arg(status.bind).arg(status.mqttPort).arg(host),
         counted(status.mqttClients, tr("client"), tr("clients"))
             + tr(" · %1 in/s · %2 out/s").arg(status.mqttInPerSecond).arg(status.mqttOutPerSecond)},
        {QStringLiteral("gRPC"),
         status.grpcPort != 0 ? QStringLiteral("%1:%2").arg(status.bind).arg(status.grpcPort) : QStringLiteral("—"),
         status.grpcPort != 0 ? tr("%1 running · %2 in all").arg(counted(status.grpcActiveCalls, tr("call"), tr("calls")))
                                                            .arg(status.grpcCalls)
                              : tr("off")},
    };
    m_protocols->setRowCount(int(std::size(rows)));
    for (int r = 0; r < int(std::size(rows)); ++r) {
        const QString address = status.running ? rows[r].address : QStringLiteral("—");
        auto *name = new QTableWidgetItem(rows[r].name);
        name->setToolTip(address);
        m_protocols->setItem(r, 0, name);
        m_protocols->setItem(r, 1, new QTableWidgetItem((status.running ? rows[r].state : tr("stopped")) + QLatin1Char('\n') + address));
    }
    m_counts->setText(tr("%n request(s) · %1 open connection(s)", nullptr, int(status.requestCount)).arg(status.activeConnections));

    m_auth->setCurrentIndex(std::max(0, m_auth->findData(status.authMode)));
    m_latency->setValue(status.latencyMs);
    m_errorRate->setValue(status.errorRate * 100.0);
    for (QWidget *control : {static_cast<QWidget *>(m_auth), static_cast<QWidget *>(m_latency), static_cast<QWidget *>(m_errorRate)})
        control->setEnabled(status.running);
    m_showing = false;
}

} // namespace petstore::explorer
