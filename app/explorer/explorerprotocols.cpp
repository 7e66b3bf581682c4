// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/explorer/explorerprotocols.h"

#include "panels/common/ipanel.h"
#include "panels/rest/restpanel.h"
#include "panels/sse/ssepanel.h"
#include "panels/websocket/websocketpanel.h"

#include <QObject>

namespace petstore::explorer {

namespace {

ExplorerProtocol planned(const char *id, const QString &title, const QString &summary,
                         const QString &arrivesWith)
{
    return ExplorerProtocol{QString::fromLatin1(id), title, summary, arrivesWith, {}};
}

std::vector<ExplorerProtocol> buildList()
{
    std::vector<ExplorerProtocol> list;
    list.push_back({QStringLiteral("rest"), QObject::tr("REST"), QObject::tr("Requests and responses over HTTP/1.1"),
                    QString(), [](panels::PanelContext &context) -> std::unique_ptr<panels::IPanel> {
                        return std::make_unique<panels::RestPanel>(context);
                    }});
    list.push_back({QStringLiteral("sse"), QObject::tr("Server-Sent Events"), QObject::tr("One-way event stream over HTTP"),
                    QString(), [](panels::PanelContext &context) -> std::unique_ptr<panels::IPanel> {
                        return std::make_unique<panels::SsePanel>(context);
                    }});
    list.push_back({QStringLiteral("websocket"), QObject::tr("WebSocket"), QObject::tr("Two-way messages on one connection"),
                    QString(), [](panels::PanelContext &context) -> std::unique_ptr<panels::IPanel> {
                        return std::make_unique<panels::WebSocketPanel>(context);
                    }});
    list.push_back(planned("socketio", QObject::tr("Socket.IO"),
                           QObject::tr("Rooms, acknowledgements and reconnection"),
                           QObject::tr("the Socket.IO step")));
    list.push_back(planned("mqtt", QObject::tr("MQTT"),
                           QObject::tr("Publish/subscribe for devices, QoS 0–2"),
                           QObject::tr("the MQTT panel step (topic tree); the embedded broker already serves MQTT on the port the Mock server dock shows")));
    list.push_back(planned("webhooks", QObject::tr("Webhooks"),
                           QObject::tr("Signed HTTP callbacks into your server"),
                           QObject::tr("the webhooks step (inbox)")));
    list.push_back(planned("callbacks", QObject::tr("OpenAPI callbacks"),
                           QObject::tr("Per-request callback URLs"),
                           QObject::tr("the webhooks and callbacks step")));
    list.push_back(planned("graphql", QObject::tr("GraphQL"),
                           QObject::tr("Queries, mutations and subscriptions"),
                           QObject::tr("the GraphQL panel step (editor); the embedded mock already serves GraphQL at /v1/graphql — try it from the REST panel")));
    list.push_back(planned("grpc", QObject::tr("gRPC"),
                           QObject::tr("Protobuf services over HTTP/2"),
                           QObject::tr("the gRPC panel step (invoker); the embedded mock already serves gRPC, with reflection, on the port the Mock server dock shows")));
    list.push_back(planned("mcp", QObject::tr("MCP"),
                           QObject::tr("Tools and resources for AI agents"),
                           QObject::tr("the MCP step (tester)")));
    return list;
}

} // namespace

const std::vector<ExplorerProtocol> &ExplorerProtocols::all()
{
    static const std::vector<ExplorerProtocol> list = buildList();
    return list;
}

const ExplorerProtocol *ExplorerProtocols::find(const QString &id)
{
    for (const auto &protocol : all()) {
        if (protocol.id == id)
            return &protocol;
    }
    return nullptr;
}

} // namespace petstore::explorer
