// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/websocket/websocketcontext.h"

#include <QUrlQuery>

namespace petstore::mock {

namespace {

// 4401: the application range (RFC 6455 §7.4.2) mirroring HTTP 401, as the issue documents.
constexpr int CloseUnauthorized = 4401;

} // namespace

std::optional<WebSocketCaller> admitWebSocketCaller(QWebSocket *socket, const WebSocketContext &context, bool tokenMayFollow)
{
    const QUrlQuery query(socket->requestUrl());
    const QNetworkRequest &request = socket->request();
    QString tenant = QString::fromUtf8(request.rawHeader("X-Tenant-ID"));
    if (tenant.isEmpty())
        tenant = query.queryItemValue(QStringLiteral("tenant"), QUrl::FullyDecoded);
    WebSocketCaller caller;
    caller.tenantId = tenant.isEmpty() ? core::TenantRegistry::DefaultTenant : tenant.toStdString();
    auto store = context.tenants->store(caller.tenantId);
    if (!store.ok()) {
        context.recorder->close(socket, QWebSocketProtocol::CloseCodePolicyViolated,
                                QString::fromStdString(store.error().message).left(120));
        return std::nullopt;
    }
    caller.store = store.value();

    QString token = query.queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded);
    const QString authorization = QString::fromUtf8(request.rawHeader("Authorization"));
    if (token.isEmpty() && authorization.startsWith(QLatin1String("Bearer "), Qt::CaseInsensitive))
        token = authorization.mid(7).trimmed();
    if (token.isEmpty()) {
        if (context.config->auth == AuthMode::Required && !tokenMayFollow) {
            context.recorder->close(socket, CloseUnauthorized, QStringLiteral("unauthorized: a token is required (?token=)"));
            return std::nullopt;
        }
        return caller;
    }
    auto identity = context.auth->verifyBearer(token.toStdString(), caller.tenantId);
    if (!identity.ok()) {
        // Close reasons must fit a control frame: 123 bytes after the code (RFC 6455 §5.5).
        context.recorder->close(socket, CloseUnauthorized,
                                QString::fromStdString("unauthorized: " + identity.error().message).left(120));
        return std::nullopt;
    }
    caller.identity = identity.value();
    return caller;
}

} // namespace petstore::mock
