// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/petstore/store.h"

#include "core/petstore/domainjson.h"
#include "core/petstore/domainrules.h"
#include "core/petstore/jsonmemberreader.h"

#include <limits>
#include <set>

namespace petstore::core {

namespace {

using nlohmann::json;
using Presence = JsonMemberReader::Presence;

constexpr long long MaxRevision = std::numeric_limits<long long>::max();
constexpr int MaxInt = std::numeric_limits<int>::max();
// A garbage document must not turn into millions of error objects.
constexpr std::size_t MaxReportedErrors = 100;

std::uint64_t readRevision(JsonMemberReader &r)
{
    return std::uint64_t(r.integer("revision", Presence::Optional, 1, MaxRevision).value_or(1));
}

Pet readPet(const json &j, const std::string &at, std::vector<FieldError> &errors)
{
    Pet pet;
    Result<Pet> parsed = petFromJson(j);
    if (parsed) {
        pet = std::move(parsed).value();
    } else {
        for (FieldError e : parsed.error().fields) {
            e.field = at + e.field;
            errors.push_back(std::move(e));
        }
    }
    if (!j.is_object())
        return pet;
    JsonMemberReader r(j, at, errors);
    pet.id = r.uuid("id", Presence::Required).value_or(std::string());
    pet.createdAt = r.time("createdAt", Presence::Required).value_or(TimePoint{});
    pet.updatedAt = r.time("updatedAt", Presence::Required).value_or(TimePoint{});
    pet.revision = readRevision(r);
    return pet;
}

User readUser(const json &j, const std::string &at, std::vector<FieldError> &errors)
{
    JsonMemberReader r(j, at, errors);
    User user;
    user.id = r.uuid("id", Presence::Required).value_or(std::string());
    user.username = r.text("username", Presence::Required, 50, 3).value_or(std::string());
    if (!user.username.empty() && !domainrules::isUsername(user.username))
        r.fail(r.pointerTo("username"), "may only contain letters, digits, '.', '_' and '-'",
               "pattern");
    user.email = r.text("email", Presence::Required, 254).value_or(std::string());
    if (!user.email.empty() && !domainrules::isEmail(user.email))
        r.fail(r.pointerTo("email"), "must be an email address", "format");
    user.firstName = r.text("firstName", Presence::Optional, 50).value_or(std::string());
    user.lastName = r.text("lastName", Presence::Optional, 50).value_or(std::string());
    user.phone = r.text("phone", Presence::Optional, 16).value_or(std::string());
    if (!user.phone.empty() && !domainrules::isE164(user.phone))
        r.fail(r.pointerTo("phone"), "must be an E.164 number", "pattern");
    user.role = r.enumeration("role", Presence::Required, roleFromString, 2).value_or(Role::Customer);
    user.passwordHash = r.text("passwordHash", Presence::Required, 512, 1).value_or(std::string());
    user.createdAt = r.time("createdAt", Presence::Required).value_or(TimePoint{});
    user.updatedAt = r.time("updatedAt", Presence::Required).value_or(TimePoint{});
    user.revision = readRevision(r);
    return user;
}

Order readOrder(const json &j, const std::string &at, std::vector<FieldError> &errors)
{
    JsonMemberReader r(j, at, errors);
    Order order;
    order.id = r.uuid("id", Presence::Required).value_or(std::string());
    order.petId = r.uuid("petId", Presence::Required).value_or(std::string());
    order.userId = r.uuid("userId", Presence::Optional);  // null: an anonymous order
    order.status =
        r.enumeration("status", Presence::Required, orderStatusFromString, 5).value_or(OrderStatus::Placed);
    order.totalAmount = r.money("totalAmount", Presence::Required).value_or(std::string());
    order.currency = r.currency("currency", Presence::Required).value_or(std::string());
    order.callbackUrl = r.text("callbackUrl", Presence::Optional, 2048);
    if (order.callbackUrl && !domainrules::isHttpUrl(*order.callbackUrl))
        r.fail(r.pointerTo("callbackUrl"), "must be an absolute http(s) URL", "format");
    order.paymentId = r.uuid("paymentId", Presence::Optional);
    order.createdAt = r.time("createdAt", Presence::Required).value_or(TimePoint{});
    order.updatedAt = r.time("updatedAt", Presence::Required).value_or(TimePoint{});
    order.revision = readRevision(r);
    return order;
}

Payment readPayment(const json &j, const std::string &at, std::vector<FieldError> &errors)
{
    JsonMemberReader r(j, at, errors);
    Payment payment;
    payment.id = r.uuid("id", Presence::Required).value_or(std::string());
    payment.orderId = r.uuid("orderId", Presence::Required).value_or(std::string());
    payment.amount = r.money("amount", Presence::Required).value_or(std::string());
    payment.currency = r.currency("currency", Presence::Required).value_or(std::string());
    if (const json *source = r.find("source")) {
        JsonMemberReader s(*source, r.pointerTo("source"), errors);
        CardSummary &card = payment.card;
        card.brand = s.text("brand", Presence::Required, 20, 1).value_or(std::string());
        card.name = s.text("name", Presence::Required, 100, 1).value_or(std::string());
        card.last4 = s.text("last4", Presence::Required, 4, 4).value_or(std::string());
        card.expMonth = int(s.integer("expMonth", Presence::Required, 1, 12).value_or(0));
        card.expYear = int(s.integer("expYear", Presence::Required, 0, 9999).value_or(0));
    } else if (r.isObject()) {
        r.fail(r.pointerTo("source"), "is required", "required");
    }
    payment.status = r.enumeration("status", Presence::Required, paymentStatusFromString, 5)
                         .value_or(PaymentStatus::Pending);
    payment.failureReason = r.text("failureReason", Presence::Optional, 100);
    payment.declines = r.boolean("declines", Presence::Optional).value_or(false);
    payment.createdAt = r.time("createdAt", Presence::Required).value_or(TimePoint{});
    payment.updatedAt = r.time("updatedAt", Presence::Required).value_or(TimePoint{});
    return payment;
}

InventoryItem readItem(const json &j, const std::string &at, std::vector<FieldError> &errors)
{
    JsonMemberReader r(j, at, errors);
    InventoryItem item;
    item.productId = r.uuid("productId", Presence::Required).value_or(std::string());
    item.sku = r.text("sku", Presence::Required, 64, 1).value_or(std::string());
    item.name = r.text("name", Presence::Required, 100, 1).value_or(std::string());
    item.category = r.text("category", Presence::Required, 50, 1).value_or(std::string());
    item.stock = int(r.integer("stock", Presence::Required, 0, MaxInt).value_or(0));
    item.reorderLevel = int(r.integer("reorderLevel", Presence::Required, 0, MaxInt).value_or(0));
    item.unitPrice = r.money("unitPrice", Presence::Required).value_or(std::string());
    item.currency = r.currency("currency", Presence::Required).value_or(std::string());
    item.updatedAt = r.time("updatedAt", Presence::Required).value_or(TimePoint{});
    return item;
}

// Reads one top-level array into a map keyed by `keyOf`, reporting duplicate keys.
template<typename T, typename Reader, typename Key>
std::map<std::string, T> readCollection(const json &document, const char *name, Reader read,
                                        Key keyOf, const char *keyMember,
                                        std::vector<FieldError> &errors)
{
    std::map<std::string, T> records;
    const std::string at = std::string("/") + name;
    const auto array = document.find(name);
    if (array == document.end() || !array->is_array()) {
        errors.push_back({at, "must be an array", array == document.end() ? "required" : "type"});
        return records;
    }
    for (std::size_t i = 0; i < array->size() && errors.size() < MaxReportedErrors; ++i) {
        const std::string pointer = at + '/' + std::to_string(i);
        T record = read((*array)[i], pointer, errors);
        const std::string key = keyOf(record);
        if (!key.empty() && !records.emplace(key, std::move(record)).second)
            errors.push_back({pointer + '/' + keyMember, "duplicate id " + key, "unique"});
    }
    return records;
}

} // namespace

Status Store::loadSeed(const json &seed)
{
    // The seed document has the snapshot shape; demoCredentials and links are documentation.
    return restore(seed);
}

json Store::snapshot() const
{
    json pets = json::array();
    for (const auto &entry : m_pets) {
        json pet = toJson(entry.second);
        pet.erase("links");
        pet["revision"] = entry.second.revision;
        pets.push_back(std::move(pet));
    }
    json users = json::array();
    for (const auto &entry : m_users) {
        json user = toJson(entry.second);
        user["passwordHash"] = entry.second.passwordHash;
        user["revision"] = entry.second.revision;
        users.push_back(std::move(user));
    }
    json orders = json::array();
    for (const auto &entry : m_orders) {
        json order = toJson(entry.second);
        order.erase("links");
        order["revision"] = entry.second.revision;
        orders.push_back(std::move(order));
    }
    json payments = json::array();
    for (const auto &entry : m_payments) {
        json payment = toJson(entry.second);
        payment["declines"] = entry.second.declines;
        payments.push_back(std::move(payment));
    }
    json inventory = json::array();
    for (const auto &entry : m_inventory)
        inventory.push_back(toJson(entry.second));
    return {{"pets", std::move(pets)},         {"users", std::move(users)},
            {"orders", std::move(orders)},     {"payments", std::move(payments)},
            {"inventory", std::move(inventory)}};
}

Status Store::restore(const json &snapshot)
{
    if (!snapshot.is_object()) {
        return Error::make(ErrorKind::Validation, "the snapshot is not valid",
                           {{"", "must be an object", "type"}});
    }
    std::vector<FieldError> errors;
    auto pets = readCollection<Pet>(snapshot, "pets", readPet,
                                    [](const Pet &p) { return p.id; }, "id", errors);
    auto users = readCollection<User>(snapshot, "users", readUser,
                                      [](const User &u) { return u.id; }, "id", errors);
    auto orders = readCollection<Order>(snapshot, "orders", readOrder,
                                        [](const Order &o) { return o.id; }, "id", errors);
    auto payments = readCollection<Payment>(snapshot, "payments", readPayment,
                                            [](const Payment &p) { return p.id; }, "id", errors);
    auto inventory = readCollection<InventoryItem>(
        snapshot, "inventory", readItem, [](const InventoryItem &i) { return i.productId; },
        "productId", errors);

    // Usernames are unique without regard to case (registerUser); a snapshot may not break that.
    std::set<std::string> usernames;
    for (const auto &entry : users) {
        if (!usernames.insert(domainrules::toLowerAscii(entry.second.username)).second)
            errors.push_back({"/users", "duplicate username " + entry.second.username, "unique"});
    }
    if (!errors.empty()) {
        if (errors.size() > MaxReportedErrors)
            errors.resize(MaxReportedErrors);
        return Error::make(ErrorKind::Validation, "the snapshot is not valid", std::move(errors));
    }
    m_pets = std::move(pets);
    m_users = std::move(users);
    m_orders = std::move(orders);
    m_payments = std::move(payments);
    m_inventory = std::move(inventory);
    return Done{};
}

} // namespace petstore::core
