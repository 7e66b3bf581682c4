// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/requests/httprequestspec.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QStackedWidget;

namespace petstore::panels {

class CodeEditor;
class KeyValueTable;

// The request body: none, JSON (validated as you type), form fields, raw text with its content
// type, or a file sent as is.
class BodyEditor : public QWidget
{
    Q_OBJECT
public:
    explicit BodyEditor(QWidget *parent = nullptr);

    // Writes the body members of `spec` (kind, text, form, file); leaves the rest alone.
    void writeTo(core::HttpRequestSpec &spec) const;
    void readFrom(const core::HttpRequestSpec &spec);

    // Empty when the body can be sent; otherwise what is wrong ("JSON: line 2, column 5: ...").
    QString problem() const;

Q_SIGNALS:
    void edited();

private:
    void showKind(int index);
    void validateJson();

    QComboBox *m_kind = nullptr;
    QStackedWidget *m_pages = nullptr;
    CodeEditor *m_json = nullptr;
    QLabel *m_jsonStatus = nullptr;
    KeyValueTable *m_form = nullptr;
    CodeEditor *m_raw = nullptr;
    QLineEdit *m_rawContentType = nullptr;
    QLineEdit *m_filePath = nullptr;
    QLineEdit *m_fileContentType = nullptr;
    QString m_jsonProblem;
};

} // namespace petstore::panels
