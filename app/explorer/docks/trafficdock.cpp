// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/explorer/docks/trafficdock.h"

#include "app/explorer/docks/trafficdetailview.h"
#include "app/explorer/docks/trafficfilterproxy.h"
#include "app/explorer/docks/traffictablemodel.h"
#include "core/traffic/harexport.h"
#include "mock-server/mockserverhost.h"

#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace petstore::explorer {

namespace {

core::Status writeFile(const QString &path, const std::string &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes.data(), qint64(bytes.size())) != qint64(bytes.size()))
        return core::Error::make(core::ErrorKind::Internal, "cannot write " + path.toStdString() + ": " + file.errorString().toStdString());
    return core::Done{};
}

} // namespace

TrafficDock::TrafficDock(mock::MockServerHost &mock, QWidget *parent) : QDockWidget(tr("Traffic"), parent)
{
    m_model = new TrafficTableModel(this);
    m_proxy = new TrafficFilterProxy(this);
    m_proxy->setSourceModel(m_model);

    auto *body = new QWidget(this);
    m_protocol = new QComboBox(body);
    m_protocol->setObjectName(QStringLiteral("trafficProtocol"));
    m_protocol->addItem(tr("All protocols"), QString());
    m_protocol->addItem(QStringLiteral("HTTP"), QStringLiteral("http"));
    m_filter = new QLineEdit(body);
    m_filter->setObjectName(QStringLiteral("trafficFilter"));
    m_filter->setPlaceholderText(tr("Filter: path, client, request id, status"));
    m_filter->setClearButtonEnabled(true);
    m_pause = new QPushButton(tr("Pause"), body);
    m_pause->setObjectName(QStringLiteral("trafficPause"));
    m_pause->setCheckable(true);
    auto *clear = new QPushButton(tr("Clear"), body);
    clear->setObjectName(QStringLiteral("trafficClear"));
    auto *har = new QPushButton(tr("Export HAR…"), body);
    auto *lines = new QPushButton(tr("Export JSON lines…"), body);
    m_status = new QLabel(body);
    m_status->setObjectName(QStringLiteral("trafficStatus"));

    m_table = new QTableView(body);
    m_table->setObjectName(QStringLiteral("trafficTable"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->setWordWrap(false);
    // Fixed widths from the font, not ResizeToContents: measuring 100,000 rows on every batch
    // would stall the GUI thread while a load test runs.
    const QFontMetrics metrics = m_table->fontMetrics();
    const auto width = [&metrics](const char *sample) { return metrics.horizontalAdvance(QLatin1String(sample)) + 16; };
    QHeaderView *header = m_table->horizontalHeader();
    header->resizeSection(TrafficTableModel::TimeColumn, width("00:00:00.000"));
    header->resizeSection(TrafficTableModel::ProtocolColumn, width("Protocol"));
    header->resizeSection(TrafficTableModel::ClientColumn, width("127.0.0.1:65535"));
    header->resizeSection(TrafficTableModel::StatusColumn, width("Status"));
    header->resizeSection(TrafficTableModel::BytesColumn, width("Bytes in/out"));
    header->resizeSection(TrafficTableModel::DurationColumn, width("Duration"));
    header->setSectionResizeMode(TrafficTableModel::SummaryColumn, QHeaderView::Stretch);
    m_detail = new TrafficDetailView(body);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_protocol);
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_pause);
    bar->addWidget(clear);
    bar->addWidget(har);
    bar->addWidget(lines);
    auto *split = new QSplitter(Qt::Horizontal, body);
    split->addWidget(m_table);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({760, 500});
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addLayout(bar);
    layout->addWidget(split, 1);
    layout->addWidget(m_status);
    setWidget(body);

    connect(&mock, &mock::MockServerHost::trafficBatch, this, &TrafficDock::receive);
    connect(m_protocol, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setProtocol(m_protocol->currentData().toString()); });
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &TrafficFilterProxy::setText);
    connect(m_pause, &QPushButton::toggled, this, &TrafficDock::setPaused);
    connect(clear, &QPushButton::clicked, this, [this] {
        m_model->clear();
        m_held.clear();
        m_detail->clearRecord();
        updateStatus();
    });
    connect(har, &QPushButton::clicked, this, [this] { exportWithDialog(true); });
    connect(lines, &QPushButton::clicked, this, [this] { exportWithDialog(false); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        if (current.isValid())
            m_detail->showRecord(m_model->record(m_proxy->mapToSource(current).row()));
    });
    updateStatus();
}

void TrafficDock::receive(const QVector<core::TrafficRecord> &records)
{
    if (m_paused) {
        m_held += records;
        updateStatus();
        return;
    }
    QScrollBar *scroll = m_table->verticalScrollBar();
    const bool atBottom = scroll->value() >= scroll->maximum() - 2;
    m_model->append(records);
    for (const auto &record : records) {
        const QString protocol = QString::fromStdString(record.protocol);
        if (m_protocol->findData(protocol) < 0)
            m_protocol->addItem(protocol.toUpper(), protocol);
    }
    if (atBottom)
        m_table->scrollToBottom();
    // Until a person picks one, the detail view follows the newest exchange.
    if (!m_table->currentIndex().isValid() && m_model->rowCount() > 0)
        m_detail->showRecord(m_model->record(m_model->rowCount() - 1));
    updateStatus();
}

void TrafficDock::setPaused(bool paused)
{
    m_paused = paused;
    m_pause->setChecked(paused);
    m_pause->setText(paused ? tr("Resume") : tr("Pause"));
    if (!paused && !m_held.isEmpty()) {
        QVector<core::TrafficRecord> held;
        held.swap(m_held);
        receive(held);
    }
    updateStatus();
}

void TrafficDock::updateStatus()
{
    QString text = tr("%n exchange(s)", nullptr, m_model->rowCount());
    if (m_model->droppedCount() > 0)
        text += tr(" · %1 older exchanges dropped (the dock keeps the latest %2)")
                    .arg(m_model->droppedCount())
                    .arg(TrafficTableModel::DefaultCapacity);
    if (m_paused)
        text += tr(" · Paused — %n new", nullptr, m_held.size());
    m_status->setText(text);
}

core::Status TrafficDock::exportHar(const QString &path) const
{
    const auto document = core::HarExport::document(m_model->records(), PETSTORE_VERSION);
    return writeFile(path, document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
}

core::Status TrafficDock::exportJsonLines(const QString &path) const
{
    return writeFile(path, core::HarExport::jsonLines(m_model->records()));
}

void TrafficDock::exportWithDialog(bool har)
{
    const QString path = QFileDialog::getSaveFileName(this, har ? tr("Export HAR") : tr("Export JSON lines"),
                                                      har ? QStringLiteral("traffic.har") : QStringLiteral("traffic.jsonl"));
    if (path.isEmpty())
        return;
    const auto written = har ? exportHar(path) : exportJsonLines(path);
    m_status->setText(written.ok() ? tr("Exported to %1").arg(path) : QString::fromStdString(written.error().message));
}

} // namespace petstore::explorer
