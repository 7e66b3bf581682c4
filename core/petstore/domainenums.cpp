// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/petstore/domainenums.h"

#include <array>

namespace petstore::core {

namespace {

// One table per enum, indexed by the enumerator, so each wire name is written exactly once.
constexpr std::array<std::string_view, 6> SpeciesNames{"DOG", "CAT", "RABBIT", "BIRD", "REPTILE",
                                                       "OTHER"};
constexpr std::array<std::string_view, 3> SizeNames{"SMALL", "MEDIUM", "LARGE"};
constexpr std::array<std::string_view, 3> GenderNames{"MALE", "FEMALE", "UNKNOWN"};
constexpr std::array<std::string_view, 4> PetStatusNames{"AVAILABLE", "PENDING", "ADOPTED",
                                                         "NOT_AVAILABLE"};
constexpr std::array<std::string_view, 2> RoleNames{"CUSTOMER", "ADMIN"};
constexpr std::array<std::string_view, 5> OrderStatusNames{"PLACED", "APPROVED", "SHIPPED",
                                                           "DELIVERED", "CANCELLED"};
constexpr std::array<std::string_view, 5> PaymentStatusNames{"PENDING", "PROCESSING",
                                                             "SUCCEEDED", "FAILED", "CANCELLED"};

template<typename Enum, std::size_t N>
std::optional<Enum> lookup(const std::array<std::string_view, N> &names, std::string_view s)
{
    for (std::size_t i = 0; i < N; ++i) {
        if (names[i] == s)
            return static_cast<Enum>(i);
    }
    return std::nullopt;
}

} // namespace

std::string_view toString(Species v) { return SpeciesNames[std::size_t(v)]; }
std::string_view toString(PetSize v) { return SizeNames[std::size_t(v)]; }
std::string_view toString(Gender v) { return GenderNames[std::size_t(v)]; }
std::string_view toString(PetStatus v) { return PetStatusNames[std::size_t(v)]; }
std::string_view toString(Role v) { return RoleNames[std::size_t(v)]; }
std::string_view toString(OrderStatus v) { return OrderStatusNames[std::size_t(v)]; }
std::string_view toString(PaymentStatus v) { return PaymentStatusNames[std::size_t(v)]; }

std::optional<Species> speciesFromString(std::string_view s)
{
    return lookup<Species>(SpeciesNames, s);
}
std::optional<PetSize> petSizeFromString(std::string_view s)
{
    return lookup<PetSize>(SizeNames, s);
}
std::optional<Gender> genderFromString(std::string_view s)
{
    return lookup<Gender>(GenderNames, s);
}
std::optional<PetStatus> petStatusFromString(std::string_view s)
{
    return lookup<PetStatus>(PetStatusNames, s);
}
std::optional<Role> roleFromString(std::string_view s)
{
    return lookup<Role>(RoleNames, s);
}
std::optional<OrderStatus> orderStatusFromString(std::string_view s)
{
    return lookup<OrderStatus>(OrderStatusNames, s);
}
std::optional<PaymentStatus> paymentStatusFromString(std::string_view s)
{
    return lookup<PaymentStatus>(PaymentStatusNames, s);
}

} // namespace petstore::core
