// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/petstore/domainenums.h"
#include "core/petstore/domaintime.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace petstore::core {

// The Petstore domain of DESIGN §5. Money is a decimal string ("249.99") plus an ISO 4217
// currency. `revision` counts changes and feeds ETags; it is not part of the JSON shape.

struct MedicalInfo
{
    bool spayedNeutered = false;
    bool vaccinated = false;
    bool microchipped = false;
    bool specialNeeds = false;
    std::string notes;
};

struct Pet
{
    std::string id;
    std::string name;                 // 1..50 characters
    Species species = Species::Other;
    std::string breed;
    std::optional<int> ageMonths;     // >= 0
    std::optional<PetSize> size;
    std::string color;
    Gender gender = Gender::Unknown;
    std::optional<bool> goodWithKids;
    std::optional<bool> goodWithPets;
    PetStatus status = PetStatus::Available;
    std::string price = "0.00";
    std::string currency = "USD";
    std::string description;
    std::vector<std::string> photos;  // absolute URLs
    MedicalInfo medicalInfo;
    TimePoint createdAt{};
    TimePoint updatedAt{};
    std::uint64_t revision = 1;
};

struct User
{
    std::string id;
    std::string username;             // 3..50, unique
    std::string email;                // unique
    std::string firstName;
    std::string lastName;
    std::string phone;                // E.164 or empty
    Role role = Role::Customer;
    std::string passwordHash;         // PasswordHasher encoding; never serialised to clients
    TimePoint createdAt{};
    TimePoint updatedAt{};
    std::uint64_t revision = 1;
};

struct Order
{
    std::string id;
    std::string petId;
    std::optional<std::string> userId;   // nullopt: anonymous order
    OrderStatus status = OrderStatus::Placed;
    std::string totalAmount;
    std::string currency;
    std::optional<std::string> callbackUrl;
    std::optional<std::string> paymentId; // the latest payment attempt
    TimePoint createdAt{};
    TimePoint updatedAt{};
    std::uint64_t revision = 1;
};

// What is kept of a card: never the full number or the CVC (DESIGN §5, §9).
struct CardSummary
{
    std::string brand;   // VISA, MASTERCARD, AMEX, DISCOVER, UNKNOWN
    std::string name;
    std::string last4;
    int expMonth = 0;
    int expYear = 0;
};

struct Payment
{
    std::string id;
    std::string orderId;
    std::string amount;
    std::string currency;   // USD EUR GBP CAD AUD
    CardSummary card;
    PaymentStatus status = PaymentStatus::Pending;
    std::optional<std::string> failureReason;  // e.g. "card_declined"
    bool declines = false;  // decided when the card is seen (test card); not serialised
    TimePoint createdAt{};
    TimePoint updatedAt{};
};

struct InventoryItem
{
    std::string productId;
    std::string sku;
    std::string name;
    std::string category;
    int stock = 0;
    int reorderLevel = 0;
    std::string unitPrice;
    std::string currency = "USD";
    TimePoint updatedAt{};
};

// One reading a pet's collar or feeder sent over MQTT (`pets/{petId}/health`, DESIGN §5).
struct PetHealthReading
{
    std::string petId;
    std::string deviceId;
    int heartRate = 0;            // beats per minute
    double temperatureC = 0.0;
    std::string activity;         // RESTING SLEEPING WALKING PLAYING RUNNING
    TimePoint recordedAt{};
};

// A card as submitted with a payment request. Lives only for the duration of the call.
struct CardInput
{
    std::string number;
    int expMonth = 0;
    int expYear = 0;
    std::string cvc;
    std::string name;
};

} // namespace petstore::core
