// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTextBrowser>

namespace petstore::panels {

// The Learn side pane (DESIGN §8): the protocol's guide from docs/protocols/<id>.md, compiled in
// as a resource and rendered as Markdown. Web links open in the browser.
class LearnPane : public QTextBrowser
{
    Q_OBJECT
public:
    explicit LearnPane(QWidget *parent = nullptr);

    // A resource path such as ":/docs/protocols/rest.md"; a missing page says so.
    void setPage(const QString &resourcePath);
    QString page() const { return m_page; }

private:
    QString m_page;
};

} // namespace petstore::panels
