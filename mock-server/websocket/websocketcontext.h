// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/petstore/domainevents.h"
#include "core/petstore/tenantregistry.h"
#include "mock-server/http/authmiddleware.h"
#include "mock-server/mockconfig.h"
#include "mock-server/websocket/websocketframerecorder.h"

#include <QWebSocket>

#include <optional>
#include <string>

namespace petstore::mock {

// What the WebSocket endpoints share with the rest of the mock: live configuration, the tenant
// stores, the event bus, token verification and the traffic recorder. All on the mock thread.
struct WebSocketContext
{
    const MockConfig *config = nullptr;
    core::TenantRegistry *tenants = nullptr;
    core::DomainEventBus *bus = nullptr;
    const AuthMiddleware *auth = nullptr;
    WebSocketFrameRecorder *recorder = nullptr;
};

// Who is on the other end of a chat or event connection.
struct WebSocketCaller
{
    std::string tenantId;
    core::Store *store = nullptr;
    std::optional<AuthMiddleware::Identity> identity;
};

// Tenant and credentials of a new connection, from `?tenant=` / X-Tenant-ID and `?token=` /
// Authorization: Bearer (browsers cannot set headers on WebSocket). Closes the socket with
// 4401 for a bad token, or a missing one when auth is `required` (unless `tokenMayFollow`: a
// protocol that sends credentials in its first message), and 1008 for an unknown tenant;
// returns nothing then.
std::optional<WebSocketCaller> admitWebSocketCaller(QWebSocket *socket, const WebSocketContext &context,
                                                    bool tokenMayFollow = false);

} // namespace petstore::mock
