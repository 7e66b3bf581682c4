// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/rest/problemcard.h"

#include <QPainter>
#include <QLabel>
#include <QVBoxLayout>

namespace petstore::panels {

namespace {

QLabel *wrappingLabel(const char *objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QString::fromLatin1(objectName));
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

ProblemCard::ProblemCard(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("problemCard"));
    m_title = wrappingLabel("problemTitle", this);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_detail = wrappingLabel("problemDetail", this);
    m_fields = wrappingLabel("problemFields", this);
    m_fields->setTextFormat(Qt::RichText);
    m_meta = wrappingLabel("problemMeta", this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_detail);
    layout->addWidget(m_fields);
    layout->addWidget(m_meta);
}

void ProblemCard::showProblem(const core::ProblemDetails &problem)
{
    const QString title = QString::fromStdString(problem.title);
    m_title->setText(title.isEmpty() ? tr("Error %1").arg(problem.status)
                                     : tr("%1 · %2").arg(problem.status).arg(title));
    m_detail->setText(QString::fromStdString(problem.detail));
    m_detail->setVisible(!problem.detail.empty());
    QStringList items;
    for (const auto &field : problem.errors) {
        items << QStringLiteral("<li><b>%1</b> — %2%3</li>")
                     .arg(QString::fromStdString(field.field).toHtmlEscaped(),
                          QString::fromStdString(field.message).toHtmlEscaped(),
                          field.code.empty() ? QString()
                                             : QStringLiteral(" <i>(%1)</i>").arg(QString::fromStdString(field.code).toHtmlEscaped()));
    }
    m_fields->setText(items.isEmpty() ? QString() : QStringLiteral("<ul style=\"margin:0\">%1</ul>").arg(items.join(QString())));
    m_fields->setVisible(!items.isEmpty());
    QStringList meta;
    meta << tr("type: %1").arg(QString::fromStdString(problem.type));
    if (!problem.instance.empty())
        meta << tr("instance: %1").arg(QString::fromStdString(problem.instance));
    if (!problem.traceId.empty())
        meta << tr("trace: %1").arg(QString::fromStdString(problem.traceId));
    m_meta->setText(meta.join(QStringLiteral("   ")));
}

void ProblemCard::paintEvent(QPaintEvent *)
{
    // A red-tinted card that stays readable on light and dark palettes: the base colour mixed
    // with red, computed at paint time so a palette change needs nothing else.
    const QColor base = palette().color(QPalette::Base);
    const QColor red(0xd0, 0x3b, 0x3b);
    const QColor tint((base.red() * 4 + red.red()) / 5, (base.green() * 4 + red.green()) / 5,
                      (base.blue() * 4 + red.blue()) / 5);
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(red);
    painter.setBrush(tint);
    painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
}

} // namespace petstore::panels
