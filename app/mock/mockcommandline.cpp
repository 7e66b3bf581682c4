// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/mock/mockcommandline.h"

#include <QCommandLineParser>
#include <QFile>

namespace petstore::app {

namespace {

MockCommandLine::Outcome failure(const QString &message)
{
    return {2, ("petstore-mock: " + message + "\nTry 'petstore-mock --help'.\n").toStdString()};
}

} // namespace

MockCommandLine::Outcome MockCommandLine::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Stateful mock of the Modern Petstore API (headless). Prints one JSON line when ready."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    const QCommandLineOption version(QStringLiteral("version"), QStringLiteral("Show the version."));
    const QCommandLineOption httpPort(QStringLiteral("http-port"), QStringLiteral("HTTP port (0 picks a free one). Default 8080."), QStringLiteral("PORT"));
    const QCommandLineOption mqttPort(QStringLiteral("mqtt-port"), QStringLiteral("MQTT port (0 picks a free one). Default 1883."), QStringLiteral("PORT"));
    const QCommandLineOption grpcPort(QStringLiteral("grpc-port"), QStringLiteral("gRPC port (0 picks a free one, off disables gRPC). Default 50051."), QStringLiteral("PORT"));
    const QCommandLineOption tlsCert(QStringLiteral("tls-cert"), QStringLiteral("PEM certificate: MQTT also listens with TLS (mqtt.tlsPort, default 8883) and gRPC serves TLS only."), QStringLiteral("FILE"));
    const QCommandLineOption tlsKey(QStringLiteral("tls-key"), QStringLiteral("PEM private key of --tls-cert."), QStringLiteral("FILE"));
    const QCommandLineOption bind(QStringLiteral("bind"), QStringLiteral("Address to bind. Default 127.0.0.1."), QStringLiteral("ADDRESS"));
    const QCommandLineOption config(QStringLiteral("config"), QStringLiteral("JSON configuration file (docs/headless.md)."), QStringLiteral("FILE"));
    const QCommandLineOption data(QStringLiteral("data"), QStringLiteral("Persist the store in this SQLite file and restore it at start."), QStringLiteral("FILE"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Seed document instead of the built-in one."), QStringLiteral("FILE"));
    const QCommandLineOption auth(QStringLiteral("auth"), QStringLiteral("none (default) or required."), QStringLiteral("MODE"));
    const QCommandLineOption latency(QStringLiteral("latency"), QStringLiteral("Latency added to every response, in ms."), QStringLiteral("MS"));
    const QCommandLineOption log(QStringLiteral("log"), QStringLiteral("Exchange log on stdout: text (default), json or none."), QStringLiteral("FORMAT"));
    const QCommandLineOption readyFile(QStringLiteral("ready-file"), QStringLiteral("Also write the ready line to this file."), QStringLiteral("FILE"));
    parser.addOptions({help, version, httpPort, mqttPort, grpcPort, tlsCert, tlsKey, bind, config, data, seed, auth, latency, log, readyFile});

    if (!parser.parse(arguments))
        return failure(parser.errorText());
    if (parser.isSet(help))
        return {0, parser.helpText().toStdString()};
    if (parser.isSet(version))
        return {0, "petstore-mock " PETSTORE_VERSION "\n"};
    if (!parser.positionalArguments().isEmpty())
        return failure(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));

    // The config file first, so flags override it.
    if (parser.isSet(config)) {
        QFile file(parser.value(config));
        if (!file.open(QIODevice::ReadOnly))
            return failure(QStringLiteral("cannot read config file %1: %2").arg(file.fileName(), file.errorString()));
        const nlohmann::json document = nlohmann::json::parse(file.readAll().toStdString(), nullptr, false);
        if (document.is_discarded())
            return failure(QStringLiteral("config file %1 is not valid JSON").arg(file.fileName()));
        if (auto applied = m_config.applyFileJson(document); !applied.ok()) {
            const auto &error = applied.error();
            const std::string where = error.fields.empty() ? std::string() : " at " + error.fields.front().field + ": " + error.fields.front().message;
            return failure(QStringLiteral("config file %1: %2%3").arg(file.fileName(), QString::fromStdString(error.message), QString::fromStdString(where)));
        }
    }
    if (parser.value(grpcPort) == QLatin1String("off"))
        m_config.grpc.port = -1;
    for (const auto &[option, target] : {std::pair{&httpPort, &m_config.httpPort}, std::pair{&mqttPort, &m_config.mqtt.port},
                                         std::pair{&grpcPort, &m_config.grpc.port}}) {
        if (!parser.isSet(*option) || (option == &grpcPort && m_config.grpc.port == -1))
            continue;
        bool ok = false;
        const int port = parser.value(*option).toInt(&ok);
        if (!ok || port < 0 || port > 65535)
            return failure(QStringLiteral("--%1 must be 0..65535, not '%2'").arg(option->names().first(), parser.value(*option)));
        *target = port;
    }
    if (parser.isSet(tlsCert) != parser.isSet(tlsKey))
        return failure(QStringLiteral("--tls-cert and --tls-key go together"));
    m_config.tlsCertFile = parser.value(tlsCert).toStdString();
    m_config.tlsKeyFile = parser.value(tlsKey).toStdString();
    if (parser.isSet(bind))
        m_config.bind = parser.value(bind).toStdString();
    if (parser.isSet(data))
        m_config.dataFile = parser.value(data).toStdString();
    if (parser.isSet(seed))
        m_config.seedFile = parser.value(seed).toStdString();
    if (parser.isSet(auth)) {
        if (parser.value(auth) == QLatin1String("none"))
            m_config.auth = mock::AuthMode::None;
        else if (parser.value(auth) == QLatin1String("required"))
            m_config.auth = mock::AuthMode::Required;
        else
            return failure(QStringLiteral("--auth must be none or required, not '%1'").arg(parser.value(auth)));
    }
    if (parser.isSet(latency)) {
        bool ok = false;
        const int ms = parser.value(latency).toInt(&ok);
        if (!ok || ms < 0 || ms > 60000)
            return failure(QStringLiteral("--latency must be 0..60000 ms, not '%1'").arg(parser.value(latency)));
        m_config.latencyMs = ms;
    }
    if (parser.isSet(log)) {
        const QString value = parser.value(log);
        if (value == QLatin1String("text"))
            m_log = LogFormat::Text;
        else if (value == QLatin1String("json"))
            m_log = LogFormat::Json;
        else if (value == QLatin1String("none"))
            m_log = LogFormat::None;
        else
            return failure(QStringLiteral("--log must be text, json or none, not '%1'").arg(value));
    }
    m_readyFile = parser.value(readyFile);
    return {};
}

} // namespace petstore::app
