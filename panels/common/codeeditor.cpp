// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/common/codeeditor.h"

#include "panels/common/codefindbar.h"
#include "panels/common/graphqllexer.h"

#include <nlohmann/json.hpp>

#include <Qsci/qscilexerjson.h>
#include <Qsci/qsciscintilla.h>

#include <QEvent>
#include <QFontDatabase>
#include <QShortcut>
#include <QVBoxLayout>

namespace petstore::panels {

namespace {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

// One colour per role, chosen to read well on white and on near-black.
struct Scheme
{
    QColor keyword, string, number, property, comment, punctuation, error;
};

Scheme schemeFor(bool dark)
{
    if (dark)
        return {QColor(0xc6, 0x78, 0xdd), QColor(0x98, 0xc3, 0x79), QColor(0xd1, 0x9a, 0x66),
                QColor(0x61, 0xaf, 0xef), QColor(0x7f, 0x84, 0x8e), QColor(0xab, 0xb2, 0xbf), QColor(0xe0, 0x6c, 0x75)};
    return {QColor(0x7a, 0x1f, 0xa2), QColor(0x1a, 0x7f, 0x37), QColor(0xb3, 0x5c, 0x00),
            QColor(0x0b, 0x57, 0xd0), QColor(0x6e, 0x77, 0x81), QColor(0x40, 0x40, 0x40), QColor(0xc6, 0x28, 0x28)};
}

} // namespace

CodeEditor::CodeEditor(QWidget *parent) : QWidget(parent)
{
    m_editor = new QsciScintilla(this);
    m_editor->setUtf8(true);
    m_editor->setMarginType(0, QsciScintilla::NumberMargin);
    m_editor->setMarginLineNumbers(0, true);
    m_editor->setFolding(QsciScintilla::BoxedTreeFoldStyle, 2);
    m_editor->setBraceMatching(QsciScintilla::SloppyBraceMatch);
    m_editor->setAutoIndent(true);
    m_editor->setIndentationsUseTabs(false);
    m_editor->setTabWidth(2);
    m_editor->setWrapMode(QsciScintilla::WrapNone);
    m_editor->SendScintilla(QsciScintilla::SCI_SETHSCROLLBAR, 1);
    m_findBar = new CodeFindBar(m_editor, this);
    m_findBar->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_findBar);

    auto *find = new QShortcut(QKeySequence::Find, this);
    find->setContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, this, &CodeEditor::showFindBar);
    connect(m_editor, &QsciScintilla::textChanged, this, [this] {
        updateMarginWidth();
        Q_EMIT textChanged();
    });
    setFocusProxy(m_editor);
    applyColours();
    updateMarginWidth();
}

void CodeEditor::setLanguage(Language language)
{
    if (language == m_language && (m_lexer || language == Language::Plain))
        return;
    m_language = language;
    QsciLexer *old = m_lexer;
    m_lexer = nullptr;
    if (language == Language::Json)
        m_lexer = new QsciLexerJSON(m_editor);
    else if (language == Language::GraphQL)
        m_lexer = new GraphQLLexer(m_editor);
    m_editor->setLexer(m_lexer);
    delete old;
    applyColours();
}

void CodeEditor::setText(const QString &text)
{
    m_editor->setText(text);
}

QString CodeEditor::text() const
{
    return m_editor->text();
}

void CodeEditor::setReadOnly(bool readOnly)
{
    m_editor->setReadOnly(readOnly);
}

bool CodeEditor::isReadOnly() const
{
    return m_editor->isReadOnly();
}

void CodeEditor::formatJson()
{
    const auto json = nlohmann::json::parse(m_editor->text().toStdString(), nullptr, false);
    if (!json.is_discarded())
        m_editor->setText(QString::fromStdString(json.dump(2)));
}

void CodeEditor::showFindBar()
{
    m_findBar->show();
    m_findBar->focusSearch(m_editor->selectedText());
}

void CodeEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyColours();
    QWidget::changeEvent(event);
}

void CodeEditor::updateMarginWidth()
{
    m_editor->setMarginWidth(0, QStringLiteral("0%1").arg(m_editor->lines()));
}

void CodeEditor::applyColours()
{
    const QPalette pal = palette();
    const bool dark = isDark(pal);
    const Scheme scheme = schemeFor(dark);
    const QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    const QColor paper = pal.color(QPalette::Base);
    const QColor ink = pal.color(QPalette::Text);
    m_editor->setFont(font);
    m_editor->setPaper(paper);
    m_editor->setColor(ink);
    m_editor->setCaretForegroundColor(ink);
    m_editor->setSelectionBackgroundColor(pal.color(QPalette::Highlight));
    m_editor->setSelectionForegroundColor(pal.color(QPalette::HighlightedText));
    m_editor->setMarginsBackgroundColor(pal.color(QPalette::Window));
    m_editor->setMarginsForegroundColor(pal.color(QPalette::PlaceholderText));
    m_editor->setMarginsFont(font);
    m_editor->setFoldMarginColors(pal.color(QPalette::Window), pal.color(QPalette::Window));
    m_editor->setMatchedBraceBackgroundColor(dark ? QColor(0x3e, 0x44, 0x51) : QColor(0xd7, 0xe7, 0xff));
    m_editor->setMatchedBraceForegroundColor(ink);
    if (!m_lexer)
        return;
    m_lexer->setDefaultPaper(paper);
    m_lexer->setDefaultColor(ink);
    m_lexer->setDefaultFont(font);
    for (int style = 0; style < 32; ++style) {
        m_lexer->setPaper(paper, style);
        m_lexer->setColor(ink, style);
        m_lexer->setFont(font, style);
    }
    if (m_language == Language::Json) {
        m_lexer->setColor(scheme.number, QsciLexerJSON::Number);
        m_lexer->setColor(scheme.string, QsciLexerJSON::String);
        m_lexer->setColor(scheme.error, QsciLexerJSON::UnclosedString);
        m_lexer->setColor(scheme.property, QsciLexerJSON::Property);
        m_lexer->setColor(scheme.keyword, QsciLexerJSON::EscapeSequence);
        m_lexer->setColor(scheme.comment, QsciLexerJSON::CommentLine);
        m_lexer->setColor(scheme.comment, QsciLexerJSON::CommentBlock);
        m_lexer->setColor(scheme.punctuation, QsciLexerJSON::Operator);
        m_lexer->setColor(scheme.keyword, QsciLexerJSON::Keyword);
        m_lexer->setColor(scheme.error, QsciLexerJSON::Error);
    } else if (m_language == Language::GraphQL) {
        m_lexer->setColor(scheme.keyword, GraphQLLexer::Keyword);
        m_lexer->setColor(scheme.string, GraphQLLexer::String);
        m_lexer->setColor(scheme.number, GraphQLLexer::Number);
        m_lexer->setColor(scheme.comment, GraphQLLexer::Comment);
        m_lexer->setColor(scheme.punctuation, GraphQLLexer::Punctuation);
        m_lexer->setColor(scheme.property, GraphQLLexer::Variable);
        m_lexer->setColor(scheme.number, GraphQLLexer::Directive);
    }
    m_editor->recolor();
}

} // namespace petstore::panels
