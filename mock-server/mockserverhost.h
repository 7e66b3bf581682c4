// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/traffic/trafficrecord.h"
#include "mock-server/mockconfig.h"

#include <QObject>
#include <QString>
#include <QThread>
#include <QTimer>
#include <QVector>

#include <nlohmann/json.hpp>

#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace petstore::mock {

class MockServer;

// What the Mock server dock shows; a value copied across threads.
struct MockServerStatus
{
    bool running = false;
    quint16 httpPort = 0;
    QString bind;
    QString error;                // why the last start failed; empty when it did not
    bool portBusy = false;        // the failure was "address in use": offer a free port
    std::uint64_t requestCount = 0;
    int activeConnections = 0;
    QString authMode;             // "none" | "required"
    int latencyMs = 0;
    double errorRate = 0.0;
    int sseSubscribers = 0;       // open GET /v1/events streams
    int chatStreams = 0;          // streamed chat answers being generated
    int webSocketConnections = 0;
    quint16 mqttPort = 0;
    int mqttClients = 0;          // connected MQTT clients (TCP, TLS and WebSocket)
    int mqttInPerSecond = 0;      // PUBLISH packets received per second, over the last second
    int mqttOutPerSecond = 0;     // PUBLISH packets sent per second
    quint16 grpcPort = 0;         // 0: gRPC off or not running
    int grpcActiveCalls = 0;      // gRPC calls running now (streams included)
    std::uint64_t grpcCalls = 0;  // gRPC calls since the start
};

// Runs a MockServer on its own QThread for the explorer (DESIGN §3 "Threads"): a load test
// against the mock never freezes the UI. Every public member is called from the GUI thread;
// they hand work to the mock thread with queued calls. Traffic arrives in batches at most
// 20 times a second so a flood of requests costs the UI one model update per batch.
class MockServerHost : public QObject
{
    Q_OBJECT
public:
    explicit MockServerHost(QObject *parent = nullptr);
    ~MockServerHost() override;   // stops the server and joins the thread

    // Starts (or restarts) the mock with `config`; port 0 picks a free port. The outcome comes
    // as statusChanged (running, or error/portBusy).
    void start(const MockConfig &config);
    void stop();
    // Restarts on a free port after a portBusy failure.
    void startOnFreePort();

    MockServerStatus status() const;   // last status received from the mock thread
    const MockConfig &config() const { return m_config; }

    // PUT /admin/config semantics (auth, latencyMs, errorRate, ...); the result is reported
    // through statusChanged, an invalid patch through runtimeConfigRejected.
    void applyRuntimeConfig(const nlohmann::json &patch);
    void resetData();

    // The exchange captured for an X-Request-Id, kept for the last 2,000 exchanges. Thread-safe.
    std::optional<core::TrafficRecord> capturedExchange(const std::string &requestId) const;

    // Blocks until the mock thread has answered a start or stop (tests, shutdown); false on
    // timeout.
    bool waitForStatus(int timeoutMs = 5000);

Q_SIGNALS:
    void statusChanged(const petstore::mock::MockServerStatus &status);
    void trafficBatch(const QVector<petstore::core::TrafficRecord> &records);
    void runtimeConfigRejected(const QString &message);
    void dataReset();

private:
    // Mock-thread side: everything below until the GUI-thread members runs on m_thread.
    void startOnMockThread(const MockConfig &config);
    void stopOnMockThread();
    void pollOnMockThread(bool force);
    void flushTrafficOnMockThread();
    void postStatus(const MockServerStatus &status);

    QThread m_thread;
    QObject *m_mockContext = nullptr;       // lives on m_thread; parent of the mock's objects
    MockServer *m_server = nullptr;         // mock thread only
    QTimer *m_pollTimer = nullptr;          // mock thread only
    QTimer *m_flushTimer = nullptr;         // mock thread only
    QVector<core::TrafficRecord> m_pending; // mock thread only
    MockServerStatus m_lastPosted;          // mock thread only
    QString m_lastError;                    // mock thread only
    bool m_lastPortBusy = false;            // mock thread only
    struct RateSample
    {
        qint64 atMs = 0;
        std::uint64_t in = 0;
        std::uint64_t out = 0;
        int inPerSecond = 0;
        int outPerSecond = 0;
    };
    RateSample m_mqttSample;                // mock thread only: the counters a second ago

    mutable std::mutex m_indexMutex;
    std::map<std::string, core::TrafficRecord> m_byRequestId;
    std::deque<std::string> m_indexOrder;

    MockConfig m_config;                    // GUI thread
    MockServerStatus m_status;              // GUI thread
    std::uint64_t m_waitTickets = 0;        // GUI thread
    std::uint64_t m_answeredTicket = 0;     // GUI thread
};

} // namespace petstore::mock

Q_DECLARE_METATYPE(petstore::mock::MockServerStatus)
