// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/common/wireview.h"

#include <QCheckBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace petstore::panels {

WireView::WireView(QWidget *parent) : QWidget(parent)
{
    m_origin = new QLabel(this);
    m_origin->setObjectName(QStringLiteral("wireOrigin"));
    m_origin->setWordWrap(true);
    m_hex = new QCheckBox(tr("Hex"), this);
    m_hex->setObjectName(QStringLiteral("wireHex"));
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("wireText"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_origin, 1);
    bar->addWidget(m_hex);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_text, 1);
    connect(m_hex, &QCheckBox::toggled, this, &WireView::render);
    clear();
}

void WireView::setExchange(const QByteArray &request, const QByteArray &response, Origin origin)
{
    m_request = request;
    m_response = response;
    m_origin->setText(origin == Origin::Captured
                          ? tr("Exact bytes captured by the embedded mock")
                          : tr("Reconstructed from the request sent and the response received — not the exact bytes"));
    render();
}

void WireView::clear()
{
    m_request.clear();
    m_response.clear();
    m_origin->setText(tr("No exchange yet"));
    m_text->clear();
}

QString WireView::originText() const
{
    return m_origin->text();
}

QString WireView::shownText() const
{
    return m_text->toPlainText();
}

void WireView::render()
{
    const auto section = [this](const QString &title, const QByteArray &bytes) {
        return QStringLiteral("── %1 · %2 bytes ──\n%3\n")
            .arg(title)
            .arg(bytes.size())
            .arg(m_hex->isChecked() ? hexDump(bytes) : visibleText(bytes));
    };
    m_text->setPlainText(section(tr("request"), m_request) + QLatin1Char('\n') + section(tr("response"), m_response));
}

QString WireView::hexDump(const QByteArray &bytes)
{
    QString out;
    for (int offset = 0; offset < bytes.size(); offset += 16) {
        const QByteArray line = bytes.mid(offset, 16);
        QString hex;
        QString ascii;
        for (int i = 0; i < 16; ++i) {
            if (i < line.size()) {
                const auto byte = static_cast<unsigned char>(line[i]);
                hex += QStringLiteral("%1 ").arg(byte, 2, 16, QLatin1Char('0'));
                ascii += byte >= 0x20 && byte < 0x7f ? QChar(byte) : QLatin1Char('.');
            } else {
                hex += QStringLiteral("   ");
            }
            if (i == 7)
                hex += QLatin1Char(' ');
        }
        out += QStringLiteral("%1  %2 |%3|\n").arg(offset, 8, 16, QLatin1Char('0')).arg(hex, ascii);
    }
    return out;
}

QString WireView::visibleText(const QByteArray &bytes)
{
    const QString text = QString::fromUtf8(bytes);
    QString out;
    out.reserve(text.size() + text.size() / 16);
    for (const QChar c : text) {
        if (c == QLatin1Char('\n'))
            out += QStringLiteral("\\n\n");
        else if (c == QLatin1Char('\r'))
            out += QStringLiteral("\\r");
        else if (c == QLatin1Char('\t'))
            out += QStringLiteral("\\t");
        else if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

} // namespace petstore::panels
