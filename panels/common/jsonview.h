// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QTabWidget;
class QTreeView;

namespace petstore::panels {

class CodeEditor;
class JsonTreeModel;

// A JSON document as a tree (Key / Value / Type, copy path, copy value) and as pretty-printed
// raw text. Invalid JSON shows the raw text with a note.
class JsonView : public QWidget
{
    Q_OBJECT
public:
    explicit JsonView(QWidget *parent = nullptr);

    void setJson(const QByteArray &text);
    // Copies the selected node's RFC 9535 normalized path ($['items'][0]) to the clipboard.
    void copyPath();
    void copyValue();
    QTreeView *tree() const { return m_tree; }
    JsonTreeModel *model() const { return m_model; }

private:
    QTabWidget *m_tabs = nullptr;
    QTreeView *m_tree = nullptr;
    JsonTreeModel *m_model = nullptr;
    CodeEditor *m_raw = nullptr;
    QLabel *m_note = nullptr;
};

} // namespace petstore::panels
