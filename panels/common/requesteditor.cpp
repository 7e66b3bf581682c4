// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/common/requesteditor.h"

#include "core/requests/urlquery.h"
#include "panels/common/keyvaluetable.h"
#include "panels/common/autheditor.h"
#include "panels/common/bodyeditor.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QTabWidget>
#include <QVBoxLayout>

namespace petstore::panels {

RequestEditor::RequestEditor(QWidget *parent) : QWidget(parent)
{
    m_method = new QComboBox(this);
    m_method->setObjectName(QStringLiteral("methodCombo"));
    m_method->setAccessibleName(tr("Method"));
    m_method->setEditable(true);
    m_method->setInsertPolicy(QComboBox::NoInsert);
    m_method->addItems({QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"),
                        QStringLiteral("PATCH"), QStringLiteral("DELETE"), QStringLiteral("HEAD"),
                        QStringLiteral("OPTIONS"), QStringLiteral("QUERY")});
    // A method is an RFC 9110 §9.1 token: custom ones (PURGE, LINK) are allowed, spaces are not.
    m_method->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,32}")), m_method));
    m_method->setMinimumContentsLength(7);

    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("urlEdit"));
    m_url->setAccessibleName(tr("URL"));
    m_url->setPlaceholderText(tr("{{baseUrl}}/pets  —  Ctrl+Enter sends, Ctrl+L comes back here"));
    m_url->setClearButtonEnabled(true);

    m_idleLabel = tr("Send");
    m_busyLabel = tr("Cancel");
    m_send = new QPushButton(m_idleLabel, this);
    m_send->setObjectName(QStringLiteral("sendButton"));
    m_send->setDefault(true);
    m_send->setToolTip(tr("Send the request (Ctrl+Enter)"));

    m_params = new KeyValueTable(this);
    m_params->setObjectName(QStringLiteral("paramsTable"));
    m_headers = new KeyValueTable(this);
    m_headers->setObjectName(QStringLiteral("headersTable"));
    m_body = new BodyEditor(this);
    m_auth = new AuthEditor(this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("requestTabs"));
    // The auth and body pages are tall; let the splitter give the response the room instead.
    m_tabs->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Ignored);
    m_tabs->addTab(m_params, tr("Params"));
    m_tabs->addTab(m_headers, tr("Headers"));
    m_tabs->addTab(m_body, tr("Body"));
    m_tabs->addTab(m_auth, tr("Auth"));

    auto *line = new QHBoxLayout;
    line->addWidget(m_method);
    line->addWidget(m_url, 1);
    line->addWidget(m_send);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(line);
    layout->addWidget(m_tabs, 1);

    connect(m_send, &QPushButton::clicked, this,
            [this] { m_busy ? Q_EMIT cancelRequested() : Q_EMIT sendRequested(); });
    connect(m_url, &QLineEdit::returnPressed, this, &RequestEditor::sendRequested);
    connect(m_url, &QLineEdit::textEdited, this, [this] {
        syncParamsFromUrl();
        Q_EMIT edited();
    });
    connect(m_params, &KeyValueTable::rowsEdited, this, [this] {
        syncUrlFromParams();
        Q_EMIT edited();
    });
    connect(m_method, &QComboBox::currentTextChanged, this, &RequestEditor::edited);
    connect(m_headers, &KeyValueTable::rowsEdited, this, &RequestEditor::edited);
    connect(m_body, &BodyEditor::edited, this, &RequestEditor::edited);
    connect(m_auth, &AuthEditor::edited, this, &RequestEditor::edited);
}

void RequestEditor::syncParamsFromUrl()
{
    if (m_syncing)
        return;
    m_syncing = true;
    // Disabled rows are not in the URL; keep them in the table while the URL is edited.
    auto rows = core::UrlQuery::rows(m_url->text().toStdString());
    for (const auto &row : m_params->rows()) {
        if (!row.enabled)
            rows.push_back(row);
    }
    m_params->setRows(rows);
    m_syncing = false;
}

void RequestEditor::syncUrlFromParams()
{
    if (m_syncing)
        return;
    m_syncing = true;
    m_url->setText(QString::fromStdString(core::UrlQuery::withRows(m_url->text().toStdString(), m_params->rows())));
    m_syncing = false;
}

core::HttpRequestSpec RequestEditor::spec() const
{
    core::HttpRequestSpec spec;
    spec.name = m_name;
    spec.method = m_method->currentText().trimmed().toUpper().toStdString();
    spec.url = m_url->text().trimmed().toStdString();
    spec.headers = m_headers->rows();
    m_body->writeTo(spec);
    m_auth->writeTo(spec);
    return spec;
}

void RequestEditor::setSpec(const core::HttpRequestSpec &spec)
{
    m_name = spec.name;
    m_method->setCurrentText(QString::fromStdString(spec.method));
    m_url->setText(QString::fromStdString(spec.url));
    syncParamsFromUrl();
    m_headers->setRows(spec.headers);
    m_body->readFrom(spec);
    m_auth->readFrom(spec);
}

QString RequestEditor::problem() const
{
    if (m_url->text().trimmed().isEmpty())
        return tr("Type a URL first, e.g. {{baseUrl}}/pets");
    if (m_method->currentText().trimmed().isEmpty())
        return tr("Choose or type a method");
    return m_body->problem();
}

void RequestEditor::focusUrl()
{
    m_url->setFocus(Qt::ShortcutFocusReason);
    m_url->selectAll();
}

void RequestEditor::setBusy(bool busy)
{
    m_busy = busy;
    m_send->setText(busy ? m_busyLabel : m_idleLabel);
}

void RequestEditor::setActionLabels(const QString &idle, const QString &busy, const QString &toolTip)
{
    m_idleLabel = idle;
    m_busyLabel = busy;
    m_send->setToolTip(toolTip);
    m_send->setText(m_busy ? m_busyLabel : m_idleLabel);
}

} // namespace petstore::panels
