// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/common/bodyeditor.h"

#include "panels/common/codeeditor.h"
#include "panels/common/keyvaluetable.h"

#include <nlohmann/json.hpp>

#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace petstore::panels {

namespace {

using Kind = core::RequestBodyKind;
const Kind kKinds[] = {Kind::None, Kind::Json, Kind::Form, Kind::Raw, Kind::File};

int indexOf(Kind kind)
{
    for (int i = 0; i < 5; ++i) {
        if (kKinds[i] == kind)
            return i;
    }
    return 0;
}

} // namespace

BodyEditor::BodyEditor(QWidget *parent) : QWidget(parent)
{
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("bodyKind"));
    m_kind->addItems({tr("No body"), tr("JSON"), tr("Form (urlencoded)"), tr("Raw"), tr("File")});

    m_pages = new QStackedWidget(this);
    auto *none = new QLabel(tr("This request has no body."), m_pages);
    none->setAlignment(Qt::AlignCenter);
    m_pages->addWidget(none);

    auto *jsonPage = new QWidget(m_pages);
    m_json = new CodeEditor(jsonPage);
    m_json->setObjectName(QStringLiteral("jsonBody"));
    m_json->setLanguage(CodeEditor::Language::Json);
    m_jsonStatus = new QLabel(jsonPage);
    m_jsonStatus->setObjectName(QStringLiteral("jsonBodyStatus"));
    auto *format = new QPushButton(tr("Format"), jsonPage);
    auto *jsonBar = new QHBoxLayout;
    jsonBar->addWidget(m_jsonStatus, 1);
    jsonBar->addWidget(format);
    auto *jsonLayout = new QVBoxLayout(jsonPage);
    jsonLayout->setContentsMargins(0, 0, 0, 0);
    jsonLayout->addWidget(m_json, 1);
    jsonLayout->addLayout(jsonBar);
    m_pages->addWidget(jsonPage);

    m_form = new KeyValueTable(m_pages);
    m_form->setObjectName(QStringLiteral("formBody"));
    m_pages->addWidget(m_form);

    auto *rawPage = new QWidget(m_pages);
    m_raw = new CodeEditor(rawPage);
    m_raw->setObjectName(QStringLiteral("rawBody"));
    m_rawContentType = new QLineEdit(QStringLiteral("text/plain"), rawPage);
    m_rawContentType->setObjectName(QStringLiteral("rawContentType"));
    auto *rawLayout = new QFormLayout(rawPage);
    rawLayout->setContentsMargins(0, 0, 0, 0);
    rawLayout->addRow(tr("Content-Type"), m_rawContentType);
    rawLayout->addRow(m_raw);
    m_pages->addWidget(rawPage);

    auto *filePage = new QWidget(m_pages);
    m_filePath = new QLineEdit(filePage);
    m_filePath->setObjectName(QStringLiteral("bodyFilePath"));
    auto *browse = new QPushButton(tr("Browse…"), filePage);
    m_fileContentType = new QLineEdit(QStringLiteral("application/octet-stream"), filePage);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_filePath, 1);
    fileRow->addWidget(browse);
    auto *fileLayout = new QFormLayout(filePage);
    fileLayout->addRow(tr("File"), fileRow);
    fileLayout->addRow(tr("Content-Type"), m_fileContentType);
    m_pages->addWidget(filePage);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_kind, 0, Qt::AlignLeft);
    layout->addWidget(m_pages, 1);

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this](int index) {
        showKind(index);
        Q_EMIT edited();
    });
    connect(m_json, &CodeEditor::textChanged, this, [this] {
        validateJson();
        Q_EMIT edited();
    });
    connect(format, &QPushButton::clicked, m_json, &CodeEditor::formatJson);
    connect(m_form, &KeyValueTable::rowsEdited, this, &BodyEditor::edited);
    connect(m_raw, &CodeEditor::textChanged, this, &BodyEditor::edited);
    connect(m_rawContentType, &QLineEdit::textEdited, this, &BodyEditor::edited);
    connect(m_filePath, &QLineEdit::textEdited, this, &BodyEditor::edited);
    connect(m_fileContentType, &QLineEdit::textEdited, this, &BodyEditor::edited);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Send a file as the body"));
        if (!path.isEmpty()) {
            m_filePath->setText(path);
            Q_EMIT edited();
        }
    });
    validateJson();
}

void BodyEditor::showKind(int index)
{
    m_pages->setCurrentIndex(index);
}

void BodyEditor::validateJson()
{
    const std::string text = m_json->text().toStdString();
    m_jsonProblem.clear();
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
        m_jsonStatus->setText(tr("Empty body"));
        return;
    }
    try {
        [[maybe_unused]] const auto parsed = nlohmann::json::parse(text);
        m_jsonStatus->setText(tr("✓ Valid JSON"));
    } catch (const nlohmann::json::parse_error &error) {
        // nlohmann's message reads "[json.exception.parse_error.101] parse error at line 2,
        // column 5: syntax error ..."; keep it from "line" on.
        const QString message = QString::fromStdString(error.what());
        const int at = message.indexOf(QLatin1String("line "));
        m_jsonProblem = tr("JSON: %1").arg(at >= 0 ? message.mid(at) : message);
        m_jsonStatus->setText(QStringLiteral("✗ ") + m_jsonProblem);
    }
}

QString BodyEditor::problem() const
{
    return kKinds[m_kind->currentIndex()] == Kind::Json ? m_jsonProblem : QString();
}

void BodyEditor::writeTo(core::HttpRequestSpec &spec) const
{
    spec.bodyKind = kKinds[m_kind->currentIndex()];
    spec.body.clear();
    if (spec.bodyKind == Kind::Json)
        spec.body = m_json->text().toStdString();
    else if (spec.bodyKind == Kind::Raw)
        spec.body = m_raw->text().toStdString();
    spec.form = m_form->rows();
    spec.rawContentType = m_rawContentType->text().toStdString();
    spec.filePath = m_filePath->text().toStdString();
    spec.fileContentType = m_fileContentType->text().toStdString();
}

void BodyEditor::readFrom(const core::HttpRequestSpec &spec)
{
    const QSignalBlocker blocker(this);
    m_kind->setCurrentIndex(indexOf(spec.bodyKind));
    showKind(m_kind->currentIndex());
    m_json->setText(spec.bodyKind == Kind::Json ? QString::fromStdString(spec.body) : QString());
    m_raw->setText(spec.bodyKind == Kind::Raw ? QString::fromStdString(spec.body) : QString());
    m_form->setRows(spec.form);
    m_rawContentType->setText(QString::fromStdString(spec.rawContentType));
    m_filePath->setText(QString::fromStdString(spec.filePath));
    m_fileContentType->setText(QString::fromStdString(spec.fileContentType));
    validateJson();
}

} // namespace petstore::panels
