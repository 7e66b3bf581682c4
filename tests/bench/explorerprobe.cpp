// SPDX-License-Identifier: GPL-3.0-or-later
// Measures the explorer's main window under load (issue 3 performance):
//   petstore-explorer-probe ui-latency SECONDS   — embedded mock on a free port, prints a ready
//       line with the port, then samples the GUI event loop with a 2 ms timer while something
//       else (wrk) drives the mock; reports the longest stall.
//   petstore-explorer-probe traffic-memory COUNT — feeds COUNT realistic exchanges to the
//       Traffic dock in batches, as the mock would, and reports RSS before and after.
#include "app/explorer/mainwindow.h"
#include "mock-server/mockserverhost.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace petstore;

namespace {

double rssMegabytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

int uiLatency(QApplication &app, explorer::MainWindow &window, mock::MockServerHost &host, int seconds)
{
    mock::MockConfig config;
    config.useFreePorts();
    config.rateLimitCapacity = 0;   // wrk is one client: measure the UI, not the limiter
    host.start(config);
    if (!host.waitForStatus() || !host.status().running) {
        std::fprintf(stderr, "mock did not start: %s\n", qPrintable(host.status().error));
        return 1;
    }
    window.showProtocol(QStringLiteral("rest"));
    // Let the first paints and the panel's set-up finish: the measurement is about load, not launch.
    QEventLoop settle;
    QTimer::singleShot(500, &settle, &QEventLoop::quit);
    settle.exec();
    std::printf("{\"event\":\"ready\",\"port\":%u}\n", unsigned(host.status().httpPort));
    std::fflush(stdout);

    constexpr int TickMs = 2;
    std::vector<qint64> gaps;
    QElapsedTimer clock;
    clock.start();
    qint64 last = 0;
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        if (last != 0)
            gaps.push_back(now - last);
        last = now;
    });
    tick.start(TickMs);
    QTimer::singleShot(seconds * 1000, &app, &QApplication::quit);
    app.exec();

    std::sort(gaps.begin(), gaps.end());
    const auto ms = [](qint64 ns) { return double(ns) / 1e6; };
    const qint64 p99 = gaps.empty() ? 0 : gaps[gaps.size() * 99 / 100];
    const qint64 worst = gaps.empty() ? 0 : gaps.back();
    const auto status = host.status();
    std::printf("{\"event\":\"result\",\"ticks\":%zu,\"p99IntervalMs\":%.2f,\"maxIntervalMs\":%.2f,"
                "\"maxStallMs\":%.2f,\"requests\":%llu,\"rssMB\":%.1f}\n",
                gaps.size(), ms(p99), ms(worst), std::max(0.0, ms(worst) - TickMs),
                static_cast<unsigned long long>(status.requestCount), rssMegabytes());
    return 0;
}

core::TrafficRecord syntheticRecord(std::uint64_t id)
{
    core::TrafficRecord record;
    record.id = id;
    record.time = core::systemNow();
    record.client = "127.0.0.1:51234";
    record.method = "GET";
    record.path = "/v1/pets/019a0b1c-2d3e-7f40-8a1b-" + std::to_string(100000000000 + id);
    record.status = 200;
    record.durationMs = 0.4;
    record.summary = "GET " + record.path + " -> 200";
    record.requestId = "req-" + std::to_string(id);
    record.rawRequest = "GET " + record.path + " HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nUser-Agent: wrk\r\n"
                        "Accept: application/json\r\nX-Request-Id: " + record.requestId + "\r\n\r\n";
    record.rawResponse = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 420\r\n"
                         "ETag: \"8c1f\"\r\nX-Request-Id: " + record.requestId + "\r\n\r\n"
                         + std::string(420, 'x');
    record.requestBytes = record.rawRequest.size();
    record.responseBytes = record.rawResponse.size();
    return record;
}

int trafficMemory(QApplication &app, mock::MockServerHost &host, int count)
{
    app.processEvents();
    const double before = rssMegabytes();
    constexpr int Batch = 1000;
    for (int sent = 0; sent < count; sent += Batch) {
        QVector<core::TrafficRecord> batch;
        for (int i = 0; i < Batch && sent + i < count; ++i)
            batch.push_back(syntheticRecord(std::uint64_t(sent + i + 1)));
        Q_EMIT host.trafficBatch(batch);
        app.processEvents();
    }
    app.processEvents();
    const double after = rssMegabytes();
    std::printf("{\"event\":\"result\",\"records\":%d,\"rssBeforeMB\":%.1f,\"rssAfterMB\":%.1f,\"growthMB\":%.1f}\n",
                count, before, after, after - before);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QString mode = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    const int amount = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 0;
    if ((mode != QLatin1String("ui-latency") && mode != QLatin1String("traffic-memory")) || amount <= 0) {
        std::fprintf(stderr, "usage: petstore-explorer-probe ui-latency SECONDS | traffic-memory COUNT\n");
        return 2;
    }
    QTemporaryDir home;
    QSettings settings(home.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    mock::MockServerHost host;
    explorer::MainWindow window(settings, host, home.path());
    window.resize(1280, 800);
    window.show();
    return mode == QLatin1String("ui-latency") ? uiLatency(app, window, host, amount)
                                               : trafficMemory(app, host, amount);
}
