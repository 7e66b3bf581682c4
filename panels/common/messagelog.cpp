// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/common/messagelog.h"

#include "panels/common/codeeditor.h"

#include <nlohmann/json.hpp>

#include <QHeaderView>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace petstore::panels {

MessageLog::MessageLog(QWidget *parent) : QWidget(parent)
{
    m_model = new MessageLogModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("messageSearch"));
    m_search->setPlaceholderText(tr("Search messages"));
    m_search->setClearButtonEnabled(true);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("messageView"));
    m_view->setModel(m_proxy);
    m_view->verticalHeader()->hide();
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setWordWrap(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_payload = new CodeEditor(this);
    m_payload->setObjectName(QStringLiteral("messagePayload"));
    m_payload->setReadOnly(true);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_view);
    split->addWidget(m_payload);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search);
    layout->addWidget(split, 1);
    connect(m_search, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MessageLog::showPayload);
}

void MessageLog::append(Direction direction, const QString &kind, const QString &summary, const QByteArray &payload,
                        const QDateTime &time)
{
    m_model->append({direction, time, kind, summary, payload});
    m_view->scrollToBottom();
}

void MessageLog::clear()
{
    m_model->clear();
    m_payload->setText(QString());
}

QString MessageLog::shownPayload() const
{
    return m_payload->text();
}

void MessageLog::showPayload(const QModelIndex &index)
{
    const QByteArray payload = index.data(MessageLogModel::PayloadRole).toByteArray();
    const auto json = nlohmann::json::parse(payload.toStdString(), nullptr, false);
    if (!json.is_discarded() && !payload.trimmed().isEmpty()) {
        m_payload->setLanguage(CodeEditor::Language::Json);
        m_payload->setText(QString::fromStdString(json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace)));
    } else if (QString::fromUtf8(payload).toUtf8() == payload) {
        m_payload->setLanguage(CodeEditor::Language::Plain);
        m_payload->setText(QString::fromUtf8(payload));
    } else {
        // Not text: offset, 16 bytes in hex, then their printable ASCII.
        QString dump;
        for (int at = 0; at < payload.size(); at += 16) {
            const QByteArray line = payload.mid(at, 16);
            QString ascii;
            for (char c : line)
                ascii += c >= 0x20 && c < 0x7f ? QChar::fromLatin1(c) : QLatin1Char('.');
            dump += QStringLiteral("%1  %2  %3\n").arg(at, 8, 16, QLatin1Char('0'))
                        .arg(QString::fromLatin1(line.toHex(' ')), -47).arg(ascii);
        }
        m_payload->setLanguage(CodeEditor::Language::Plain);
        m_payload->setText(dump);
    }
}

} // namespace petstore::panels
