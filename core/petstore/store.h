// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/petstore/domainevents.h"
#include "core/petstore/domaintypes.h"
#include "core/petstore/uuid.h"
#include "core/result.h"

#include <nlohmann/json.hpp>

#include <deque>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace petstore::core {

struct PetFilter
{
    std::optional<Species> species;
    std::optional<PetStatus> status;
    std::optional<PetSize> size;
    std::optional<bool> goodWithKids;
    std::optional<bool> goodWithPets;
    std::optional<int> minAgeMonths;
    std::optional<int> maxAgeMonths;
    std::optional<std::string> maxPrice;   // decimal string, inclusive
    std::string q;                          // case-insensitive substring of name/breed/description
};

struct OrderFilter
{
    std::optional<std::string> userId;      // nullopt: every order (admin view)
    std::optional<OrderStatus> status;
};

// Who is acting. Anonymous callers (auth mode `none`, no token) have no user id and may do
// everything the rules allow anyone; ownership checks only apply to signed-in customers.
struct Actor
{
    std::optional<std::string> userId;
    Role role = Role::Customer;
    bool anonymous() const { return !userId.has_value(); }
    bool isAdmin() const { return role == Role::Admin; }
};

// One tenant's Petstore with every invariant and state transition of DESIGN §5. Every
// successful change publishes one or more domain events on the bus. Invalid transitions are
// ErrorKind::InvalidTransition, never silent no-ops. Not thread-safe: used on the mock thread.
//
// Pet status machine:   AVAILABLE <-> NOT_AVAILABLE   (by PUT/PATCH)
//                       AVAILABLE -> PENDING          (order placed)
//                       PENDING -> AVAILABLE          (order cancelled)
//                       PENDING -> ADOPTED            (payment succeeded, or order delivered)
// Order status machine: PLACED -> APPROVED -> SHIPPED -> DELIVERED; PLACED|APPROVED -> CANCELLED
// Payment:              PENDING -> PROCESSING -> SUCCEEDED|FAILED; PENDING|PROCESSING -> CANCELLED
class Store
{
public:
    Store(std::string tenantId, DomainEventBus *bus, Clock clock = systemNow);
    // A copy of `prototype`'s data, bus and clock serving another tenant (TenantRegistry seeds
    // new tenants this way instead of parsing the seed again).
    Store(std::string tenantId, const Store &prototype);

    const std::string &tenantId() const { return m_tenantId; }

    // Replaces all data with the seed document (resources/seed/petstore.json). Publishes no events.
    Status loadSeed(const nlohmann::json &seed);
    // Whole state as JSON (for --data persistence) and back. Publishes no events.
    nlohmann::json snapshot() const;
    Status restore(const nlohmann::json &snapshot);

    // Pets. `sort` is a comma list of fields (name, createdAt, updatedAt, ageMonths, price),
    // "-" prefix for descending; default "createdAt". Unknown field -> Validation.
    Result<std::vector<Pet>> listPets(const PetFilter &filter, const std::string &sort = {}) const;
    // The same selection without copies: the pointers stay valid until the store next changes.
    Result<std::vector<const Pet *>> findPets(const PetFilter &filter, const std::string &sort = {}) const;
    Result<Pet> getPet(const std::string &id) const;
    Result<Pet> createPet(const nlohmann::json &body);
    Result<Pet> replacePet(const std::string &id, const nlohmann::json &body);
    Result<Pet> mergePatchPet(const std::string &id, const nlohmann::json &patch);  // RFC 7396
    Status deletePet(const std::string &id);   // Conflict while an order holds the pet

    // Users. Passwords are hashed with PasswordHasher and never returned.
    Result<User> registerUser(const nlohmann::json &body, Role role = Role::Customer);
    Result<User> authenticate(const std::string &username, const std::string &password) const;
    Result<User> getUser(const std::string &id) const;
    Result<User> findUserByUsername(const std::string &username) const;
    Result<User> replaceUser(const std::string &id, const nlohmann::json &body);
    Result<User> mergePatchUser(const std::string &id, const nlohmann::json &patch);
    Status deleteUser(const std::string &id);
    std::vector<User> listUsers() const;

    // Orders. Placing needs an AVAILABLE pet (else Conflict) and makes it PENDING.
    Result<Order> placeOrder(const std::string &petId, const Actor &actor,
                             const std::optional<std::string> &callbackUrl);
    Result<std::vector<Order>> listOrders(const OrderFilter &filter) const;   // newest first
    // The same selection without copies: the pointers stay valid until the store next changes.
    std::vector<const Order *> findOrders(const OrderFilter &filter) const;
    Result<Order> getOrder(const std::string &id) const;
    Result<Order> cancelOrder(const std::string &id);
    Result<Order> transitionOrder(const std::string &id, OrderStatus to);  // admin transitions

    // Payments. payOrder validates the card (Luhn, expiry, CVC), keeps only a summary and
    // returns a PENDING payment; the caller drives processing asynchronously.
    // Test card 4000 0000 0000 0002 always declines (docs/protocols/rest.md).
    Result<Payment> payOrder(const std::string &orderId, const CardInput &card,
                             const std::optional<std::string> &amount,
                             const std::optional<std::string> &currency);
    Result<Payment> startPaymentProcessing(const std::string &paymentId);  // -> PROCESSING
    Result<Payment> settlePayment(const std::string &paymentId);           // -> SUCCEEDED|FAILED
    Result<Payment> getPayment(const std::string &id) const;

    // Inventory. Stock never goes below zero (Conflict); crossing reorderLevel publishes
    // inventory.low_stock after inventory.stock_changed.
    std::vector<InventoryItem> listInventory() const;
    Result<InventoryItem> getInventoryItem(const std::string &productId) const;
    Result<InventoryItem> adjustStock(const std::string &productId, int delta,
                                      const std::string &reason);

    // Pet counts by status, every status present: {"AVAILABLE": n, "PENDING": n, ...}.
    nlohmann::json petCountsByStatus() const;

    // Device readings (MQTT `pets/{petId}/health`). A valid reading for an existing pet is kept
    // (the latest MaxHealthReadings per pet) and published as pet.health_reported; otherwise
    // NotFound or Validation with every broken member. Readings are not part of snapshots.
    static constexpr std::size_t MaxHealthReadings = 20;
    Result<PetHealthReading> recordHealthReading(const std::string &petId, const nlohmann::json &reading);
    Result<std::vector<PetHealthReading>> healthReadings(const std::string &petId) const;   // newest first

private:
    void publish(const std::string &type, const std::string &subject, nlohmann::json data);
    std::string newId();
    // Moves a pet along its status machine, bumping revision and publishing
    // pet.status_changed (and pet.adopted); a no-op when the pet already has `to`.
    Status setPetStatus(Pet &pet, PetStatus to);
    Result<Pet> storeEditedPet(Pet &current, Pet edited);
    void publishOrderStatusChanged(const Order &order, OrderStatus previous);
    Result<Order> applyCancel(Order &order);
    Result<User> storeEditedUser(User &current, const nlohmann::json &representation,
                                 const std::optional<std::string> &password);
    bool isUsernameTaken(const std::string &username) const;
    bool isEmailTaken(const std::string &email, const std::string &exceptUserId) const;

    std::string m_tenantId;
    DomainEventBus *m_bus;
    Clock m_clock;
    UuidV7Generator m_ids;
    std::map<std::string, Pet> m_pets;
    std::map<std::string, User> m_users;
    std::map<std::string, Order> m_orders;
    std::map<std::string, Payment> m_payments;
    std::map<std::string, InventoryItem> m_inventory;
    std::map<std::string, std::deque<PetHealthReading>> m_health;
};

} // namespace petstore::core
