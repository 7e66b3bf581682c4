// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/petstore/domaintypes.h"
#include "core/result.h"

#include <nlohmann/json.hpp>

namespace petstore::core {

// Public JSON shapes (the OpenAPI schemas of specs/openapi/petstore.yaml). Absent optionals are
// omitted, never null, except Order.userId which is null for anonymous orders.
nlohmann::json toJson(const Pet &pet);       // adds links {self, adopt}
nlohmann::json toJson(const User &user);     // never includes the password hash
nlohmann::json toJson(const Order &order);   // adds links {self, pet, payment?}
nlohmann::json toJson(const Payment &payment);
nlohmann::json toJson(const InventoryItem &item);
nlohmann::json toJson(const PetHealthReading &reading);

// Reads the writable members of a pet representation (create / replace / merged patch).
// Read-only members (id, createdAt, updatedAt, links) are ignored. Every rule broken is
// reported in Error::fields with a JSON pointer ("/name") — not only the first.
Result<Pet> petFromJson(const nlohmann::json &body);

} // namespace petstore::core
