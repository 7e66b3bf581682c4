// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/traffic/trafficrecord.h"

#include <google/protobuf/message.h>
#include <grpcpp/support/status.h>

#include <QElapsedTimer>

#include <cstdint>
#include <functional>
#include <set>
#include <string>

namespace petstore::mock {

class GrpcExchange;

// The gRPC calls of one server, on the mock thread: how many run now (the Mock server dock's
// "active calls"), how many ran, and one Traffic record per finished call.
class GrpcCallLog
{
public:
    using Sink = std::function<void(core::TrafficRecord)>;
    explicit GrpcCallLog(Sink sink) : m_sink(std::move(sink)) {}

    int activeCalls() const { return int(m_running.size()); }
    std::uint64_t totalCalls() const { return m_total; }
    // Ends every running call with `status` (the mock is stopping), so gRPC's shutdown has no
    // call left to wait for.
    void abortAll(const grpc::Status &status);

private:
    friend class GrpcExchange;
    Sink m_sink;
    std::set<GrpcExchange *> m_running;
    std::uint64_t m_total = 0;
};

// One call as the Traffic dock shows it: method, status, duration, messages in and out, and
// the first few messages each way as their wire frames (decoded only when someone looks:
// core::GrpcMessageJson). Mock thread only; created when the call is admitted, finished once.
class GrpcExchange
{
public:
    static constexpr int CapturedMessages = 16;
    static constexpr std::size_t CapturedBytes = 64 * 1024;   // per direction

    GrpcExchange(GrpcCallLog *log, std::string method, std::string peer, std::string tenantId);
    GrpcExchange(const GrpcExchange &) = delete;
    GrpcExchange &operator=(const GrpcExchange &) = delete;
    ~GrpcExchange();

    void received(const google::protobuf::Message &message);
    void sent(const google::protobuf::Message &message);
    void setTenant(std::string tenantId) { m_record.tenantId = std::move(tenantId); }
    // How the call's owner ends it early (GrpcCallLog::abortAll); without one, abortAll just
    // records the status.
    void onAbort(std::function<void(const grpc::Status &)> abort) { m_abort = std::move(abort); }
    void abort(const grpc::Status &status);
    // Records the call with its final status; later calls do nothing.
    void finish(const grpc::Status &status);

private:
    static void capture(const google::protobuf::Message &message, int count, std::string &into);

    GrpcCallLog *m_log;
    core::TrafficRecord m_record;
    QElapsedTimer m_clock;
    int m_in = 0;
    int m_out = 0;
    bool m_finished = false;
    std::function<void(const grpc::Status &)> m_abort;
};

} // namespace petstore::mock
