// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/admin/adminroutes.h"

#include "core/jsonschema/openapirequestvalidator.h"
#include "mock-server/mockserver.h"
#include "mock-server/rest/restreply.h"

#include <QDirIterator>
#include <QFile>

#include <algorithm>
#include <cstring>

namespace petstore::mock {

namespace {

core::HttpResponse specDocument(const std::string &body, const char *contentType)
{
    core::HttpResponse response;
    response.addHeader("Content-Type", contentType);
    response.addHeader("Cache-Control", "public, max-age=300");
    response.body = body;
    return response;
}

} // namespace

void AdminRoutes::install(RestRouter &router, MockServer &server)
{
    MockServer *mock = &server;
    QFile yamlFile(QStringLiteral(":/specs/petstore.yaml"));
    std::string yaml;
    if (yamlFile.open(QIODevice::ReadOnly))
        yaml = yamlFile.readAll().toStdString();
    const std::string json = server.openApi().document().dump();
    QFile asyncApiFile(QStringLiteral(":/specs/asyncapi.json"));
    std::string asyncApi;
    if (asyncApiFile.open(QIODevice::ReadOnly))
        asyncApi = asyncApiFile.readAll().toStdString();

    router.handle("getHealth", [mock](HttpExchange &) { return RestReply::json(200, mock->health()); });
    router.handle("getOpenApiJson", [json](HttpExchange &) { return specDocument(json, "application/json"); });
    router.handle("getAsyncApiJson", [asyncApi](HttpExchange &) { return specDocument(asyncApi, "application/json"); });
    router.handle("getOpenApiYaml", [yaml](HttpExchange &) { return specDocument(yaml, "application/yaml"); });
    router.handle("resetData", [mock](HttpExchange &) {
        mock->resetData();
        return RestReply::noContent();
    });
    router.handle("getConfig", [mock](HttpExchange &) { return RestReply::json(200, mock->config().runtimeJson()); });
    router.handle("updateConfig", [mock](HttpExchange &exchange) {
        auto applied = mock->applyRuntimeConfig(exchange.body);
        return applied.ok() ? RestReply::json(200, mock->config().runtimeJson())
                            : RestReply::error(applied.error(), exchange);
    });
    router.handle("getTraffic", [mock](HttpExchange &exchange) {
        const int limit = exchange.params["query"].value("limit", 100);
        nlohmann::json data = nlohmann::json::array();
        for (const auto &record : mock->traffic().latest(std::size_t(limit)))
            data.push_back(record.toJson());
        return RestReply::json(200, {{"data", data}});
    });
    router.handle("injectEvent", [mock](HttpExchange &exchange) {
        const nlohmann::json &body = exchange.body;
        const std::string tenant = body.value("tenant", exchange.tenantId);
        const core::CloudEvent event = mock->events().publish(
            tenant, body.at("type").get<std::string>(), body.at("subject").get<std::string>(), body.at("data"));
        return RestReply::json(202, event.toJson());
    });
    router.handle("listProtos", [](HttpExchange &) {
        nlohmann::json data = nlohmann::json::array();
        QDirIterator files(QStringLiteral(":/protos"), QDir::Files, QDirIterator::Subdirectories);
        std::vector<std::string> paths;
        while (files.hasNext())
            paths.push_back(files.next().mid(int(std::strlen(":/protos/"))).toStdString());
        std::sort(paths.begin(), paths.end());
        for (const std::string &path : paths)
            data.push_back({{"path", path}, {"url", "/v1/protos/" + path}});
        return RestReply::json(200, {{"data", data}});
    });
    for (const auto &[operation, package] : {std::pair{"getPetstoreProto", "petstore/v1/"}, std::pair{"getHealthProto", "grpc/health/v1/"}}) {
        router.handle(operation, [package = std::string(package)](HttpExchange &exchange) {
            const std::string file = exchange.params["path"].value("file", std::string());
            QFile proto(QStringLiteral(":/protos/") + QString::fromStdString(package + file));
            if (!proto.open(QIODevice::ReadOnly))
                return RestReply::error(core::Error::make(core::ErrorKind::NotFound, "no file " + package + file + "; GET /v1/protos lists them"),
                                        exchange);
            return specDocument(proto.readAll().toStdString(), "text/plain; charset=utf-8");
        });
    }
    for (const char *op : {"getHealth", "getOpenApiJson", "getAsyncApiJson", "getOpenApiYaml", "resetData", "getConfig",
                           "updateConfig", "getTraffic", "injectEvent", "registerUser", "createToken", "listProtos",
                           "getPetstoreProto", "getHealthProto"})
        router.setPublic(op);
}

} // namespace petstore::mock
