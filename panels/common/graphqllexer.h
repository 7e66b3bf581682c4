// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <Qsci/qscilexercustom.h>

namespace petstore::panels {

// GraphQL highlighting and folding for CodeEditor (QScintilla has no GraphQL lexer). Tokens per
// the GraphQL specification §2.1 (October 2021): names, keywords, $variables, @directives,
// numbers, strings and block strings, comments, punctuators. Documents are small, so each pass
// restyles the whole text; folding follows brace depth.
class GraphQLLexer : public QsciLexerCustom
{
    Q_OBJECT
public:
    enum Style { Default = 0, Keyword, String, Number, Comment, Punctuation, Variable, Directive };

    explicit GraphQLLexer(QObject *parent = nullptr);

    const char *language() const override { return "GraphQL"; }
    QString description(int style) const override;
    void styleText(int start, int end) override;
};

} // namespace petstore::panels
