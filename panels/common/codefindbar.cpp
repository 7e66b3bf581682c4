// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/common/codefindbar.h"

#include <Qsci/qsciscintilla.h>

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

namespace petstore::panels {

CodeFindBar::CodeFindBar(QsciScintilla *editor, QWidget *parent) : QWidget(parent), m_editor(editor)
{
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("findText"));
    m_search->setPlaceholderText(tr("Find"));
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("findCount"));
    auto *previous = new QToolButton(this);
    previous->setText(QStringLiteral("↑"));
    previous->setToolTip(tr("Previous match (Shift+Enter)"));
    auto *next = new QToolButton(this);
    next->setText(QStringLiteral("↓"));
    next->setToolTip(tr("Next match (Enter)"));
    auto *close = new QToolButton(this);
    close->setText(QStringLiteral("✕"));
    close->setToolTip(tr("Close (Esc)"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(m_search, 1);
    layout->addWidget(m_count);
    layout->addWidget(previous);
    layout->addWidget(next);
    layout->addWidget(close);
    connect(m_search, &QLineEdit::textEdited, this, [this] {
        m_editor->setCursorPosition(0, 0);
        find(true);
    });
    connect(next, &QToolButton::clicked, this, [this] { find(true); });
    connect(previous, &QToolButton::clicked, this, [this] { find(false); });
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
}

void CodeFindBar::focusSearch(const QString &initial)
{
    if (!initial.isEmpty() && !initial.contains(QLatin1Char('\n')))
        m_search->setText(initial);
    m_search->setFocus();
    m_search->selectAll();
    updateCount();
}

bool CodeFindBar::find(bool forward)
{
    const QString needle = m_search->text();
    bool found = false;
    if (!needle.isEmpty()) {
        if (!forward) {
            // findFirst searches backwards from the cursor, which sits after the current match.
            int line = 0, index = 0;
            m_editor->getCursorPosition(&line, &index);
            const int position = int(m_editor->positionFromLineIndex(line, index)) - int(m_editor->selectedText().toUtf8().size());
            m_editor->lineIndexFromPosition(std::max(0, position), &line, &index);
            found = m_editor->findFirst(needle, false, false, false, true, false, line, index);
        } else {
            found = m_editor->findFirst(needle, false, false, false, true, true);
        }
    }
    updateCount();
    return found;
}

QString CodeFindBar::countText() const
{
    return m_count->text();
}

void CodeFindBar::updateCount()
{
    const QString needle = m_search->text();
    if (needle.isEmpty()) {
        m_count->clear();
        return;
    }
    const QString text = m_editor->text();
    const int total = text.count(needle, Qt::CaseInsensitive);
    int line = 0, index = 0;
    m_editor->getCursorPosition(&line, &index);
    const QString before = QString::fromUtf8(text.toUtf8().left(m_editor->positionFromLineIndex(line, index)));
    const int current = m_editor->hasSelectedText() ? before.count(needle, Qt::CaseInsensitive) : 0;
    m_count->setText(total == 0 ? tr("no matches") : QStringLiteral("%1/%2").arg(current).arg(total));
}

void CodeFindBar::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        hide();
        m_editor->setFocus();
    } else if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        find(!(event->modifiers() & Qt::ShiftModifier));
    } else {
        QWidget::keyPressEvent(event);
    }
}

} // namespace petstore::panels
