// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/rest/petadvisor.h"

#include "core/petstore/domainrules.h"

#include <algorithm>
#include <functional>

namespace petstore::mock {

namespace {

constexpr std::string_view NothingAvailable =
    "No pets are available for adoption at the moment; please check back soon.";

std::string lowerName(std::string_view wireName)
{
    return core::domainrules::toLowerAscii(wireName);
}

std::string plural(std::size_t count, const std::string &singular, const std::string &pluralForm)
{
    return std::to_string(count) + ' ' + (count == 1 ? singular : pluralForm);
}

std::string speciesNoun(core::Species species, bool manyPets)
{
    if (species == core::Species::Other)
        return manyPets ? "pets" : "pet";
    return lowerName(core::toString(species)) + (manyPets ? "s" : "");
}

template<typename T, typename Name>
std::string joinWithOr(const std::vector<T> &values, Name name)
{
    std::string out;
    for (const T &value : values)
        out += (out.empty() ? "" : " or ") + name(value);
    return out;
}

std::string formatCents(std::int64_t cents)
{
    std::string text = "$" + std::to_string(cents / 100);
    if (cents % 100 != 0)
        text += (cents % 100 < 10 ? ".0" : ".") + std::to_string(cents % 100);
    return text;
}

// "small or medium dogs good with kids under $300"; `manyPets` picks singular or plural nouns.
std::string describe(const PetAdvisorCriteria &criteria, bool manyPets)
{
    std::string text;
    if (!criteria.sizes.empty())
        text += joinWithOr(criteria.sizes, [](core::PetSize s) { return lowerName(core::toString(s)); }) + ' ';
    text += criteria.species.empty()
        ? std::string(manyPets ? "pets" : "pet")
        : joinWithOr(criteria.species, [manyPets](core::Species s) { return speciesNoun(s, manyPets); });
    if (criteria.goodWithKids)
        text += " good with kids";
    if (criteria.budgetCents)
        text += " under " + formatCents(*criteria.budgetCents);
    return text;
}

std::string describeAge(const std::optional<int> &ageMonths)
{
    if (!ageMonths)
        return "age unknown";
    const int years = *ageMonths / 12;
    const int months = *ageMonths % 12;
    if (years == 0)
        return plural(std::size_t(months), "month", "months") + " old";
    std::string text = plural(std::size_t(years), "year", "years");
    if (months != 0)
        text += ' ' + plural(std::size_t(months), "month", "months");
    return text + " old";
}

// "- Pepper, Border Collie, 1 year 8 months old, 350.00 USD (id 019bb1e6-...)"
std::string describePet(const core::Pet &pet)
{
    const std::string breed = pet.breed.empty() ? speciesNoun(pet.species, false) : pet.breed;
    return "- " + pet.name + ", " + breed + ", " + describeAge(pet.ageMonths) + ", " + pet.price + ' '
        + pet.currency + " (id " + pet.id + ")\n";
}

std::string listPets(const std::vector<core::Pet> &pets)
{
    std::string text;
    for (std::size_t i = 0; i < pets.size() && i < PetAdvisor::MaxRecommendations; ++i)
        text += describePet(pets[i]);
    return text;
}

// For an empty result: the first criterion (budget, size, kids, species) whose removal alone
// gives matches, phrased as a suggestion.
std::string suggestRelaxing(const core::Store &store, const PetAdvisorCriteria &criteria)
{
    struct Relaxation
    {
        bool applies;
        const char *what;
        std::function<void(PetAdvisorCriteria &)> drop;
    };
    const Relaxation relaxations[] = {
        {criteria.budgetCents.has_value(), "the budget", [](PetAdvisorCriteria &c) { c.budgetCents.reset(); }},
        {!criteria.sizes.empty(), "the size", [](PetAdvisorCriteria &c) { c.sizes.clear(); }},
        {criteria.goodWithKids, "the good-with-kids wish", [](PetAdvisorCriteria &c) { c.goodWithKids = false; }},
        {!criteria.species.empty(), "the species", [](PetAdvisorCriteria &c) { c.species.clear(); }},
    };
    for (const Relaxation &relaxation : relaxations) {
        if (!relaxation.applies)
            continue;
        PetAdvisorCriteria relaxed = criteria;
        relaxation.drop(relaxed);
        const std::vector<core::Pet> found = PetAdvisor::matches(store, relaxed);
        if (!found.empty())
            return "If you can be flexible on " + std::string(relaxation.what) + ", I have "
                + plural(found.size(), describe(relaxed, false), describe(relaxed, true)) + ", for example:\n"
                + listPets(found);
    }
    const std::size_t available = PetAdvisor::matches(store, {}).size();
    if (available == 0)
        return std::string(NothingAvailable);
    return "Try a broader question: " + plural(available, "pet is", "pets are") + " available right now.\n";
}

} // namespace

std::vector<core::Pet> PetAdvisor::matches(const core::Store &store, const PetAdvisorCriteria &criteria)
{
    core::PetFilter filter;
    filter.status = core::PetStatus::Available;
    if (criteria.goodWithKids)
        filter.goodWithKids = true;
    auto pets = store.listPets(filter);
    if (!pets.ok())
        return {};
    std::vector<core::Pet> found;
    for (core::Pet &pet : pets.value()) {
        const bool species = criteria.species.empty()
            || std::find(criteria.species.begin(), criteria.species.end(), pet.species) != criteria.species.end();
        const bool size = criteria.sizes.empty()
            || (pet.size && std::find(criteria.sizes.begin(), criteria.sizes.end(), *pet.size) != criteria.sizes.end());
        const bool price = !criteria.budgetCents || core::domainrules::moneyToCents(pet.price) < *criteria.budgetCents;
        if (species && size && price)
            found.push_back(std::move(pet));
    }
    return found;
}

std::string PetAdvisor::answer(const core::Store &store, const std::string &question)
{
    const PetAdvisorCriteria criteria = PetAdvisorCriteria::fromQuestion(question);
    const std::vector<core::Pet> found = matches(store, criteria);
    if (found.empty() && criteria.isEmpty())
        return std::string(NothingAvailable);
    std::string text;
    if (found.empty()) {
        text = "Sorry, I have no available " + describe(criteria, true) + " right now. "
            + suggestRelaxing(store, criteria);
    } else if (criteria.isEmpty()) {
        text = "Here are a few of our " + plural(found.size(), "available pet", "available pets") + ":\n"
            + listPets(found)
            + "Tell me the species, size, a budget (say \"under $300\") or whether the pet should be good "
              "with kids, and I will narrow it down.";
    } else {
        const std::size_t shown = std::min(found.size(), MaxRecommendations);
        text = "I found " + plural(found.size(), "available " + describe(criteria, false),
                                   "available " + describe(criteria, true))
            + (found.size() > shown ? ". Here are my top " + std::to_string(shown) + ":\n"
                                    : found.size() == 1 ? ":\n" : ". Here they are:\n")
            + listPets(found) + "To adopt, place an order with POST /v1/orders and the pet's id.";
    }
    while (!text.empty() && text.back() == '\n')
        text.pop_back();
    return text;
}

} // namespace petstore::mock
