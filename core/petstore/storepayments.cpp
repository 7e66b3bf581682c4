// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/petstore/store.h"

#include "core/petstore/domainjson.h"
#include "core/petstore/domainrules.h"

#include <algorithm>

namespace petstore::core {

namespace {

using nlohmann::json;

// The documented always-declining test card (docs/protocols/rest.md).
constexpr const char *DecliningTestCard = "4000000000000002";

Error paymentNotFound(const std::string &id)
{
    return Error::make(ErrorKind::NotFound, "payment " + id + " does not exist");
}

// The decimal value of text[pos, pos + count); callers pass digits only.
int digitsValue(const std::string &text, std::size_t pos, std::size_t count)
{
    int value = 0;
    for (std::size_t i = pos; i < pos + count && i < text.size(); ++i)
        value = value * 10 + (text[i] - '0');
    return value;
}

bool allDigits(const std::string &text)
{
    return !text.empty()
        && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// ISO/IEC 7812-1 Annex B: the Luhn check digit.
bool passesLuhn(const std::string &digits)
{
    int sum = 0;
    bool twice = false;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        int d = *it - '0';
        if (twice && (d *= 2) > 9)
            d -= 9;
        sum += d;
        twice = !twice;
    }
    return sum % 10 == 0;
}

std::string cardBrand(const std::string &digits)
{
    if (digits[0] == '4')
        return "VISA";
    const int two = digitsValue(digits, 0, 2);
    const int four = digitsValue(digits, 0, 4);
    if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720))
        return "MASTERCARD";
    if (two == 34 || two == 37)
        return "AMEX";
    if (four == 6011 || two == 65)
        return "DISCOVER";
    return "UNKNOWN";
}

// Checks the card and the optional amount/currency against the order; every problem is named.
std::vector<FieldError> validatePayment(const CardInput &card, const std::string &digits,
                                        const Order &order, const std::optional<std::string> &amount,
                                        const std::optional<std::string> &currency, TimePoint now)
{
    std::vector<FieldError> errors;
    if (!allDigits(digits))
        errors.push_back({"/source/number", "must contain only digits, spaces and dashes", "format"});
    else if (digits.size() < 12 || digits.size() > 19)
        errors.push_back({"/source/number", "must have 12 to 19 digits", "length"});
    else if (!passesLuhn(digits))
        errors.push_back({"/source/number", "fails the Luhn check", "luhn"});

    if (card.expMonth < 1 || card.expMonth > 12) {
        errors.push_back({"/source/expMonth", "must be 1 to 12", "range"});
    } else {
        // A card is valid through the last day of its expiry month.
        const std::string today = formatRfc3339(now);
        const int year = digitsValue(today, 0, 4);
        const int month = digitsValue(today, 5, 2);
        if (card.expYear < year || (card.expYear == year && card.expMonth < month))
            errors.push_back({"/source/expYear", "the card has expired", "expired"});
    }
    if (!allDigits(card.cvc) || card.cvc.size() < 3 || card.cvc.size() > 4)
        errors.push_back({"/source/cvc", "must be 3 or 4 digits", "format"});
    const std::size_t nameLength = domainrules::codePointCount(card.name);
    if (nameLength < 1 || nameLength > 100)
        errors.push_back({"/source/name", "must be 1 to 100 characters", "length"});

    if (amount) {
        if (!domainrules::isMoney(*amount))
            errors.push_back({"/amount", "must be a decimal string", "pattern"});
        else if (domainrules::moneyToCents(*amount) != domainrules::moneyToCents(order.totalAmount))
            errors.push_back({"/amount", "must equal the order total " + order.totalAmount,
                              "amountMismatch"});
    }
    if (currency && *currency != order.currency)
        errors.push_back({"/currency", "must equal the order currency " + order.currency,
                          "currencyMismatch"});
    return errors;
}

} // namespace

Result<Payment> Store::payOrder(const std::string &orderId, const CardInput &card,
                                const std::optional<std::string> &amount,
                                const std::optional<std::string> &currency)
{
    const auto order = m_orders.find(orderId);
    if (order == m_orders.end())
        return Error::make(ErrorKind::NotFound, "order " + orderId + " does not exist");

    std::string digits;
    for (const char c : card.number) {
        if (c != ' ' && c != '-')
            digits += c;
    }
    const TimePoint now = m_clock();
    std::vector<FieldError> errors = validatePayment(card, digits, order->second, amount,
                                                     currency, now);
    if (!errors.empty())
        return Error::make(ErrorKind::Validation, "the payment is not valid", std::move(errors));

    if (order->second.status != OrderStatus::Placed) {
        return Error::make(ErrorKind::InvalidTransition,
                           "only PLACED orders can be paid; this order is "
                               + std::string(toString(order->second.status)));
    }
    for (const auto &entry : m_payments) {
        const Payment &other = entry.second;
        if (other.orderId == orderId
            && (other.status == PaymentStatus::Pending || other.status == PaymentStatus::Processing
                || other.status == PaymentStatus::Succeeded)) {
            return Error::make(ErrorKind::Conflict, "the order already has a "
                                   + std::string(toString(other.status)) + " payment");
        }
    }

    // DESIGN §5, §9: only a summary of the card is kept; the number and CVC die with the call.
    Payment payment;
    payment.id = newId();
    payment.orderId = orderId;
    payment.amount = order->second.totalAmount;
    payment.currency = order->second.currency;
    payment.card = CardSummary{cardBrand(digits), card.name, digits.substr(digits.size() - 4),
                               card.expMonth, card.expYear};
    payment.status = PaymentStatus::Pending;
    payment.declines = digits == DecliningTestCard;
    payment.createdAt = payment.updatedAt = now;
    m_payments[payment.id] = payment;

    order->second.paymentId = payment.id;
    order->second.updatedAt = now;
    ++order->second.revision;
    return payment;
}

Result<Payment> Store::startPaymentProcessing(const std::string &paymentId)
{
    const auto it = m_payments.find(paymentId);
    if (it == m_payments.end())
        return paymentNotFound(paymentId);
    Payment &payment = it->second;
    if (payment.status != PaymentStatus::Pending) {
        return Error::make(ErrorKind::InvalidTransition,
                           "cannot change payment status from "
                               + std::string(toString(payment.status)) + " to PROCESSING");
    }
    payment.status = PaymentStatus::Processing;
    payment.updatedAt = m_clock();
    publish("payment.processing", "/v1/payments/" + payment.id, toJson(payment));
    return payment;
}

Result<Payment> Store::settlePayment(const std::string &paymentId)
{
    const auto it = m_payments.find(paymentId);
    if (it == m_payments.end())
        return paymentNotFound(paymentId);
    Payment &payment = it->second;
    if (payment.status != PaymentStatus::Processing) {
        return Error::make(ErrorKind::InvalidTransition,
                           "cannot settle a " + std::string(toString(payment.status))
                               + " payment; only PROCESSING payments settle to SUCCEEDED or FAILED");
    }
    const TimePoint now = m_clock();
    payment.updatedAt = now;
    if (payment.declines) {
        // The order stays PLACED and the pet PENDING, so the customer may pay again.
        payment.status = PaymentStatus::Failed;
        payment.failureReason = "card_declined";
        publish("payment.failed", "/v1/payments/" + payment.id, toJson(payment));
        return payment;
    }
    payment.status = PaymentStatus::Succeeded;
    publish("payment.succeeded", "/v1/payments/" + payment.id, toJson(payment));

    const auto order = m_orders.find(payment.orderId);
    if (order != m_orders.end()) {
        if (order->second.status == OrderStatus::Placed) {
            order->second.status = OrderStatus::Approved;
            order->second.updatedAt = now;
            ++order->second.revision;
            publishOrderStatusChanged(order->second, OrderStatus::Placed);
        }
        const auto pet = m_pets.find(order->second.petId);
        if (pet != m_pets.end() && pet->second.status == PetStatus::Pending)
            setPetStatus(pet->second, PetStatus::Adopted);
    }
    return payment;
}

Result<Payment> Store::getPayment(const std::string &id) const
{
    const auto it = m_payments.find(id);
    if (it == m_payments.end())
        return paymentNotFound(id);
    return it->second;
}

} // namespace petstore::core
