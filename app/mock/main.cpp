// SPDX-License-Identifier: GPL-3.0-or-later
// petstore-mock: the embedded mock without any GUI library, for CI jobs and containers
// (DESIGN §1, §4). Prints one JSON ready line with the bound ports; SIGINT/SIGTERM stop it
// gracefully (stop accepting, finish in-flight responses, persist, exit 0).
#include "mock-server/mockserver.h"
#include "app/mock/mockcommandline.h"
#include "app/mock/shutdownsignals.h"

#include <QCoreApplication>
#include <QFile>
#include <QTimer>

#include <cstdio>

using petstore::mock::MockServer;

namespace {

nlohmann::json ports(const MockServer &server)
{
    nlohmann::json bound{{"http", server.httpPort()}, {"mqtt", server.mqttPort()}};
    if (server.mqttTlsPort() != 0)
        bound["mqttTls"] = server.mqttTlsPort();
    if (server.grpcPort() != 0)
        bound["grpc"] = server.grpcPort();
    return bound;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("petstore-mock"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PETSTORE_VERSION));

    petstore::app::MockCommandLine commandLine;
    if (auto parsed = commandLine.parse(QCoreApplication::arguments()); parsed.exitCode >= 0) {
        std::fputs(parsed.output.c_str(), parsed.exitCode == 0 ? stdout : stderr);
        return parsed.exitCode;
    }

    MockServer server(commandLine.config());
    if (auto started = server.start(); !started.ok()) {
        std::fprintf(stderr, "petstore-mock: %s\n", started.error().message.c_str());
        return 1;
    }

    const petstore::app::LogFormat log = commandLine.logFormat();
    QObject::connect(&server, &MockServer::exchangeCompleted, &app, [log](const petstore::core::TrafficRecord &r) {
        if (log == petstore::app::LogFormat::Json)
            std::printf("%s\n", r.toJson().dump().c_str());
        else if (log == petstore::app::LogFormat::Text)
            std::printf("%s %s %s %d %.1fms\n", r.client.c_str(), r.method.c_str(), r.path.c_str(), r.status, r.durationMs);
        std::fflush(stdout);
    });

    const nlohmann::json ready = {
        {"event", "ready"},
        {"version", PETSTORE_VERSION},
        {"bind", server.config().bind},
        {"ports", ports(server)},
        {"auth", petstore::mock::toString(server.config().auth)},
        {"pid", QCoreApplication::applicationPid()},
    };
    std::printf("%s\n", ready.dump().c_str());
    std::fflush(stdout);
    if (!commandLine.readyFile().isEmpty()) {
        QFile file(commandLine.readyFile());
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(QByteArray::fromStdString(ready.dump() + '\n')) < 0) {
            std::fprintf(stderr, "petstore-mock: cannot write ready file %s\n", qPrintable(commandLine.readyFile()));
            return 1;
        }
    }

    petstore::app::ShutdownSignals signals;
    QObject::connect(&signals, &petstore::app::ShutdownSignals::received, &app, [&server, &app] {
        server.stop();
        // Let queued responses (injected latency) leave before the event loop ends.
        QTimer::singleShot(200, &app, [&app] { app.exit(0); });
    });
    return app.exec();
}
