// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/mockserverhost.h"

#include "mock-server/mockserver.h"
#include "mock-server/mqtt/mqttbroker.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>

namespace petstore::mock {

namespace {

constexpr int PollIntervalMs = 250;
// At most 20 traffic batches a second reach the GUI, however fast the mock serves.
constexpr int FlushIntervalMs = 50;
constexpr std::size_t IndexCapacity = 2000;

bool sameStatus(const MockServerStatus &a, const MockServerStatus &b)
{
    return a.running == b.running && a.httpPort == b.httpPort && a.bind == b.bind && a.error == b.error
           && a.portBusy == b.portBusy && a.requestCount == b.requestCount
           && a.activeConnections == b.activeConnections && a.authMode == b.authMode
           && a.latencyMs == b.latencyMs && a.errorRate == b.errorRate && a.sseSubscribers == b.sseSubscribers
           && a.chatStreams == b.chatStreams && a.webSocketConnections == b.webSocketConnections
           && a.mqttPort == b.mqttPort && a.mqttClients == b.mqttClients && a.mqttInPerSecond == b.mqttInPerSecond
           && a.mqttOutPerSecond == b.mqttOutPerSecond && a.grpcPort == b.grpcPort
           && a.grpcActiveCalls == b.grpcActiveCalls && a.grpcCalls == b.grpcCalls;
}

} // namespace

MockServerHost::MockServerHost(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<MockServerStatus>();
    qRegisterMetaType<QVector<core::TrafficRecord>>();
    m_thread.setObjectName(QStringLiteral("petstore-mock"));
    m_mockContext = new QObject;
    m_mockContext->moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(m_mockContext, [this] {
        m_pollTimer = new QTimer(m_mockContext);
        m_pollTimer->setInterval(PollIntervalMs);
        connect(m_pollTimer, &QTimer::timeout, m_mockContext, [this] { pollOnMockThread(false); });
        m_flushTimer = new QTimer(m_mockContext);
        m_flushTimer->setInterval(FlushIntervalMs);
        m_flushTimer->setSingleShot(true);
        connect(m_flushTimer, &QTimer::timeout, m_mockContext, [this] { flushTrafficOnMockThread(); });
    }, Qt::BlockingQueuedConnection);
}

MockServerHost::~MockServerHost()
{
    QMetaObject::invokeMethod(m_mockContext, [this] {
        stopOnMockThread();
        delete m_mockContext;   // its timers go with it, on their own thread
        m_mockContext = nullptr;
    }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void MockServerHost::start(const MockConfig &config)
{
    m_config = config;
    QMetaObject::invokeMethod(m_mockContext, [this, config] { startOnMockThread(config); }, Qt::QueuedConnection);
}

void MockServerHost::startOnFreePort()
{
    MockConfig config = m_config;
    config.useFreePorts();
    start(config);
}

void MockServerHost::stop()
{
    QMetaObject::invokeMethod(m_mockContext, [this] {
        stopOnMockThread();
        pollOnMockThread(true);
    }, Qt::QueuedConnection);
}

MockServerStatus MockServerHost::status() const
{
    return m_status;
}

void MockServerHost::applyRuntimeConfig(const nlohmann::json &patch)
{
    QMetaObject::invokeMethod(m_mockContext, [this, patch] {
        if (!m_server) {
            QMetaObject::invokeMethod(this, [this] { Q_EMIT runtimeConfigRejected(tr("The mock is not running.")); });
            return;
        }
        const auto applied = m_server->applyRuntimeConfig(patch);
        if (!applied.ok()) {
            QString message = QString::fromStdString(applied.error().message);
            for (const auto &field : applied.error().fields)
                message += QStringLiteral("; %1: %2").arg(QString::fromStdString(field.field), QString::fromStdString(field.message));
            QMetaObject::invokeMethod(this, [this, message] { Q_EMIT runtimeConfigRejected(message); });
        }
        pollOnMockThread(true);
    }, Qt::QueuedConnection);
}

void MockServerHost::resetData()
{
    QMetaObject::invokeMethod(m_mockContext, [this] {
        if (!m_server)
            return;
        m_server->resetData();
        QMetaObject::invokeMethod(this, [this] { Q_EMIT dataReset(); });
    }, Qt::QueuedConnection);
}

std::optional<core::TrafficRecord> MockServerHost::capturedExchange(const std::string &requestId) const
{
    const std::lock_guard<std::mutex> lock(m_indexMutex);
    const auto it = m_byRequestId.find(requestId);
    if (it == m_byRequestId.end())
        return std::nullopt;
    return it->second;
}

bool MockServerHost::waitForStatus(int timeoutMs)
{
    // A round trip through the mock thread: once it answers, every earlier request (start,
    // stop, config) has been handled and its status posted ahead of the answer.
    const std::uint64_t ticket = ++m_waitTickets;
    QMetaObject::invokeMethod(m_mockContext, [this, ticket] {
        pollOnMockThread(true);
        QMetaObject::invokeMethod(this, [this, ticket] { m_answeredTicket = ticket; }, Qt::QueuedConnection);
    }, Qt::QueuedConnection);
    const QDeadlineTimer deadline(timeoutMs);
    while (m_answeredTicket < ticket && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    return m_answeredTicket >= ticket;
}

void MockServerHost::startOnMockThread(const MockConfig &config)
{
    stopOnMockThread();
    m_server = new MockServer(config, m_mockContext);
    connect(m_server, &MockServer::exchangeCompleted, m_mockContext, [this](const core::TrafficRecord &record) {
        if (!record.requestId.empty()) {
            const std::lock_guard<std::mutex> lock(m_indexMutex);
            if (m_byRequestId.emplace(record.requestId, record).second)
                m_indexOrder.push_back(record.requestId);
            while (m_indexOrder.size() > IndexCapacity) {
                m_byRequestId.erase(m_indexOrder.front());
                m_indexOrder.pop_front();
            }
        }
        m_pending.push_back(record);
        if (!m_flushTimer->isActive())
            m_flushTimer->start();
    });
    const auto started = m_server->start();
    if (started.ok()) {
        m_lastError.clear();
        m_lastPortBusy = false;
        m_pollTimer->start();
    } else {
        m_lastError = QString::fromStdString(started.error().message);
        m_lastPortBusy = started.error().kind == core::ErrorKind::Conflict;
        delete m_server;
        m_server = nullptr;
    }
    pollOnMockThread(true);
}

void MockServerHost::stopOnMockThread()
{
    if (!m_server)
        return;
    m_pollTimer->stop();
    m_server->stop();
    flushTrafficOnMockThread();
    delete m_server;
    m_server = nullptr;
    m_lastError.clear();
    m_lastPortBusy = false;
}

void MockServerHost::pollOnMockThread(bool force)
{
    MockServerStatus status;
    const MockConfig &config = m_server ? m_server->config() : MockConfig();
    status.running = m_server && m_server->isRunning();
    status.httpPort = status.running ? m_server->httpPort() : 0;
    status.bind = QString::fromStdString(m_server ? config.bind : std::string("127.0.0.1"));
    status.error = m_lastError;
    status.portBusy = m_lastPortBusy;
    status.requestCount = m_server ? m_server->requestCount() : 0;
    status.activeConnections = m_server ? m_server->activeConnections() : 0;
    status.authMode = QString::fromStdString(toString(m_server ? config.auth : AuthMode::None));
    status.latencyMs = m_server ? config.latencyMs : 0;
    status.errorRate = m_server ? config.errorRate : 0.0;
    status.sseSubscribers = m_server ? m_server->sseSubscribers() : 0;
    status.chatStreams = m_server ? m_server->chatStreams() : 0;
    status.webSocketConnections = m_server ? m_server->webSocketConnections() : 0;
    status.grpcPort = m_server ? m_server->grpcPort() : 0;
    status.grpcActiveCalls = m_server ? m_server->grpcActiveCalls() : 0;
    status.grpcCalls = m_server ? m_server->grpcCalls() : 0;
    if (MqttBroker *broker = m_server ? m_server->mqttBroker() : nullptr) {
        status.mqttPort = m_server->mqttPort();
        status.mqttClients = broker->connectedClients();
        // Rates over the last second, sampled by the 4 Hz poll.
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const auto &stats = broker->statistics();
        RateSample &sample = m_mqttSample;
        if (now - sample.atMs >= 1000 || stats.publishReceived < sample.in) {
            // A restarted broker counts from zero again: its first second has no rate.
            const bool comparable = sample.atMs != 0 && stats.publishReceived >= sample.in;
            const double seconds = double(now - sample.atMs) / 1000.0;
            sample.inPerSecond = comparable ? int(double(stats.publishReceived - sample.in) / seconds) : 0;
            sample.outPerSecond = comparable ? int(double(stats.publishSent - sample.out) / seconds) : 0;
            sample.atMs = now;
            sample.in = stats.publishReceived;
            sample.out = stats.publishSent;
        }
        status.mqttInPerSecond = sample.inPerSecond;
        status.mqttOutPerSecond = sample.outPerSecond;
    }
    if (!force && sameStatus(status, m_lastPosted))
        return;
    m_lastPosted = status;
    postStatus(status);
}

void MockServerHost::postStatus(const MockServerStatus &status)
{
    QMetaObject::invokeMethod(this, [this, status] {
        m_status = status;
        Q_EMIT statusChanged(status);
    }, Qt::QueuedConnection);
}

void MockServerHost::flushTrafficOnMockThread()
{
    if (m_pending.isEmpty())
        return;
    QVector<core::TrafficRecord> batch;
    batch.swap(m_pending);
    QMetaObject::invokeMethod(this, [this, batch] { Q_EMIT trafficBatch(batch); }, Qt::QueuedConnection);
}

} // namespace petstore::mock
