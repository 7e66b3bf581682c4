// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/rest/responseview.h"

#include "core/http/problemdetails.h"
#include "core/requests/codesnippets.h"
#include "panels/common/codeeditor.h"
#include "panels/common/jsonview.h"
#include "panels/rest/problemcard.h"
#include "panels/rest/restresponse.h"

#include <nlohmann/json.hpp>

#include <QApplication>
#include <QButtonGroup>
#include <QClipboard>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace petstore::panels {

namespace {

enum BodyMode { Pretty, Raw, Tree };

QColor statusColour(int status)
{
    if (status >= 500)
        return QColor(0xd0, 0x3b, 0x3b);
    if (status >= 400)
        return QColor(0xd9, 0x7a, 0x1c);
    if (status >= 300)
        return QColor(0x2a, 0x6f, 0xdb);
    return QColor(0x2e, 0x9d, 0x4f);
}

QString milliseconds(double ms)
{
    return ms < 10 ? QStringLiteral("%1 ms").arg(ms, 0, 'f', 2) : QStringLiteral("%1 ms").arg(ms, 0, 'f', 1);
}

} // namespace

ResponseView::ResponseView(QWidget *parent) : QWidget(parent)
{
    m_status = new QLabel(tr("No response yet"), this);
    m_status->setObjectName(QStringLiteral("responseStatus"));
    QFont bold = m_status->font();
    bold.setBold(true);
    m_status->setFont(bold);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_timing = new QLabel(this);
    m_timing->setObjectName(QStringLiteral("responseTiming"));
    m_size = new QLabel(this);
    m_size->setObjectName(QStringLiteral("responseSize"));

    m_headers = new QTableWidget(0, 2, this);
    m_headers->setObjectName(QStringLiteral("responseHeaders"));
    m_headers->setHorizontalHeaderLabels({tr("Header"), tr("Value")});
    m_headers->horizontalHeader()->setStretchLastSection(true);
    m_headers->verticalHeader()->hide();
    m_headers->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_wire = new WireView(this);
    m_wire->setObjectName(QStringLiteral("responseWire"));

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("responseTabs"));
    m_tabs->addTab(buildBodyTab(), tr("Body"));
    m_tabs->addTab(m_headers, tr("Headers"));
    m_tabs->addTab(m_wire, tr("Wire"));
    m_tabs->addTab(buildCodeTab(), tr("Code"));

    auto *summary = new QHBoxLayout;
    summary->addWidget(m_status);
    summary->addSpacing(16);
    summary->addWidget(m_timing);
    summary->addSpacing(16);
    summary->addWidget(m_size);
    summary->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(summary);
    layout->addWidget(m_tabs, 1);
}

QWidget *ResponseView::buildBodyTab()
{
    auto *page = new QWidget(this);
    m_problem = new ProblemCard(page);
    m_problem->hide();
    m_bodyModes = new QButtonGroup(page);
    auto *modes = new QHBoxLayout;
    const QStringList labels = {tr("Pretty"), tr("Raw"), tr("Tree")};
    for (int mode = Pretty; mode <= Tree; ++mode) {
        auto *button = new QPushButton(labels[mode], page);
        button->setObjectName(QStringLiteral("bodyMode%1").arg(labels[mode]));
        button->setCheckable(true);
        button->setFlat(true);
        m_bodyModes->addButton(button, mode);
        modes->addWidget(button);
    }
    modes->addStretch(1);
    m_bodyModes->button(Pretty)->setChecked(true);
    m_pretty = new CodeEditor(page);
    m_pretty->setObjectName(QStringLiteral("responseBodyPretty"));
    m_pretty->setReadOnly(true);
    m_raw = new CodeEditor(page);
    m_raw->setObjectName(QStringLiteral("responseBodyRaw"));
    m_raw->setReadOnly(true);
    m_tree = new JsonView(page);
    m_tree->setObjectName(QStringLiteral("responseBodyTree"));
    m_bodyPages = new QStackedWidget(page);
    m_bodyPages->addWidget(m_pretty);
    m_bodyPages->addWidget(m_raw);
    m_bodyPages->addWidget(m_tree);
    connect(m_bodyModes, &QButtonGroup::idClicked, m_bodyPages, &QStackedWidget::setCurrentIndex);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_problem);
    layout->addLayout(modes);
    layout->addWidget(m_bodyPages, 1);
    return page;
}

QWidget *ResponseView::buildCodeTab()
{
    auto *page = new QWidget(this);
    m_codeLanguage = new QComboBox(page);
    m_codeLanguage->setObjectName(QStringLiteral("codeLanguage"));
    m_codeLanguage->addItems({QStringLiteral("curl"), QStringLiteral("JavaScript (fetch)"),
                              QStringLiteral("Python (requests)")});
    auto *copy = new QPushButton(tr("Copy"), page);
    m_code = new CodeEditor(page);
    m_code->setObjectName(QStringLiteral("codeSnippet"));
    m_code->setReadOnly(true);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_codeLanguage);
    bar->addStretch(1);
    bar->addWidget(copy);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_code, 1);
    connect(m_codeLanguage, &QComboBox::currentIndexChanged, this, &ResponseView::refreshCode);
    connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_code->text()); });
    return page;
}

void ResponseView::showPending(const QString &summary)
{
    m_status->setText(tr("Sending…"));
    m_status->setStyleSheet(QString());
    m_timing->setText(summary);
    m_size->clear();
}

void ResponseView::showFailure(const QString &message)
{
    m_status->setText(tr("No response"));
    m_status->setStyleSheet(QStringLiteral("color: %1").arg(statusColour(500).name()));
    m_timing->setText(message);
    m_size->clear();
    m_problem->hide();
    m_pretty->setText(message);
    m_raw->setText(QString());
    m_tree->setJson(QByteArray());
    m_headers->setRowCount(0);
    m_wire->clear();
}

void ResponseView::showResponse(const RestResponse &response)
{
    m_status->setText(QStringLiteral("%1 %2").arg(response.status).arg(response.reason));
    m_status->setStyleSheet(QStringLiteral("color: %1").arg(statusColour(response.status).name()));
    m_timing->setText(tr("Time %1 (first byte %2)").arg(milliseconds(response.totalMs), milliseconds(response.ttfbMs)));
    const QLocale locale;
    m_size->setText(tr("Size %1 (body %2)")
                        .arg(locale.formattedDataSize(response.bytesReceived, 1, QLocale::DataSizeTraditionalFormat),
                             locale.formattedDataSize(response.body.size(), 1, QLocale::DataSizeTraditionalFormat)));
    showBody(response);
    showHeaders(response);
}

void ResponseView::showBody(const RestResponse &response)
{
    const auto json = nlohmann::json::parse(response.body.toStdString(), nullptr, false);
    const bool isJson = !json.is_discarded() && !response.body.trimmed().isEmpty();
    m_raw->setLanguage(CodeEditor::Language::Plain);
    m_raw->setText(QString::fromUtf8(response.body));
    if (isJson) {
        m_pretty->setLanguage(CodeEditor::Language::Json);
        m_pretty->setText(QString::fromStdString(json.dump(2)));
        m_tree->setJson(response.body);
    } else {
        m_pretty->setLanguage(CodeEditor::Language::Plain);
        m_pretty->setText(response.body.isEmpty() ? tr("(empty body)") : QString::fromUtf8(response.body));
        m_tree->setJson(QByteArray());
    }
    m_bodyModes->button(Tree)->setEnabled(isJson);
    if (!isJson && m_bodyPages->currentIndex() == Tree) {
        m_bodyModes->button(Pretty)->setChecked(true);
        m_bodyPages->setCurrentIndex(Pretty);
    }
    const auto problem = response.isProblemJson() && isJson
                             ? core::ProblemDetails::fromJson(json, response.status)
                             : core::Result<core::ProblemDetails>(core::Error::make(core::ErrorKind::BadRequest, {}));
    if (problem.ok())
        m_problem->showProblem(*problem);
    m_problem->setVisible(problem.ok());
}

void ResponseView::showHeaders(const RestResponse &response)
{
    m_headers->setRowCount(0);
    for (const auto &[name, value] : response.headers) {
        const int row = m_headers->rowCount();
        m_headers->insertRow(row);
        m_headers->setItem(row, 0, new QTableWidgetItem(QString::fromLatin1(name)));
        m_headers->setItem(row, 1, new QTableWidgetItem(QString::fromUtf8(value)));
    }
    m_headers->resizeColumnToContents(0);
    m_tabs->setTabText(1, tr("Headers (%1)").arg(response.headers.size()));
}

void ResponseView::showWire(const QByteArray &request, const QByteArray &response, WireView::Origin origin)
{
    m_wire->setExchange(request, response, origin);
}

void ResponseView::showCode(const core::ResolvedRequest &request)
{
    m_codeRequest = request;
    refreshCode();
}

void ResponseView::refreshCode()
{
    std::string code;
    switch (m_codeLanguage->currentIndex()) {
    case 1: code = core::CodeSnippets::fetch(m_codeRequest); break;
    case 2: code = core::CodeSnippets::pythonRequests(m_codeRequest); break;
    default: code = core::CodeSnippets::curl(m_codeRequest); break;
    }
    m_code->setText(QString::fromStdString(code));
}

} // namespace petstore::panels
