// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QsciScintilla;

namespace petstore::panels {

// The find bar under a CodeEditor: type to search (case-insensitive), Enter / Shift+Enter for
// next and previous, "2/5" match count, Esc closes.
class CodeFindBar : public QWidget
{
    Q_OBJECT
public:
    CodeFindBar(QsciScintilla *editor, QWidget *parent = nullptr);

    void focusSearch(const QString &initial);
    bool find(bool forward);
    QString countText() const;

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void updateCount();

    QsciScintilla *m_editor = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_count = nullptr;
};

} // namespace petstore::panels
