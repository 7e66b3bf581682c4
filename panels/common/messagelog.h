// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "panels/common/messagelogmodel.h"

#include <QWidget>

class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace petstore::panels {

class CodeEditor;

// A log of messages or frames for the streaming consoles (WebSocket, MQTT, SSE, ...): time,
// direction, size and summary, a search box, and the selected message's payload below
// (pretty-printed when it is JSON, a hex dump when it is not text). Keeps the newest 10,000 by default.
class MessageLog : public QWidget
{
    Q_OBJECT
public:
    using Direction = MessageLogModel::Direction;

    explicit MessageLog(QWidget *parent = nullptr);

    // `kind` is the frame's opcode or the event's type; the search looks at it and the summary.
    void append(Direction direction, const QString &kind, const QString &summary, const QByteArray &payload,
                const QDateTime &time = QDateTime::currentDateTime());
    int count() const { return m_model->rowCount(); }
    void clear();
    void setCapacity(int capacity) { m_model->setCapacity(capacity); }
    QTableView *view() const { return m_view; }
    QString shownPayload() const;

private:
    void showPayload(const QModelIndex &index);

    MessageLogModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QLineEdit *m_search = nullptr;
    QTableView *m_view = nullptr;
    CodeEditor *m_payload = nullptr;
};

} // namespace petstore::panels
