// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QsciLexer;
class QsciScintilla;

namespace petstore::panels {

class CodeFindBar;

// The code editor every panel uses (DESIGN §2: QScintilla): JSON, GraphQL or plain text with line
// numbers, folding, brace matching, a find bar (Ctrl+F) and a read-only mode. Colours follow the
// application palette, light or dark.
class CodeEditor : public QWidget
{
    Q_OBJECT
public:
    enum class Language { Plain, Json, GraphQL };

    explicit CodeEditor(QWidget *parent = nullptr);

    void setLanguage(Language language);
    Language language() const { return m_language; }
    void setText(const QString &text);
    QString text() const;
    void setReadOnly(bool readOnly);
    bool isReadOnly() const;
    // Pretty-prints the text when it is valid JSON; leaves it alone otherwise.
    void formatJson();
    void showFindBar();
    QsciScintilla *scintilla() const { return m_editor; }

Q_SIGNALS:
    void textChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyColours();
    void updateMarginWidth();

    QsciScintilla *m_editor = nullptr;
    CodeFindBar *m_findBar = nullptr;
    QsciLexer *m_lexer = nullptr;
    Language m_language = Language::Plain;
};

} // namespace petstore::panels
