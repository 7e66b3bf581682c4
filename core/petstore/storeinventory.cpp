// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/petstore/store.h"

#include "core/petstore/domainjson.h"
#include "core/petstore/domainrules.h"

namespace petstore::core {

namespace {

constexpr int MaxStockDelta = 100000;
constexpr std::size_t MaxReasonLength = 200;
constexpr long long MaxStock = 1'000'000'000;

} // namespace

std::vector<InventoryItem> Store::listInventory() const
{
    std::vector<InventoryItem> items;
    items.reserve(m_inventory.size());
    for (const auto &entry : m_inventory)
        items.push_back(entry.second);
    return items;
}

Result<InventoryItem> Store::getInventoryItem(const std::string &productId) const
{
    const auto it = m_inventory.find(productId);
    if (it == m_inventory.end())
        return Error::make(ErrorKind::NotFound, "product " + productId + " does not exist");
    return it->second;
}

Result<InventoryItem> Store::adjustStock(const std::string &productId, int delta,
                                         const std::string &reason)
{
    const auto it = m_inventory.find(productId);
    if (it == m_inventory.end())
        return Error::make(ErrorKind::NotFound, "product " + productId + " does not exist");

    std::vector<FieldError> errors;
    if (delta == 0)
        errors.push_back({"/delta", "must not be zero", "notZero"});
    else if (delta < -MaxStockDelta || delta > MaxStockDelta)
        errors.push_back({"/delta", "must be between -100000 and 100000", "range"});
    if (domainrules::codePointCount(reason) > MaxReasonLength)
        errors.push_back({"/reason", "must be at most 200 characters", "maxLength"});
    if (!errors.empty())
        return Error::make(ErrorKind::Validation, "the stock adjustment is not valid",
                           std::move(errors));

    InventoryItem &item = it->second;
    const int before = item.stock;
    // Computed in 64 bits; the upper bound below keeps every stored stock far from INT_MAX.
    const long long after = static_cast<long long>(before) + delta;
    if (after < 0) {
        return Error::make(ErrorKind::Conflict,
                           "stock of " + item.sku + " cannot go below zero (have "
                               + std::to_string(before) + ", delta " + std::to_string(delta) + ")");
    }
    if (after > MaxStock) {
        return Error::make(ErrorKind::Conflict,
                           "stock of " + item.sku + " cannot exceed 1000000000");
    }
    item.stock = int(after);
    item.updatedAt = m_clock();

    nlohmann::json data = toJson(item);
    data["delta"] = delta;
    data["reason"] = reason;
    const std::string subject = "/v1/inventory/" + item.productId;
    publish("inventory.stock_changed", subject, std::move(data));
    // Only the crossing is news: staying low after another sale does not repeat the alert.
    if (before > item.reorderLevel && item.stock <= item.reorderLevel)
        publish("inventory.low_stock", subject, toJson(item));
    return item;
}

} // namespace petstore::core
