// SPDX-License-Identifier: GPL-3.0-or-later
// petstore-explorer: the desktop app (DESIGN §8). The embedded mock starts with the window on its
// own thread unless --no-mock (or the "mock/autostart" setting) says otherwise.
#include "app/explorer/explorerpalette.h"
#include "app/explorer/mainwindow.h"
#include "app/explorer/startupprobe.h"
#include "mock-server/mockserverhost.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QSettings>
#include <QStandardPaths>

#include <cstdio>
#include <cstdlib>

namespace {

// Exit code 3 = no display: script/run falls back to the headless petstore-mock.
constexpr int NoDisplayExitCode = 3;

bool hasDisplay()
{
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
    return !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") || !qEnvironmentVariableIsEmpty("DISPLAY")
        || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
#else
    return true;
#endif
}

} // namespace

int main(int argc, char **argv)
{
    QElapsedTimer sinceLaunch;
    sinceLaunch.start();
    if (!hasDisplay()) {
        std::fprintf(stderr, "petstore-explorer: no display (DISPLAY and WAYLAND_DISPLAY are unset). "
                             "Run petstore-mock for the headless mock.\n");
        return NoDisplayExitCode;
    }

    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Petstore"));
    QApplication::setApplicationName(QStringLiteral("Petstore Protocol Explorer"));
    QApplication::setApplicationVersion(QStringLiteral(PETSTORE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Explore the Modern Petstore API over every protocol."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption noMock(QStringLiteral("no-mock"), QStringLiteral("Do not start the embedded mock."));
    const QCommandLineOption httpPort(QStringLiteral("http-port"),
                                      QStringLiteral("Embedded mock HTTP port (0 = any free port)."),
                                      QStringLiteral("port"));
    const QCommandLineOption mqttPort(QStringLiteral("mqtt-port"),
                                      QStringLiteral("Embedded mock MQTT port (0 = any free port)."),
                                      QStringLiteral("port"));
    const QCommandLineOption grpcPort(QStringLiteral("grpc-port"),
                                      QStringLiteral("Embedded mock gRPC port (0 = any free port, off = no gRPC listener)."),
                                      QStringLiteral("port"));
    const QCommandLineOption dark(QStringLiteral("dark"), QStringLiteral("Use the dark palette."));
    const QCommandLineOption light(QStringLiteral("light"), QStringLiteral("Use the light palette."));
    const QCommandLineOption startupReport(QStringLiteral("startup-report"),
                                           QStringLiteral("Print launch timings as JSON and quit."));
    parser.addOptions({noMock, httpPort, mqttPort, grpcPort, dark, light, startupReport});
    parser.process(app);

    if (parser.isSet(dark))
        petstore::explorer::ExplorerPalette::apply(petstore::explorer::ExplorerPalette::dark());
    else if (parser.isSet(light))
        petstore::explorer::ExplorerPalette::apply(petstore::explorer::ExplorerPalette::light());

    QSettings settings;
    const QString dataDirectory = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dataDirectory);

    petstore::mock::MockServerHost mock;
    petstore::mock::MockConfig config;
    config.httpPort = settings.value(QStringLiteral("mock/httpPort"), 8080).toInt();
    config.mqtt.port = settings.value(QStringLiteral("mock/mqttPort"), 1883).toInt();
    config.grpc.port = settings.value(QStringLiteral("mock/grpcPort"), 50051).toInt();
    for (const auto &[option, target] : {std::pair{&httpPort, &config.httpPort}, std::pair{&mqttPort, &config.mqtt.port},
                                         std::pair{&grpcPort, &config.grpc.port}}) {
        if (!parser.isSet(*option))
            continue;
        if (option == &grpcPort && parser.value(*option) == QLatin1String("off")) {
            *target = -1;
            continue;
        }
        bool ok = false;
        const int port = parser.value(*option).toInt(&ok);
        if (!ok || port < 0 || port > 65535) {
            std::fprintf(stderr, "petstore-explorer: --%s must be 0..65535\n", qPrintable(option->names().first()));
            return 2;
        }
        *target = port;
    }
    const bool startMock = !parser.isSet(noMock) && settings.value(QStringLiteral("mock/autostart"), true).toBool();
    if (startMock)
        mock.start(config);

    petstore::explorer::MainWindow window(settings, mock, dataDirectory);
    if (parser.isSet(startupReport))
        new petstore::explorer::StartupProbe(sinceLaunch, window, mock, startMock, &window);
    window.show();
    return app.exec();
}
