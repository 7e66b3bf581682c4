// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/petstore/domainenums.h"
#include "core/result.h"
#include "mock-server/graphql/graphqlconfig.h"
#include "mock-server/grpc/grpcconfig.h"
#include "mock-server/mqtt/mqttconfig.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace petstore::mock {

enum class AuthMode { None, Required };

struct ApiKey
{
    std::string key;
    std::string userId;       // acts as this user
    core::Role role = core::Role::Customer;
    std::vector<std::string> scopes;
};

// Pushed streams: SSE, streamed chat and WebSocket (DESIGN §7).
struct StreamingConfig
{
    int heartbeatMs = 15000;            // SSE comment line when a stream has been quiet this long
    int retryMs = 3000;                 // the SSE `retry:` hint sent when a stream opens
    int chatTokenDelayMs = 40;          // pacing between streamed chat tokens
    int maxQueueBytes = 1024 * 1024;    // unsent bytes a slow consumer may owe before it is dropped
    int replayEvents = 1000;            // events kept for SSE Last-Event-ID replay
    int maxMessageBytes = 64 * 1024;    // largest WebSocket message accepted (bigger: close 1009)
};

// Everything an operator can tune: from flags, the --config JSON file, PUT /admin/config and
// the GUI's Mock server dock. Runtime members (auth .. paymentDelayMs) change live; listener
// members (bind, ports) apply at the next start.
struct MockConfig
{
    std::string bind = "127.0.0.1";
    int httpPort = 8080;
    std::string seedFile;               // empty: the seed compiled in (resources/seed/petstore.json)
    std::string dataFile;               // SQLite file for --data persistence; empty: memory only
    std::string tlsCertFile;            // PEM; with tlsKeyFile, MQTT also listens with TLS (mqtt.tlsPort)
    std::string tlsKeyFile;
    MqttConfig mqtt;
    GraphQLConfig graphql;
    GrpcConfig grpc;

    AuthMode auth = AuthMode::None;
    int latencyMs = 0;
    double errorRate = 0.0;
    int rateLimitCapacity = 1000;       // tokens per client; 0 = unlimited
    int rateLimitRefillPerSecond = 100;
    int maxBodyBytes = 1024 * 1024;
    int maxHeaderBytes = 16 * 1024;
    int paymentDelayMs = 1500;
    StreamingConfig streaming;
    int tokenTtlSeconds = 3600;
    std::string jwtSecret;              // random per start when empty
    std::vector<ApiKey> apiKeys;

    // Moves every listener that is on to a port the OS picks (tests, "Use a free port"); a
    // listener that is off stays off.
    void useFreePorts();
    // The runtime members as served by GET /admin/config (never the secret or the keys).
    nlohmann::json runtimeJson() const;
    // Applies a partial runtime object (PUT /admin/config); every invalid member is reported.
    core::Status applyRuntimeJson(const nlohmann::json &patch);
    // Reads a --config file's document: runtime members plus bind, httpPort, jwtSecret, apiKeys,
    // the broker's `mqtt` object, GraphQL's `graphql` limits and the `grpc` listener.
    core::Status applyFileJson(const nlohmann::json &document);
};

std::string toString(AuthMode mode);

} // namespace petstore::mock
