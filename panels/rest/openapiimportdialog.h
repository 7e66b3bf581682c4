// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLineEdit;
class QRadioButton;

namespace petstore::panels {

class PanelContext;

// "New collection from OpenAPI": the embedded mock's own document, a file, or a URL.
class OpenApiImportDialog : public QDialog
{
    Q_OBJECT
public:
    explicit OpenApiImportDialog(PanelContext &context, QWidget *parent = nullptr);

    QString source() const;

private:
    QString m_embeddedUrl;
    QRadioButton *m_embedded = nullptr;
    QRadioButton *m_file = nullptr;
    QRadioButton *m_url = nullptr;
    QLineEdit *m_filePath = nullptr;
    QLineEdit *m_urlText = nullptr;
};

} // namespace petstore::panels
