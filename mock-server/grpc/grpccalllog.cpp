// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/grpc/grpccalllog.h"

#include "core/petstore/domaintime.h"
#include "core/protocols/grpc/grpcmessagejson.h"
#include "mock-server/grpc/grpcerrorstatus.h"


namespace petstore::mock {

GrpcExchange::GrpcExchange(GrpcCallLog *log, std::string method, std::string peer, std::string tenantId) : m_log(log)
{
    m_clock.start();
    m_record.time = core::systemNow();
    m_record.protocol = "grpc";
    m_record.method = "POST";
    m_record.path = std::move(method);
    m_record.client = std::move(peer);
    m_record.tenantId = std::move(tenantId);
    m_log->m_running.insert(this);
    ++m_log->m_total;
}

GrpcExchange::~GrpcExchange()
{
    finish(grpc::Status(grpc::StatusCode::CANCELLED, "the call ended without a status"));
}

void GrpcExchange::abort(const grpc::Status &status)
{
    if (m_abort)
        m_abort(status);
    else
        finish(status);
}

void GrpcCallLog::abortAll(const grpc::Status &status)
{
    const std::set<GrpcExchange *> running = m_running;
    for (GrpcExchange *exchange : running)
        if (m_running.count(exchange))
            exchange->abort(status);
}

void GrpcExchange::capture(const google::protobuf::Message &message, int count, std::string &into)
{
    // Serializing is cheap; printing JSON for every call was most of a unary call's cost.
    if (count < CapturedMessages && into.size() < CapturedBytes)
        into += core::GrpcMessageJson::frame(message.SerializeAsString());
}

void GrpcExchange::received(const google::protobuf::Message &message)
{
    m_record.requestBytes += message.ByteSizeLong() + 5;   // each message has a 5-byte prefix
    capture(message, m_in++, m_record.rawRequest);
}

void GrpcExchange::sent(const google::protobuf::Message &message)
{
    m_record.responseBytes += message.ByteSizeLong() + 5;
    capture(message, m_out++, m_record.rawResponse);
}

void GrpcExchange::finish(const grpc::Status &status)
{
    if (m_finished)
        return;
    m_finished = true;
    m_log->m_running.erase(this);
    m_record.durationMs = double(m_clock.nsecsElapsed()) / 1e6;
    m_record.status = int(status.error_code());
    std::string summary = m_record.path + " -> " + grpcStatusName(status.error_code());
    if (!status.ok() && !status.error_message().empty())
        summary += " (" + status.error_message().substr(0, 120) + ")";
    m_record.summary = summary + ", " + std::to_string(m_in) + " in, " + std::to_string(m_out) + " out";
    if (m_log->m_sink)
        m_log->m_sink(std::move(m_record));
}

} // namespace petstore::mock
