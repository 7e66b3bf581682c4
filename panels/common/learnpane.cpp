// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/common/learnpane.h"

#include <QFile>

namespace petstore::panels {

LearnPane::LearnPane(QWidget *parent) : QTextBrowser(parent)
{
    setOpenExternalLinks(true);
    setOpenLinks(true);
    document()->setDocumentMargin(12);
}

void LearnPane::setPage(const QString &resourcePath)
{
    m_page = resourcePath;
    QFile file(resourcePath);
    if (!file.open(QIODevice::ReadOnly)) {
        setPlainText(tr("No guide for this protocol yet."));
        return;
    }
    QString markdown = QString::fromUtf8(file.readAll());
    // The SPDX header is an HTML comment for GitHub; Qt's Markdown shows it as text.
    if (markdown.startsWith(QLatin1String("<!--")))
        markdown = markdown.mid(markdown.indexOf(QLatin1String("-->")) + 3).trimmed();
    setMarkdown(markdown);
}

} // namespace petstore::panels
