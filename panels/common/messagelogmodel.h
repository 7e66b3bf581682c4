// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QDateTime>

#include <deque>

namespace petstore::panels {

// The rows of a MessageLog: one message or frame each, newest last, bounded (oldest dropped).
class MessageLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Direction { Incoming, Outgoing, Info, Error };
    enum Column { TimeColumn, DirectionColumn, SizeColumn, KindColumn, SummaryColumn, ColumnCount };
    static constexpr int PayloadRole = Qt::UserRole;

    struct Message
    {
        Direction direction = Direction::Info;
        QDateTime time;
        QString kind;       // the opcode of a frame, the type of an event
        QString summary;
        QByteArray payload;
    };

    explicit MessageLogModel(QObject *parent = nullptr);

    void setCapacity(int capacity);
    void append(Message message);
    void clear();
    const Message &message(int row) const { return m_messages[std::size_t(row)]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::deque<Message> m_messages;
    int m_capacity = 10000;
};

} // namespace petstore::panels
