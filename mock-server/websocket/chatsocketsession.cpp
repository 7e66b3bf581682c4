// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/websocket/chatsocketsession.h"

#include "core/petstore/eventchannels.h"
#include "core/petstore/uuid.h"
#include "mock-server/rest/petadvisor.h"

#include <QPointer>
#include <QTimer>

namespace petstore::mock {

namespace {

using nlohmann::json;

const json Agent = {{"id", "agent-robin"}, {"name", "Robin"}};

std::string now()
{
    return core::formatRfc3339(core::systemNow());
}

} // namespace

ChatSocketSession::ChatSocketSession(QWebSocket *socket, WebSocketCaller caller, WebSocketContext context)
    : m_socket(socket), m_caller(std::move(caller)), m_context(context), m_sessionId(core::UuidV7Generator().next(core::systemNow()))
{
    socket->setParent(this);
    connect(socket, &QWebSocket::textMessageReceived, this, &ChatSocketSession::onText);
    connect(socket, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &data) {
        m_context.recorder->received(m_socket, data, true);
        // RFC 6455 §7.4.1: 1003 for a data type the endpoint cannot accept.
        m_context.recorder->close(m_socket, QWebSocketProtocol::CloseCodeDatatypeNotSupported,
                                  QStringLiteral("the chat speaks JSON text messages only"));
    });
    connect(socket, &QWebSocket::disconnected, this, [this] {
        m_context.recorder->closed(m_socket);
        deleteLater();
    });
    m_busSubscription = m_context.bus->subscribe([this](const core::CloudEvent &event) { onEvent(event); });

    json channels = core::EventChannels::collections();
    channels.push_back("pet:{id}");
    channels.push_back("order:{id}");
    send({{"type", "welcome"},
          {"sessionId", m_sessionId},
          {"user", m_caller.identity ? json(*m_caller.identity->actor.userId) : json(nullptr)},
          {"tenant", m_caller.tenantId},
          {"channels", channels}});
    QTimer::singleShot(agentDelayMs(), this, &ChatSocketSession::assignAgent);
}

ChatSocketSession::~ChatSocketSession()
{
    m_context.bus->unsubscribe(m_busSubscription);
}

int ChatSocketSession::agentDelayMs() const
{
    // The agent "thinks" on the scale of the streamed chat's pace, so one setting speeds up
    // both in tests (streaming.chatTokenDelayMs = 0).
    return m_context.config->streaming.chatTokenDelayMs * 5;
}

void ChatSocketSession::assignAgent()
{
    send({{"type", "agent_assigned"}, {"agent", Agent}});
    send({{"type", "message"},
          {"id", "msg-" + std::to_string(m_nextMessage++)},
          {"from", "agent"},
          {"text", "Hi, I'm Robin from the Petstore. Ask me about pets looking for a home."},
          {"sentAt", now()}});
}

void ChatSocketSession::onText(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    m_context.recorder->received(m_socket, utf8, false);
    const json message = json::parse(utf8.constData(), utf8.constData() + utf8.size(), nullptr, false);
    if (message.is_discarded()) {
        sendError("invalid_json", "the message is not valid JSON");
        return;
    }
    onMessage(message);
}

void ChatSocketSession::onMessage(const json &message)
{
    if (!message.is_object() || !message.contains("type") || !message.at("type").is_string()) {
        sendError("invalid_message", "a message must be a JSON object with a string member \"type\"");
        return;
    }
    const std::string type = message.at("type").get<std::string>();
    if (type == "message")
        onUserMessage(message);
    else if (type == "subscribe" || type == "unsubscribe")
        onSubscription(message, type == "subscribe");
    else if (type == "ping")
        send(message.contains("id") ? json{{"type", "pong"}, {"id", message.at("id")}} : json{{"type", "pong"}});
    else if (type == "typing") {
        if (!message.contains("typing") || !message.at("typing").is_boolean())
            sendError("invalid_message", "typing needs a boolean member \"typing\"");
    } else
        sendError("unknown_type", "unknown message type \"" + type.substr(0, 64)
                                      + "\"; send message, typing, subscribe, unsubscribe or ping");
}

void ChatSocketSession::onUserMessage(const json &message)
{
    const json clientMessageId = message.value("clientMessageId", json(nullptr));
    if (!clientMessageId.is_null() && (!clientMessageId.is_string() || clientMessageId.get<std::string>().size() > 128)) {
        sendError("invalid_message", "clientMessageId must be a string of at most 128 characters");
        return;
    }
    const json text = message.value("text", json(nullptr));
    if (!text.is_string() || text.get<std::string>().empty()
        || QString::fromStdString(text.get<std::string>()).size() > MaxTextLength) {
        sendError("invalid_message", "text must be a string of 1 to " + std::to_string(MaxTextLength) + " characters",
                  clientMessageId);
        return;
    }
    json delivered = {{"type", "delivered"}, {"id", "msg-" + std::to_string(m_nextMessage++)}, {"deliveredAt", now()}};
    if (!clientMessageId.is_null())
        delivered["clientMessageId"] = clientMessageId;
    send(delivered);

    // The agent starts typing, then answers from the caller's own tenant store.
    const std::string question = text.get<std::string>();
    QTimer::singleShot(agentDelayMs(), this, [this] { send({{"type", "typing"}, {"from", "agent"}, {"typing", true}}); });
    QTimer::singleShot(agentDelayMs() * 2, this, [this, question] {
        send({{"type", "message"},
              {"id", "msg-" + std::to_string(m_nextMessage++)},
              {"from", "agent"},
              {"text", PetAdvisor::answer(*m_caller.store, question)},
              {"sentAt", now()}});
    });
}

void ChatSocketSession::onSubscription(const json &message, bool subscribe)
{
    const json channels = message.value("channels", json(nullptr));
    if (!channels.is_array() || channels.empty() || channels.size() > MaxChannels) {
        sendError("invalid_message", "channels must be an array of 1 to " + std::to_string(MaxChannels) + " names");
        return;
    }
    for (const json &channel : channels) {
        if (!channel.is_string() || !core::EventChannels::isValid(channel.get<std::string>())) {
            sendError("invalid_channel", "unknown channel " + channel.dump().substr(0, 80)
                                             + "; use pets, orders, inventory, pet:{id} or order:{id}");
            return;
        }
    }
    for (const json &channel : channels) {
        if (subscribe)
            m_channels.insert(channel.get<std::string>());
        else
            m_channels.erase(channel.get<std::string>());
    }
    send({{"type", "subscribed"}, {"channels", m_channels}});
}

void ChatSocketSession::onEvent(const core::CloudEvent &event)
{
    if (event.tenantId != m_caller.tenantId)
        return;
    if (const auto channel = core::EventChannels::mostSpecific(event, m_channels))
        send({{"type", "event"}, {"channel", *channel}, {"event", event.toJson()}});
}

void ChatSocketSession::send(const json &message)
{
    if (m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    m_context.recorder->sendText(m_socket, QString::fromStdString(message.dump()));
}

void ChatSocketSession::sendError(const char *code, const std::string &text, const json &clientMessageId)
{
    json error = {{"type", "error"}, {"code", code}, {"message", text}};
    if (!clientMessageId.is_null())
        error["clientMessageId"] = clientMessageId;
    send(error);
}

} // namespace petstore::mock
