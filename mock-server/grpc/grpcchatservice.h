// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mock-server/grpc/grpcservicecontext.h"

#include "petstore/v1/chat_service.grpc.pb.h"

namespace petstore::mock {

// petstore.v1.ChatService: the pet advisor of /v1/ws/chat (PetAdvisor) over a bidirectional
// stream (GrpcChatSession).
class GrpcChatService : public v1::ChatService::CallbackService
{
public:
    explicit GrpcChatService(const GrpcServiceContext &context) : m_context(context) {}

    grpc::ServerBidiReactor<v1::ChatRequest, v1::ChatResponse> *Chat(grpc::CallbackServerContext *call) override;

private:
    const GrpcServiceContext &m_context;
};

} // namespace petstore::mock
