// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mock-server/grpc/grpcoutbox.h"
#include "mock-server/grpc/grpcservicecontext.h"

#include "petstore/v1/chat_service.pb.h"

#include <grpcpp/support/server_callback.h>

#include <QObject>

#include <atomic>
#include <memory>

namespace petstore::mock {

// One ChatService.Chat stream. Each user message is acknowledged (Delivered), then the agent
// types and answers from the caller's tenant store, paced like /v1/ws/chat
// (streaming.chatTokenDelayMs). When the client half-closes, the stream ends with OK after the
// answers still owed. A malformed message ends it with INVALID_ARGUMENT.
class GrpcChatSession : public grpc::ServerBidiReactor<v1::ChatRequest, v1::ChatResponse>
{
public:
    static constexpr int MaxTextLength = 4000;          // as /v1/ws/chat
    static constexpr int MaxClientMessageIdLength = 128;

    GrpcChatSession(const GrpcServiceContext &context, grpc::CallbackServerContext *call);

    void OnReadDone(bool ok) override;
    void OnWriteDone(bool ok) override { m_outbox.written(ok); }
    void OnCancel() override;
    void OnDone() override;

private:
    // Mock thread.
    void onRequest(const v1::ChatRequest &request);
    void answer(const std::string &question);
    void send(v1::ChatResponse message);
    void endIfIdle();
    int agentDelayMs() const;

    const GrpcServiceContext &m_context;
    GrpcOutbox<v1::ChatResponse> m_outbox;
    v1::ChatRequest m_incoming;
    std::unique_ptr<GrpcExchange> m_exchange;
    std::unique_ptr<QObject> m_timers;   // the agent's pending replies die with the session
    GrpcCaller m_caller;
    bool m_halfClosed = false;
    int m_pendingAnswers = 0;
    int m_nextMessage = 1;
    std::atomic<bool> m_cancelled{false};
};

} // namespace petstore::mock
