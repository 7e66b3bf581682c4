// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/websocket/eventsocketsession.h"

#include "core/petstore/eventchannels.h"

#include <QUrlQuery>

namespace petstore::mock {

EventSocketSession *EventSocketSession::open(QWebSocket *socket, WebSocketCaller caller, WebSocketContext context)
{
    const QString list = QUrlQuery(socket->requestUrl()).queryItemValue(QStringLiteral("channels"), QUrl::FullyDecoded);
    std::set<std::string> channels;
    for (const QString &name : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!core::EventChannels::isValid(name.toStdString())) {
            context.recorder->close(socket, QWebSocketProtocol::CloseCodePolicyViolated,
                                    QStringLiteral("unknown channel %1").arg(name.left(64)));
            socket->deleteLater();
            return nullptr;
        }
        channels.insert(name.toStdString());
    }
    if (channels.empty()) {
        context.recorder->close(socket, QWebSocketProtocol::CloseCodePolicyViolated,
                                QStringLiteral("name channels: ?channels=pets,orders,inventory,pet:{id},order:{id}"));
        socket->deleteLater();
        return nullptr;
    }
    return new EventSocketSession(socket, std::move(caller), context, std::move(channels));
}

EventSocketSession::EventSocketSession(QWebSocket *socket, WebSocketCaller caller, WebSocketContext context,
                                       std::set<std::string> channels)
    : m_socket(socket), m_caller(std::move(caller)), m_context(context), m_channels(std::move(channels))
{
    socket->setParent(this);
    connect(socket, &QWebSocket::textMessageReceived, this,
            [this](const QString &text) { m_context.recorder->received(m_socket, text.toUtf8(), false); });
    connect(socket, &QWebSocket::binaryMessageReceived, this,
            [this](const QByteArray &data) { m_context.recorder->received(m_socket, data, true); });
    connect(socket, &QWebSocket::disconnected, this, [this] {
        m_context.recorder->closed(m_socket);
        deleteLater();
    });
    m_busSubscription = m_context.bus->subscribe([this](const core::CloudEvent &event) { onEvent(event); });
}

EventSocketSession::~EventSocketSession()
{
    m_context.bus->unsubscribe(m_busSubscription);
}

void EventSocketSession::onEvent(const core::CloudEvent &event)
{
    if (event.tenantId != m_caller.tenantId || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    if (const auto channel = core::EventChannels::mostSpecific(event, m_channels)) {
        const nlohmann::json message = {{"type", "event"}, {"channel", *channel}, {"event", event.toJson()}};
        m_context.recorder->sendText(m_socket, QString::fromStdString(message.dump()));
    }
}

} // namespace petstore::mock
