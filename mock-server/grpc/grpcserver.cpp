// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/grpc/grpcserver.h"

#include "mock-server/grpc/grpcchatservice.h"
#include "mock-server/grpc/grpchealthservice.h"
#include "mock-server/grpc/grpcorderservice.h"
#include "mock-server/grpc/grpcpetservice.h"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/security/server_credentials.h>
#include <grpcpp/server_builder.h>

#include <QFile>

#include <atomic>
#include <thread>

namespace petstore::mock {

namespace {

core::Result<std::string> readPem(const std::string &path)
{
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly))
        return core::Error::make(core::ErrorKind::Validation, "cannot read " + path + ": " + file.errorString().toStdString());
    return file.readAll().toStdString();
}

core::Result<std::shared_ptr<grpc::ServerCredentials>> credentials(const MockConfig &config)
{
    if (config.tlsCertFile.empty() && config.tlsKeyFile.empty())
        return grpc::InsecureServerCredentials();
    auto certificate = readPem(config.tlsCertFile);
    if (!certificate.ok())
        return certificate.error();
    auto key = readPem(config.tlsKeyFile);
    if (!key.ok())
        return key.error();
    grpc::SslServerCredentialsOptions options;
    options.pem_key_cert_pairs.push_back({key.value(), certificate.value()});
    return grpc::SslServerCredentials(options);
}

std::string listenAddress(const MockConfig &config)
{
    const bool ipv6 = config.bind.find(':') != std::string::npos;
    return (ipv6 ? "[" + config.bind + "]" : config.bind) + ":" + std::to_string(config.grpc.port);
}

} // namespace

GrpcServer::GrpcServer(Environment environment)
    : m_log(std::move(environment.traffic)), m_timers(std::make_unique<QObject>()),
      m_context{&m_queue,        environment.config,   environment.tenants, environment.bus,
                environment.auth, environment.payments, &m_log,              m_timers.get()}
{
    m_pets = std::make_unique<GrpcPetService>(m_context);
    m_orders = std::make_unique<GrpcOrderService>(m_context);
    m_chat = std::make_unique<GrpcChatService>(m_context);
    m_health = std::make_unique<GrpcHealthService>(
        m_context, std::set<std::string>{"petstore.v1.PetService", "petstore.v1.OrderService", "petstore.v1.ChatService"});
}

GrpcServer::~GrpcServer()
{
    stop();
}

core::Result<std::unique_ptr<GrpcServer>> GrpcServer::start(Environment environment)
{
    const MockConfig &config = *environment.config;
    auto creds = credentials(config);
    if (!creds.ok())
        return creds.error();
    std::unique_ptr<GrpcServer> server(new GrpcServer(std::move(environment)));
    // Adds grpc.reflection.v1alpha.ServerReflection to every server built after this call.
    grpc::reflection::InitProtoReflectionServerBuilderPlugin();
    grpc::ServerBuilder builder;
    const std::string address = listenAddress(config);
    builder.AddListeningPort(address, creds.value(), &server->m_port);
    builder.RegisterService(server->m_pets.get());
    builder.RegisterService(server->m_orders.get());
    builder.RegisterService(server->m_chat.get());
    builder.RegisterService(server->m_health.get());
    builder.SetMaxReceiveMessageSize(config.grpc.maxMessageBytes);
    builder.SetMaxSendMessageSize(config.grpc.maxMessageBytes);
    // Keepalive policy (grpc/doc/keepalive.md): clients may ping, also without calls, but not
    // more often than keepaliveMinIntervalMs; two strikes and the connection gets GOAWAY.
    builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 1);
    builder.AddChannelArgument(GRPC_ARG_HTTP2_MIN_RECV_PING_INTERVAL_WITHOUT_DATA_MS, config.grpc.keepaliveMinIntervalMs);
    builder.AddChannelArgument(GRPC_ARG_HTTP2_MAX_PING_STRIKES, 2);
    server->m_server = builder.BuildAndStart();
    if (!server->m_server || server->m_port == 0) {
        server->m_server.reset();
        // grpc++ does not say why a port could not be bound; a taken port is by far the most
        // common reason, and Conflict lets hosts offer another one.
        return core::Error::make(config.grpc.port != 0 ? core::ErrorKind::Conflict : core::ErrorKind::Internal,
                                 "cannot listen for gRPC on " + address + ": the address is in use or not available");
    }
    server->m_tls = !config.tlsCertFile.empty();
    return server;
}

void GrpcServer::stop()
{
    if (!m_server)
        return;
    const grpc::Status stopping(grpc::StatusCode::UNAVAILABLE, "the mock is stopping");
    m_health->setAll(grpc::health::v1::HealthCheckResponse::NOT_SERVING);
    m_log.abortAll(stopping);
    // The grace period is for calls this thread has yet to finish; gRPC's own shutdown deadline
    // would also wait that long for idle client connections to go, which helps nobody.
    const auto grace = std::chrono::steady_clock::now() + std::chrono::milliseconds(m_context.config->grpc.shutdownGraceMs);
    do
        m_queue.drainFor(5);
    while (m_log.activeCalls() > 0 && std::chrono::steady_clock::now() < grace);
    // A short deadline, not none: calls that just finished may still have their last bytes in
    // the transport, which an immediate shutdown can drop. Idle connections keep Shutdown
    // waiting for the whole deadline, so it stays short.
    std::atomic<bool> done{false};
    std::thread shutdown([this, &done] {
        m_server->Shutdown(std::chrono::system_clock::now() + std::chrono::milliseconds(100));
        done = true;
    });
    // Calls still on their way to this thread must get here to finish.
    while (!done) {
        m_queue.drainFor(5);
        m_log.abortAll(stopping);
    }
    shutdown.join();
    m_queue.drain();
    m_server.reset();
    m_queue.drain();
    m_timers.reset();
}

} // namespace petstore::mock
