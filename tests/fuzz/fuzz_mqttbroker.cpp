// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the broker behind its transport: the input is cut into chunks that go, in turn, to
// three client connections of one broker, so sessions, subscriptions, retained messages,
// wills and routing between clients all meet hostile bytes. Whatever the broker writes back
// must frame and decode as valid packets of the connection's protocol version.
#include "core/protocols/mqtt/mqttframedecoder.h"
#include "core/protocols/mqtt/mqttpacketreader.h"
#include "mock-server/mqtt/mqttbroker.h"
#include "mock-server/mqtt/mqttconnection.h"
#include "mock-server/mqtt/mqtttransport.h"

#include <QCoreApplication>
#include <QPointer>

#include <cstdint>
#include <cstdlib>

using namespace petstore;

namespace {

// A transport in memory: what the broker writes is checked at once.
class FuzzTransport : public mock::MqttTransport
{
public:
    void receive(std::string_view bytes) { deliver(bytes); }
    void write(std::string_view bytes) override
    {
        // The connection writes only after CONNECT settled its version.
        if (auto *connection = qobject_cast<mock::MqttConnection *>(parent()))
            m_version = connection->version();
        m_written.feed(bytes);
    }
    void close() override
    {
        setHandlers(nullptr, nullptr);
        setParent(nullptr);
        deleteLater();
    }
    std::size_t backlogBytes() const override { return 0; }
    std::string peer() const override { return "fuzz"; }

    // Every frame the broker sent decodes for the connection's version (the broker's own
    // output is never malformed), else the fuzzer stops here.
    void checkWritten()
    {
        while (m_written.hasFrame())
            if (!core::MqttPacketReader::decode(m_written.takeFrame(), m_version).ok())
                std::abort();
        if (m_written.failed())
            std::abort();
    }

private:
    core::MqttFrameDecoder m_written;
    core::MqttVersion m_version = core::MqttVersion::V5;
};

QCoreApplication &application()
{
    static int argc = 1;
    static char name[] = "fuzz_mqttbroker";
    static char *argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);
    return app;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    application();
    mock::MqttConfig config;
    config.maxPacketBytes = 4096;
    config.maxQueuedMessages = 16;
    mock::MqttBroker broker(config, nullptr, [] { return std::int64_t(1'700'000'000'000); });
    std::vector<QPointer<FuzzTransport>> clients;
    for (int i = 0; i < 3; ++i) {
        auto *transport = new FuzzTransport;
        clients.emplace_back(transport);
        broker.accept(transport);
    }
    // Chunk lengths come from the input itself: one length byte, then that many bytes.
    std::size_t at = 0;
    for (std::size_t turn = 0; at < size; ++turn) {
        const std::size_t length = std::min<std::size_t>(data[at++] % 64 + 1, size - at);
        if (FuzzTransport *client = clients[turn % clients.size()])
            client->receive(std::string_view(reinterpret_cast<const char *>(data + at), length));
        at += length;
        for (const QPointer<FuzzTransport> &client : clients)
            if (client)
                client->checkWritten();
    }
    broker.closeAll();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    return 0;
}
