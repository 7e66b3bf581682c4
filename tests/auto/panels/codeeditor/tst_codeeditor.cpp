// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/common/codeeditor.h"
#include "panels/common/codefindbar.h"
#include "panels/common/graphqllexer.h"

#include <Qsci/qsciscintilla.h>

#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

using petstore::panels::CodeEditor;

class TestCodeEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void typingChangesTheTextAndSignals()
    {
        CodeEditor editor;
        editor.show();
        QSignalSpy changed(&editor, &CodeEditor::textChanged);
        QTest::keyClicks(editor.scintilla(), QStringLiteral("{\"a\":1}"));
        QCOMPARE(editor.text(), QStringLiteral("{\"a\":1}"));
        QVERIFY(changed.size() >= 1);
    }

    void readOnlyIgnoresTyping()
    {
        CodeEditor editor;
        editor.setText(QStringLiteral("fixed"));
        editor.setReadOnly(true);
        editor.show();
        QTest::keyClicks(editor.scintilla(), QStringLiteral("xyz"));
        QCOMPARE(editor.text(), QStringLiteral("fixed"));
    }

    void formatsValidJsonOnly()
    {
        CodeEditor editor;
        editor.setLanguage(CodeEditor::Language::Json);
        editor.setText(QStringLiteral("{\"a\":[1,2]}"));
        editor.formatJson();
        QCOMPARE(editor.text(), QStringLiteral("{\n  \"a\": [\n    1,\n    2\n  ]\n}"));
        editor.setText(QStringLiteral("{broken"));
        editor.formatJson();
        QCOMPARE(editor.text(), QStringLiteral("{broken"));
    }

    void ctrlFFindsAndCountsMatches()
    {
        CodeEditor editor;
        editor.setText(QStringLiteral("pet\nPet\nrepeat pet"));
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        editor.scintilla()->setFocus();
        QTest::keyClick(editor.scintilla(), Qt::Key_F, Qt::ControlModifier);
        auto *search = editor.findChild<QLineEdit *>(QStringLiteral("findText"));
        QVERIFY(search && search->isVisible());
        QTest::keyClicks(search, QStringLiteral("pet"));
        auto *count = editor.findChild<QLabel *>(QStringLiteral("findCount"));
        QCOMPARE(count->text(), QStringLiteral("1/3"));
        QTest::keyClick(search, Qt::Key_Return);
        QCOMPARE(count->text(), QStringLiteral("2/3"));
        QCOMPARE(editor.scintilla()->selectedText(), QStringLiteral("Pet"));
        QTest::keyClick(search, Qt::Key_Escape);
        QVERIFY(!search->isVisible());
    }

    void graphqlLexerStylesKeywordsVariablesAndFoldsBraces()
    {
        CodeEditor editor;
        editor.setLanguage(CodeEditor::Language::GraphQL);
        editor.setText(QStringLiteral("query Pet($id: ID!) {\n  pet(id: $id) { name }\n}\n"));
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        QsciScintilla *sci = editor.scintilla();
        const auto styleAt = [sci](int position) { return int(sci->SendScintilla(QsciScintilla::SCI_GETSTYLEAT, position)); };
        QTRY_COMPARE(styleAt(0), int(petstore::panels::GraphQLLexer::Keyword));
        QCOMPARE(styleAt(10), int(petstore::panels::GraphQLLexer::Variable));
        QCOMPARE(styleAt(6), int(petstore::panels::GraphQLLexer::Default));
        const int level0 = int(sci->SendScintilla(QsciScintilla::SCI_GETFOLDLEVEL, 0));
        QVERIFY(level0 & QsciScintilla::SC_FOLDLEVELHEADERFLAG);
        const int level1 = int(sci->SendScintilla(QsciScintilla::SCI_GETFOLDLEVEL, 1));
        QCOMPARE(level1 & QsciScintilla::SC_FOLDLEVELNUMBERMASK, QsciScintilla::SC_FOLDLEVELBASE + 1);
    }
};

QTEST_MAIN(TestCodeEditor)
#include "tst_codeeditor.moc"
