// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace petstore::core {

// Wire names are upper case (DESIGN §5). fromString is case-sensitive and returns nullopt for
// anything that is not exactly a wire name.
enum class Species { Dog, Cat, Rabbit, Bird, Reptile, Other };
enum class PetSize { Small, Medium, Large };
enum class Gender { Male, Female, Unknown };
enum class PetStatus { Available, Pending, Adopted, NotAvailable };
enum class Role { Customer, Admin };
enum class OrderStatus { Placed, Approved, Shipped, Delivered, Cancelled };
enum class PaymentStatus { Pending, Processing, Succeeded, Failed, Cancelled };

std::string_view toString(Species v);
std::string_view toString(PetSize v);
std::string_view toString(Gender v);
std::string_view toString(PetStatus v);
std::string_view toString(Role v);
std::string_view toString(OrderStatus v);
std::string_view toString(PaymentStatus v);

std::optional<Species> speciesFromString(std::string_view s);
std::optional<PetSize> petSizeFromString(std::string_view s);
std::optional<Gender> genderFromString(std::string_view s);
std::optional<PetStatus> petStatusFromString(std::string_view s);
std::optional<Role> roleFromString(std::string_view s);
std::optional<OrderStatus> orderStatusFromString(std::string_view s);
std::optional<PaymentStatus> paymentStatusFromString(std::string_view s);

} // namespace petstore::core
