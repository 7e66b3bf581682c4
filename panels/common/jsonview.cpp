// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/common/jsonview.h"

#include "panels/common/codeeditor.h"
#include "panels/common/jsontreemodel.h"

#include <nlohmann/json.hpp>

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QLabel>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace petstore::panels {

JsonView::JsonView(QWidget *parent) : QWidget(parent)
{
    m_model = new JsonTreeModel(this);
    m_tree = new QTreeView(this);
    m_tree->setObjectName(QStringLiteral("jsonTree"));
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->resizeSection(JsonTreeModel::KeyColumn, 220);
    m_tree->header()->resizeSection(JsonTreeModel::ValueColumn, 360);
    m_tree->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *copyPath = new QAction(tr("Copy path"), m_tree);
    copyPath->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    copyPath->setShortcutContext(Qt::WidgetShortcut);
    auto *copyValue = new QAction(tr("Copy value"), m_tree);
    copyValue->setShortcut(QKeySequence::Copy);
    copyValue->setShortcutContext(Qt::WidgetShortcut);
    m_tree->addAction(copyPath);
    m_tree->addAction(copyValue);
    connect(copyPath, &QAction::triggered, this, &JsonView::copyPath);
    connect(copyValue, &QAction::triggered, this, &JsonView::copyValue);

    m_raw = new CodeEditor(this);
    m_raw->setObjectName(QStringLiteral("jsonRaw"));
    m_raw->setReadOnly(true);
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("jsonNote"));
    m_note->hide();
    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_tree, tr("Tree"));
    m_tabs->addTab(m_raw, tr("Raw"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_note);
    layout->addWidget(m_tabs, 1);
}

void JsonView::setJson(const QByteArray &text)
{
    auto document = nlohmann::json::parse(text.toStdString(), nullptr, false);
    const bool valid = !document.is_discarded();
    m_note->setVisible(!valid && !text.isEmpty());
    m_note->setText(tr("Not valid JSON: showing the text as received."));
    m_tabs->setTabEnabled(0, valid);
    if (valid) {
        m_raw->setLanguage(CodeEditor::Language::Json);
        m_raw->setText(QString::fromStdString(document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace)));
        m_model->setDocument(std::move(document));
        m_tree->expandToDepth(0);
    } else {
        m_raw->setLanguage(CodeEditor::Language::Plain);
        m_raw->setText(QString::fromUtf8(text));
        m_model->setDocument(nullptr);
        m_tabs->setCurrentIndex(1);
    }
}

void JsonView::copyPath()
{
    if (m_tree->currentIndex().isValid())
        QApplication::clipboard()->setText(m_model->pathOf(m_tree->currentIndex()));
}

void JsonView::copyValue()
{
    if (m_tree->currentIndex().isValid())
        QApplication::clipboard()->setText(m_model->valueOf(m_tree->currentIndex()));
}

} // namespace petstore::panels
