// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/rest/restinventoryroutes.h"

#include "core/petstore/domainjson.h"
#include "mock-server/accesspolicy.h"
#include "mock-server/rest/restreply.h"

namespace petstore::mock {

namespace {

using nlohmann::json;

std::string productIdOf(HttpExchange &exchange)
{
    return exchange.params["path"].value("productId", std::string());
}

core::HttpResponse itemReply(const core::Result<core::InventoryItem> &item, HttpExchange &exchange)
{
    return item.ok() ? RestReply::json(200, core::toJson(item.value())) : RestReply::error(item.error(), exchange);
}

// The product list is short (the seed has eight), so it is one unpaged `{"data": [...]}`
// (InventoryList in the spec), ordered by productId.
core::HttpResponse listInventory(HttpExchange &exchange)
{
    json data = json::array();
    for (const core::InventoryItem &item : exchange.store->listInventory())
        data.push_back(core::toJson(item));
    return RestReply::json(200, {{"data", std::move(data)}});
}

core::HttpResponse getInventoryItem(HttpExchange &exchange)
{
    return itemReply(exchange.store->getInventoryItem(productIdOf(exchange)), exchange);
}

core::HttpResponse adjustInventory(HttpExchange &exchange)
{
    if (auto allowed = AccessPolicy::requireAdmin(exchange, "adjust stock"); !allowed.ok())
        return RestReply::error(allowed.error(), exchange);
    // StockAdjustment bounds delta to +-100000, so it fits an int.
    const json &body = exchange.body;
    return itemReply(exchange.store->adjustStock(productIdOf(exchange), body.value("delta", 0),
                                                 body.value("reason", std::string())),
                     exchange);
}

core::HttpResponse getStoreInventory(HttpExchange &exchange)
{
    return RestReply::json(200, exchange.store->petCountsByStatus());
}

} // namespace

void RestInventoryRoutes::install(RestRouter &router, const RestEnvironment &)
{
    router.handle("listInventory", listInventory);
    router.handle("getInventoryItem", getInventoryItem);
    router.handle("adjustInventory", adjustInventory);
    router.handle("getStoreInventory", getStoreInventory);
    for (const char *op : {"listInventory", "getInventoryItem", "getStoreInventory"})
        router.requireScope(op, "read:pets");
    // The spec asks for the `admin` scope; the handler also checks the role.
    router.requireScope("adjustInventory", "admin");
}

} // namespace petstore::mock
