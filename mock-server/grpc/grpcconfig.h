// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <nlohmann/json.hpp>

namespace petstore::mock {

// The `grpc` object of the --config file and --grpc-port: the gRPC listener and what one call
// may cost (DESIGN §9: limits are explicit). Applied when the mock starts.
struct GrpcConfig
{
    int port = 50051;                         // 0: a free port; -1: no gRPC listener
    int maxMessageBytes = 4 * 1024 * 1024;    // per message, both directions (RESOURCE_EXHAUSTED beyond)
    int maxQueuedMessages = 4096;             // unsent stream messages before a slow reader is dropped
    int keepaliveMinIntervalMs = 10000;       // pings closer than this are a policy violation (GOAWAY)
    int shutdownGraceMs = 1000;               // how long stopping waits for running calls

    core::Status applyJson(const nlohmann::json &object);
    bool enabled() const { return port >= 0; }
};

} // namespace petstore::mock
