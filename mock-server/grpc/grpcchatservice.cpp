// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/grpc/grpcchatservice.h"

#include "mock-server/grpc/grpcchatsession.h"

namespace petstore::mock {

grpc::ServerBidiReactor<v1::ChatRequest, v1::ChatResponse> *GrpcChatService::Chat(grpc::CallbackServerContext *call)
{
    return new GrpcChatSession(m_context, call);
}

} // namespace petstore::mock
