// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/explorer/notbuiltpage.h"

#include "app/explorer/explorerprotocols.h"

#include <QLabel>
#include <QHBoxLayout>
#include <QVBoxLayout>

namespace petstore::explorer {

NotBuiltPage::NotBuiltPage(const ExplorerProtocol &protocol, QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("notBuilt-%1").arg(protocol.id));
    auto *title = new QLabel(tr("%1 is not built yet").arg(protocol.title), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    title->setFont(titleFont);

    auto *body = new QLabel(this);
    body->setObjectName(QStringLiteral("notBuiltText"));
    body->setWordWrap(true);
    body->setTextFormat(Qt::PlainText);
    body->setText(tr("%1.\n\nThis panel arrives with %2. Until then, the REST panel and the "
                     "Traffic dock work against the embedded mock, and the Learn pane describes "
                     "what is coming.")
                      .arg(protocol.summary, protocol.arrivesWith));

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(title, 0, Qt::AlignHCenter);
    // Centred by stretches, not an alignment flag: an aligned item loses heightForWidth and the
    // wrapped text would be clipped.
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(body);
    row->addStretch(1);
    layout->addLayout(row);
    layout->addStretch(2);
    body->setFixedWidth(520);
}

} // namespace petstore::explorer
