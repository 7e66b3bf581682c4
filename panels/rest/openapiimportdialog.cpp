// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/rest/openapiimportdialog.h"

#include "panels/common/panelcontext.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QGridLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace petstore::panels {

OpenApiImportDialog::OpenApiImportDialog(PanelContext &context, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("New collection from OpenAPI"));
    const quint16 port = context.embeddedHttpPort();
    m_embeddedUrl = QStringLiteral("http://127.0.0.1:%1/v1/openapi.json").arg(port);
    m_embedded = new QRadioButton(port ? tr("The embedded mock's document (%1)").arg(m_embeddedUrl)
                                       : tr("The embedded mock's document — the mock is not running"),
                                  this);
    m_embedded->setObjectName(QStringLiteral("importEmbedded"));
    m_embedded->setEnabled(port != 0);
    m_file = new QRadioButton(tr("A file (JSON or YAML)"), this);
    m_filePath = new QLineEdit(this);
    auto *browse = new QPushButton(tr("Browse…"), this);
    m_url = new QRadioButton(tr("A URL"), this);
    m_urlText = new QLineEdit(QStringLiteral("https://"), this);
    (port ? m_embedded : m_url)->setChecked(true);

    auto *grid = new QGridLayout;
    grid->addWidget(m_embedded, 0, 0, 1, 3);
    grid->addWidget(m_file, 1, 0);
    grid->addWidget(m_filePath, 1, 1);
    grid->addWidget(browse, 1, 2);
    grid->addWidget(m_url, 2, 0);
    grid->addWidget(m_urlText, 2, 1, 1, 2);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Import"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(grid);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("OpenAPI document"), QString(),
                                                          tr("OpenAPI (*.json *.yaml *.yml);;All files (*)"));
        if (!path.isEmpty()) {
            m_filePath->setText(path);
            m_file->setChecked(true);
        }
    });
    connect(m_filePath, &QLineEdit::textEdited, m_file, [this] { m_file->setChecked(true); });
    connect(m_urlText, &QLineEdit::textEdited, m_url, [this] { m_url->setChecked(true); });
}

QString OpenApiImportDialog::source() const
{
    if (m_embedded->isChecked())
        return m_embeddedUrl;
    if (m_file->isChecked())
        return m_filePath->text().trimmed();
    return m_urlText->text().trimmed();
}

} // namespace petstore::panels
