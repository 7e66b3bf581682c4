// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/mqtt/mqttconnection.h"

#include "core/protocols/mqtt/mqttbytereader.h"
#include "core/protocols/mqtt/mqttpacketreader.h"
#include "core/protocols/mqtt/mqttpacketwriter.h"
#include "core/protocols/mqtt/mqttreasoncode.h"
#include "core/protocols/mqtt/mqtttopic.h"
#include "mock-server/mqtt/mqttbroker.h"
#include "mock-server/mqtt/mqtterrorreply.h"
#include "mock-server/mqtt/mqttsession.h"
#include "mock-server/mqtt/mqtttransport.h"

namespace petstore::mock {

using core::MqttPacketType;
using core::MqttVersion;
namespace Reason = core::MqttReasonCode;

namespace {

constexpr std::int64_t ConnectTimeoutMs = 10000;
// QoS 0 messages are dropped for a client this far behind in reading (QoS 1 and 2 are held
// back by its receive window instead).
constexpr std::size_t MaxBacklogBytes = 8 * 1024 * 1024;

} // namespace

MqttConnection::MqttConnection(MqttTransport *transport, MqttBroker *broker)
    : QObject(broker)
    , m_broker(broker)
    , m_transport(transport)
    , m_peer(transport->peer())
    , m_decoder(std::uint32_t(broker->config().maxPacketBytes))
    , m_openedAtMs(broker->nowMs())
{
    transport->setParent(this);
    transport->setHandlers([this](std::string_view bytes) { onBytes(bytes); }, [this] { finish(true); });
}

MqttConnection::~MqttConnection() = default;

void MqttConnection::onBytes(std::string_view bytes)
{
    m_decoder.feed(bytes);
    while (!m_finished && m_decoder.hasFrame()) {
        const core::MqttFrame frame = m_decoder.takeFrame();
        m_lastPacketAtMs = m_broker->nowMs();
        if (!m_connectSeen) {
            handleFirstFrame(frame);
            continue;
        }
        m_broker->received(*this, frame);
        auto decoded = core::MqttPacketReader::decode(frame, m_version);
        if (!decoded.ok()) {
            disconnect(mqttReasonCodeFor(decoded.error()), decoded.error().message);
            return;
        }
        core::MqttPacket &packet = decoded.value();
        switch (core::packetType(packet)) {
        case MqttPacketType::Publish: handlePublish(std::move(std::get<core::MqttPublish>(packet))); break;
        case MqttPacketType::PubAck:
        case MqttPacketType::PubRec:
        case MqttPacketType::PubRel:
        case MqttPacketType::PubComp: handleAck(std::get<core::MqttPubAck>(packet)); break;
        case MqttPacketType::Subscribe: handleSubscribe(std::get<core::MqttSubscribe>(packet)); break;
        case MqttPacketType::Unsubscribe: handleUnsubscribe(std::get<core::MqttUnsubscribe>(packet)); break;
        case MqttPacketType::PingReq: send(core::MqttPing{true}); break;
        case MqttPacketType::Disconnect: handleDisconnect(std::get<core::MqttDisconnect>(packet)); break;
        case MqttPacketType::Connect:
            disconnect(Reason::ProtocolError, "a second CONNECT");   // §3.1.0-2
            break;
        case MqttPacketType::Auth:
            // Enhanced authentication is not offered, so no AUTH exchange can have begun (§4.12).
            disconnect(Reason::ProtocolError, "AUTH without an authentication method");
            break;
        default:
            disconnect(Reason::ProtocolError, "a packet only a server sends");
            break;
        }
    }
    if (!m_finished && m_decoder.failed()) {
        // §4.13: a frame too large for our Maximum Packet Size, or a length that is no variable
        // byte integer.
        const bool tooLarge = m_decoder.failure() == core::MqttFrameDecoder::Failure::TooLarge;
        if (!m_connectSeen)
            finish(false);
        else
            disconnect(tooLarge ? Reason::PacketTooLarge : Reason::MalformedPacket,
                       tooLarge ? "packet larger than the Maximum Packet Size" : "malformed remaining length");
    }
}

void MqttConnection::handleFirstFrame(const core::MqttFrame &frame)
{
    m_connectSeen = true;
    m_broker->received(*this, frame);
    if (frame.type() != std::uint8_t(MqttPacketType::Connect)) {
        finish(false);   // §3.1.0-1: the first packet must be CONNECT
        return;
    }
    const auto level = core::MqttPacketReader::protocolLevel(frame);
    if (level && *level != 4 && *level != 5) {
        // §3.1.2.2: answer in the form the client can read, then close.
        m_version = *level > 5 ? MqttVersion::V5 : MqttVersion::V311;
        refuseConnect(Reason::UnsupportedProtocolVersion, "protocol level " + std::to_string(*level) + " is not supported");
        return;
    }
    if (level)
        m_version = MqttVersion(*level);
    auto decoded = core::MqttPacketReader::decode(frame, m_version);
    if (!decoded.ok()) {
        refuseConnect(mqttReasonCodeFor(decoded.error()), decoded.error().message);
        return;
    }
    handleConnect(std::move(std::get<core::MqttConnect>(decoded.value())));
}

void MqttConnection::handleConnect(core::MqttConnect connect)
{
    const MqttConfig &config = m_broker->config();
    const bool v5 = m_version == MqttVersion::V5;
    if (connect.properties.authenticationMethod) {
        refuseConnect(Reason::BadAuthenticationMethod, "enhanced authentication is not offered");
        return;
    }
    std::string clientId = connect.clientId;
    bool assigned = false;
    if (clientId.empty()) {
        // §3.1.3.1: a v5 client gets an id; a 3.1.1 client only with a clean session.
        if (!v5 && !connect.cleanStart) {
            refuseConnect(Reason::ClientIdentifierNotValid, "an empty client id needs a clean session");
            return;
        }
        clientId = m_broker->assignClientId();
        assigned = true;
    }
    auto rules = m_broker->access().authenticate(connect.username, connect.password);
    if (!rules.ok()) {
        refuseConnect(mqttReasonCodeFor(rules.error()), rules.error().message);
        return;
    }
    if (connect.will) {
        if (!core::MqttTopic::validateName(connect.will->topic).ok()) {
            refuseConnect(Reason::TopicNameInvalid, "the will topic is not a valid topic name");
            return;
        }
        if (!MqttAccessPolicy::mayPublish(rules.value(), connect.will->topic)) {
            refuseConnect(Reason::NotAuthorized, "the will topic is not allowed");
            return;
        }
        MqttMessage will;
        will.topic = connect.will->topic;
        will.payload = connect.will->payload;
        will.qos = connect.will->qos;
        will.retain = connect.will->retain;
        will.properties = connect.will->properties;
        will.senderClientId = clientId;
        m_willDelay = will.properties.willDelayInterval.value_or(0);
        will.properties.willDelayInterval.reset();
        if (auto expiry = will.properties.messageExpiryInterval)
            will.expiresAtMs = m_broker->nowMs() + std::int64_t(*expiry) * 1000;   // counted from now, not from publication
        will.properties.messageExpiryInterval.reset();
        m_will = std::move(will);
    }
    m_clientId = clientId;
    m_keepAlive = connect.keepAlive;
    m_clientMaxPacket = connect.properties.maximumPacketSize.value_or(0);
    m_connectSessionExpiry = v5 ? connect.properties.sessionExpiryInterval.value_or(0)
                                : (connect.cleanStart ? 0 : MqttSession::NeverExpires);

    core::MqttConnAck ack;
    if (v5) {
        ack.properties.receiveMaximum = std::uint16_t(config.receiveMaximum);
        ack.properties.maximumPacketSize = std::uint32_t(config.maxPacketBytes);
        if (config.topicAliasMaximum > 0)
            ack.properties.topicAliasMaximum = std::uint16_t(config.topicAliasMaximum);
        if (assigned)
            ack.properties.assignedClientIdentifier = clientId;
    }
    if (config.maxKeepAliveSeconds > 0 && (m_keepAlive == 0 || m_keepAlive > config.maxKeepAliveSeconds)) {
        m_keepAlive = std::uint16_t(config.maxKeepAliveSeconds);   // §3.2.2.3.14 Server Keep Alive
        if (v5)
            ack.properties.serverKeepAlive = m_keepAlive;
    }
    bool present = false;
    m_session = m_broker->openSession(this, clientId, connect.cleanStart, present);
    m_session->expiryInterval = m_connectSessionExpiry;
    m_session->rules = rules.value();
    ack.sessionPresent = present;
    send(ack);
    m_session->attach(this, connect.properties.receiveMaximum.value_or(65535), m_broker->nowMs());
}

void MqttConnection::refuseConnect(std::uint8_t reasonCode, const std::string &reason)
{
    // 3.1.1 has return codes only for a handful of refusals; for a malformed CONNECT the
    // connection is just closed (3.1.1 §3.1.4).
    const bool v5 = m_version == MqttVersion::V5;
    if (v5 || reasonCode == Reason::UnsupportedProtocolVersion || reasonCode == Reason::ClientIdentifierNotValid
        || reasonCode == Reason::BadUserNameOrPassword || reasonCode == Reason::NotAuthorized) {
        core::MqttConnAck ack;
        ack.reasonCode = v5 ? reasonCode : core::mqttConnectReturnCode(reasonCode);
        if (v5 && !reason.empty())
            ack.properties.reasonString = reason;
        send(ack);
    }
    finish(false);
}

void MqttConnection::handlePublish(core::MqttPublish publish)
{
    const MqttConfig &config = m_broker->config();
    const bool v5 = m_version == MqttVersion::V5;
    if (const auto alias = publish.properties.topicAlias) {
        if (*alias > config.topicAliasMaximum) {
            disconnect(Reason::TopicAliasInvalid, "topic alias above the Topic Alias Maximum");   // §3.3.2.3.4
            return;
        }
        if (m_topicAliases.size() < *alias)
            m_topicAliases.resize(*alias);
        std::string &mapped = m_topicAliases[*alias - 1];
        if (!publish.topic.empty())
            mapped = publish.topic;
        else if (mapped.empty()) {
            disconnect(Reason::ProtocolError, "topic alias " + std::to_string(*alias) + " was never set");
            return;
        } else
            publish.topic = mapped;
    }
    if (const auto valid = core::MqttTopic::validateName(publish.topic); !valid.ok()) {
        disconnect(Reason::TopicNameInvalid, valid.error().message);
        return;
    }
    if (!publish.properties.subscriptionIdentifiers.empty()) {
        disconnect(Reason::ProtocolError, "a client's PUBLISH cannot carry a Subscription Identifier");   // §3.3.4
        return;
    }
    if (publish.qos == 2 && m_session->inboundPending() >= std::size_t(config.receiveMaximum)) {
        disconnect(Reason::ReceiveMaximumExceeded, "more unreleased QoS 2 messages than the Receive Maximum");
        return;
    }
    const MqttPacketType ackType = publish.qos == 2 ? MqttPacketType::PubRec : MqttPacketType::PubAck;
    if (!MqttAccessPolicy::mayPublish(m_session->rules, publish.topic)) {
        // A v5 client learns why (§3.4.2.1); 3.1.1 has no way to say it and gets a plain ack.
        if (publish.qos > 0)
            acknowledge(ackType, publish.packetId, v5 ? Reason::NotAuthorized : Reason::Success);
        return;
    }
    if (publish.properties.payloadFormatIndicator == 1 && !core::MqttByteReader::isValidMqttUtf8(publish.payload)) {
        // §3.3.2.3.2: a payload declared UTF-8 that is not.
        if (publish.qos == 0)
            disconnect(Reason::PayloadFormatInvalid, "the payload is declared UTF-8 but is not");
        else
            acknowledge(ackType, publish.packetId, Reason::PayloadFormatInvalid);
        return;
    }
    if (publish.qos == 2 && !m_session->beginInbound(publish.packetId)) {
        acknowledge(ackType, publish.packetId, Reason::Success);   // a retransmission: already routed
        return;
    }
    MqttMessage message;
    message.topic = std::move(publish.topic);
    message.payload = std::move(publish.payload);
    message.qos = publish.qos;
    message.retain = publish.retain;
    message.properties = std::move(publish.properties);
    message.properties.topicAlias.reset();
    if (auto expiry = message.properties.messageExpiryInterval)
        message.expiresAtMs = m_broker->nowMs() + std::int64_t(*expiry) * 1000;
    message.properties.messageExpiryInterval.reset();
    message.senderClientId = m_clientId;
    const auto shared = std::make_shared<const MqttMessage>(std::move(message));
    const int matched = m_broker->route(shared);
    if (publish.qos > 0)
        acknowledge(ackType, publish.packetId, v5 && matched == 0 ? Reason::NoMatchingSubscribers : Reason::Success);
    m_broker->clientPublished(shared);
}

void MqttConnection::handleAck(const core::MqttPubAck &ack)
{
    const std::int64_t now = m_broker->nowMs();
    const bool v5 = m_version == MqttVersion::V5;
    switch (ack.type) {
    case MqttPacketType::PubAck:
    case MqttPacketType::PubComp:
        m_session->complete(ack.packetId, now);
        break;
    case MqttPacketType::PubRec:
        if (ack.reasonCode >= 0x80) {
            m_session->complete(ack.packetId, now);   // §4.3.3: a failed PUBREC ends the exchange
        } else {
            const bool known = m_session->released(ack.packetId);
            acknowledge(MqttPacketType::PubRel, ack.packetId, known || !v5 ? Reason::Success : Reason::PacketIdentifierNotFound);
        }
        break;
    case MqttPacketType::PubRel: {
        const bool known = m_session->releaseInbound(ack.packetId);
        acknowledge(MqttPacketType::PubComp, ack.packetId, known || !v5 ? Reason::Success : Reason::PacketIdentifierNotFound);
        break;
    }
    default:
        break;
    }
}

void MqttConnection::handleSubscribe(const core::MqttSubscribe &subscribe)
{
    const bool v5 = m_version == MqttVersion::V5;
    core::MqttSubAck ack;
    ack.packetId = subscribe.packetId;
    const std::uint32_t identifier = subscribe.properties.subscriptionIdentifiers.empty()
                                         ? 0 : subscribe.properties.subscriptionIdentifiers.front();
    std::vector<std::pair<std::string, MqttSubscriptionOptions>> retainedFor;
    for (const core::MqttSubscription &sub : subscribe.subscriptions) {
        if (!core::MqttTopic::validateFilter(sub.filter).ok()) {
            ack.reasonCodes.push_back(v5 ? Reason::TopicFilterInvalid : Reason::UnspecifiedError);
            continue;
        }
        const bool shared = core::MqttTopic::shared(sub.filter).has_value();
        if (shared && sub.noLocal) {
            disconnect(Reason::ProtocolError, "No Local on a shared subscription");   // §3.8.3.1
            return;
        }
        if (!MqttAccessPolicy::maySubscribe(m_session->rules, sub.filter)) {
            ack.reasonCodes.push_back(v5 ? Reason::NotAuthorized : Reason::UnspecifiedError);
            continue;
        }
        const MqttSubscriptionOptions options{sub.qos, sub.noLocal, sub.retainAsPublished, sub.retainHandling, identifier};
        const bool isNew = m_broker->subscribe(m_session, sub.filter, options);
        ack.reasonCodes.push_back(sub.qos);
        // §3.3.1.3: retained messages for a new subscription, unless Retain Handling says not;
        // never for a shared one.
        if (!shared && (sub.retainHandling == 0 || (sub.retainHandling == 1 && isNew)))
            retainedFor.emplace_back(sub.filter, options);
    }
    send(ack);
    for (const auto &[filter, options] : retainedFor)
        m_broker->deliverRetained(m_session, filter, options);
}

void MqttConnection::handleUnsubscribe(const core::MqttUnsubscribe &unsubscribe)
{
    core::MqttSubAck ack;
    ack.type = MqttPacketType::UnsubAck;
    ack.packetId = unsubscribe.packetId;
    for (const std::string &filter : unsubscribe.filters)
        ack.reasonCodes.push_back(m_broker->unsubscribe(m_session, filter) ? Reason::Success : Reason::NoSubscriptionExisted);
    send(ack);
}

void MqttConnection::handleDisconnect(const core::MqttDisconnect &disconnectPacket)
{
    if (const auto expiry = disconnectPacket.properties.sessionExpiryInterval) {
        if (m_connectSessionExpiry == 0 && *expiry != 0) {
            disconnect(Reason::ProtocolError, "a Session Expiry Interval after CONNECT asked for none");   // §3.14.2.2.2
            return;
        }
        m_session->expiryInterval = *expiry;
    }
    // §3.14.4: a normal DISCONNECT discards the will; 0x04 asks for it to be published.
    finish(disconnectPacket.reasonCode == Reason::DisconnectWithWill);
}

bool MqttConnection::sendPublish(const MqttDelivery &delivery, std::uint16_t packetId, bool dup, std::int64_t nowMs)
{
    const MqttMessage &message = *delivery.message;
    if (m_finished || message.expired(nowMs))
        return false;
    if (delivery.qos == 0 && m_transport->backlogBytes() > MaxBacklogBytes)
        return false;
    core::MqttPublish publish;
    publish.dup = dup;
    publish.qos = delivery.qos;
    publish.retain = delivery.retain;
    publish.topic = message.topic;
    publish.packetId = packetId;
    publish.payload = message.payload;
    if (m_version == MqttVersion::V5) {
        publish.properties = message.properties;
        if (message.expiresAtMs != 0)
            publish.properties.messageExpiryInterval = message.remainingSeconds(nowMs);   // §3.3.2.3.3
        publish.properties.subscriptionIdentifiers = delivery.subscriptionIds;
    }
    const std::string bytes = core::MqttPacketWriter::encode(publish, m_version);
    if (m_clientMaxPacket != 0 && bytes.size() > m_clientMaxPacket)
        return false;   // §3.1.2.11.4: discarded, as if it had been delivered
    write(bytes);
    return true;
}

void MqttConnection::sendPubRel(std::uint16_t packetId)
{
    acknowledge(MqttPacketType::PubRel, packetId, Reason::Success);
}

void MqttConnection::acknowledge(MqttPacketType type, std::uint16_t packetId, std::uint8_t reasonCode)
{
    send(core::MqttPubAck{type, packetId, reasonCode, {}});
}

void MqttConnection::disconnect(std::uint8_t reasonCode, const std::string &reason)
{
    if (m_finished)
        return;
    if (m_session && m_version == MqttVersion::V5) {
        core::MqttDisconnect packet;
        packet.reasonCode = reasonCode;
        if (!reason.empty())
            packet.properties.reasonString = reason;
        send(packet);
    }
    finish(true);
}

void MqttConnection::checkTimeouts(std::int64_t nowMs)
{
    if (!m_session) {
        if (nowMs - m_openedAtMs > ConnectTimeoutMs)
            finish(false);
        return;
    }
    if (m_keepAlive > 0 && nowMs - m_lastPacketAtMs > std::int64_t(m_keepAlive) * 1500)
        disconnect(Reason::KeepAliveTimeout, "nothing received for 1.5 times the keep alive");
}

void MqttConnection::send(const core::MqttPacket &packet)
{
    write(core::MqttPacketWriter::encode(packet, m_version));
}

void MqttConnection::write(const std::string &bytes)
{
    m_transport->write(bytes);
    m_broker->sent(*this, bytes);
}

void MqttConnection::finish(bool publishWill)
{
    if (m_finished)
        return;
    m_finished = true;
    m_transport->close();
    std::optional<MqttMessage> will;
    if (publishWill)
        will = std::move(m_will);
    m_broker->connectionClosed(this, std::move(will), m_willDelay);
    deleteLater();
}

} // namespace petstore::mock
