// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/petstore/store.h"
#include "mock-server/rest/petadvisor.h"

#include <QFile>
#include <QtTest>

#include <memory>

using namespace petstore;
using mock::PetAdvisor;
using mock::PetAdvisorCriteria;

namespace {

core::TimePoint fixedNow()
{
    return core::parseRfc3339("2026-06-01T12:00:00Z").value_or(core::TimePoint{});
}

QStringList speciesNames(const PetAdvisorCriteria &criteria)
{
    QStringList names;
    for (core::Species species : criteria.species)
        names << QString::fromUtf8(core::toString(species).data(), int(core::toString(species).size()));
    return names;
}

QStringList sizeNames(const PetAdvisorCriteria &criteria)
{
    QStringList names;
    for (core::PetSize size : criteria.sizes)
        names << QString::fromUtf8(core::toString(size).data(), int(core::toString(size).size()));
    return names;
}

} // namespace

// The pet-advisor model over the seed data (resources/seed/petstore.json): which criteria a
// question yields, which AVAILABLE pets match, and the exact reply text.
class tst_PetAdvisor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void readsCriteriaFromQuestion_data();
    void readsCriteriaFromQuestion();
    void recommendsAvailablePetsMatchingEveryCriterion_data();
    void recommendsAvailablePetsMatchingEveryCriterion();
    void answersWithTheExactText_data();
    void answersWithTheExactText();
    void answersFromAnEmptyStore_data();
    void answersFromAnEmptyStore();

private:
    std::unique_ptr<core::Store> m_store;
};

void tst_PetAdvisor::initTestCase()
{
    QFile file(QStringLiteral(":/seed/petstore.json"));   // compiled into petstore_mock
    QVERIFY2(file.open(QIODevice::ReadOnly), "the seed resource is missing");
    const nlohmann::json seed = nlohmann::json::parse(file.readAll().toStdString(), nullptr, false);
    QVERIFY(!seed.is_discarded());
    m_store = std::make_unique<core::Store>("default", nullptr, fixedNow);
    const core::Status loaded = m_store->loadSeed(seed);
    QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().message.c_str());
}

void tst_PetAdvisor::readsCriteriaFromQuestion_data()
{
    QTest::addColumn<QString>("question");
    QTest::addColumn<QStringList>("species");
    QTest::addColumn<QStringList>("sizes");
    QTest::addColumn<bool>("goodWithKids");
    QTest::addColumn<qint64>("budgetCents");   // -1: no budget

    QTest::newRow("dogKidsDollarBudget") << "I'd like a dog that is good with kids, under $300"
                                         << QStringList{"DOG"} << QStringList{} << true << qint64(30000);
    QTest::newRow("puppyIsDog") << "Do you have a puppy?" << QStringList{"DOG"} << QStringList{} << false << qint64(-1);
    QTest::newRow("kittenBelow") << "A kitten below 100 please" << QStringList{"CAT"} << QStringList{} << false
                                 << qint64(10000);
    QTest::newRow("bunnyForChildren") << "A bunny for my children" << QStringList{"RABBIT"} << QStringList{} << true
                                      << qint64(-1);
    QTest::newRow("lessThanSign") << "large dog < 400" << QStringList{"DOG"} << QStringList{"LARGE"} << false
                                  << qint64(40000);
    QTest::newRow("lessThanSignNoSpace") << "a bird <$45" << QStringList{"BIRD"} << QStringList{} << false
                                         << qint64(4500);
    QTest::newRow("lessThanWords") << "a cat for less than 250 dollars" << QStringList{"CAT"} << QStringList{}
                                   << false << qint64(25000);
    QTest::newRow("reptileWordsOnce") << "a lizard or a snake, any reptile" << QStringList{"REPTILE"}
                                      << QStringList{} << false << qint64(-1);
    QTest::newRow("speciesInOrderOfMention") << "cats or dogs under $100" << QStringList{"CAT", "DOG"}
                                             << QStringList{} << false << qint64(10000);
    QTest::newRow("severalSizes") << "Small or MEDIUM rabbits" << QStringList{"RABBIT"}
                                  << QStringList{"SMALL", "MEDIUM"} << false << qint64(-1);
    QTest::newRow("caseInsensitive") << "BIRDS for KIDS" << QStringList{"BIRD"} << QStringList{} << true << qint64(-1);
    QTest::newRow("ageIsNotBudget") << "a dog under 2 years old" << QStringList{"DOG"} << QStringList{} << false
                                    << qint64(-1);
    QTest::newRow("monthsAreNotBudget") << "a cat below 6 months" << QStringList{"CAT"} << QStringList{} << false
                                        << qint64(-1);
    QTest::newRow("thousandsSeparator") << "large dogs under $1,000" << QStringList{"DOG"} << QStringList{"LARGE"}
                                        << false << qint64(100000);
    QTest::newRow("centsInBudget") << "anything cheaper than $49.5" << QStringList{} << QStringList{} << false
                                   << qint64(4950);
    QTest::newRow("firstBudgetWins") << "under 80, well, below 120" << QStringList{} << QStringList{} << false
                                     << qint64(8000);
    QTest::newRow("wholeWordsOnly") << "my underwater 300 catalogue of dogmas" << QStringList{} << QStringList{}
                                    << false << qint64(-1);
    QTest::newRow("tenDigitsIsNoPrice") << "under 1000000000" << QStringList{} << QStringList{} << false
                                        << qint64(-1);
    QTest::newRow("nothingAsked") << "hello there" << QStringList{} << QStringList{} << false << qint64(-1);
}

void tst_PetAdvisor::readsCriteriaFromQuestion()
{
    QFETCH(QString, question);
    QFETCH(QStringList, species);
    QFETCH(QStringList, sizes);
    QFETCH(bool, goodWithKids);
    QFETCH(qint64, budgetCents);

    const PetAdvisorCriteria criteria = PetAdvisorCriteria::fromQuestion(question.toStdString());
    QCOMPARE(speciesNames(criteria), species);
    QCOMPARE(sizeNames(criteria), sizes);
    QCOMPARE(criteria.goodWithKids, goodWithKids);
    QCOMPARE(criteria.budgetCents.value_or(-1), budgetCents);
}

void tst_PetAdvisor::recommendsAvailablePetsMatchingEveryCriterion_data()
{
    QTest::addColumn<QString>("question");
    QTest::addColumn<QStringList>("names");   // every match, in listing order

    QTest::newRow("dogsGoodWithKidsUnder300") << "I'd like a dog that is good with kids, under $300"
                                              << QStringList{"Toby", "Buddy"};
    QTest::newRow("smallCats") << "Any small cats?" << QStringList{"Simba", "Cleo", "Jasper", "Pumpkin"};
    QTest::newRow("kittenBelow100") << "A kitten below 100 please" << QStringList{"Shadow", "Felix"};
    QTest::newRow("budgetIsExclusive") << "a cat under $90" << QStringList{"Felix"};
    QTest::newRow("bunnyForChildren") << "A bunny for my children"
                                      << QStringList{"Clover", "Hazel", "Willow", "Oreo", "Ziggy"};
    QTest::newRow("largeDogUnder400") << "large dog < 400" << QStringList{"Rocky"};
    QTest::newRow("reptile") << "a lizard or a snake" << QStringList{"Sheldon"};
    QTest::newRow("bird") << "Is there a bird?" << QStringList{"Blue"};
    QTest::newRow("catsOrDogsUnder100") << "cats or dogs under $100" << QStringList{"Shadow", "Felix"};
    QTest::newRow("mediumOrLargeRabbits") << "medium or large rabbits" << QStringList{"Willow", "Ziggy"};
    QTest::newRow("pendingAndAdoptedPetsExcluded") << "a golden retriever or beagle dog under $460 that is large"
                                                   << QStringList{"Rocky"};
    QTest::newRow("noSmallDogUnder200") << "small dog under $200" << QStringList{};
}

void tst_PetAdvisor::recommendsAvailablePetsMatchingEveryCriterion()
{
    QFETCH(QString, question);
    QFETCH(QStringList, names);

    QStringList found;
    for (const core::Pet &pet : PetAdvisor::matches(*m_store, PetAdvisorCriteria::fromQuestion(question.toStdString()))) {
        QVERIFY2(pet.status == core::PetStatus::Available, pet.name.c_str());
        found << QString::fromStdString(pet.name);
    }
    QCOMPARE(found, names);

    const QString answer = QString::fromStdString(PetAdvisor::answer(*m_store, question.toStdString()));
    for (int i = 0; i < names.size(); ++i)
        QCOMPARE(answer.contains("- " + names.at(i) + ", "), i < int(PetAdvisor::MaxRecommendations));
}

void tst_PetAdvisor::answersWithTheExactText_data()
{
    QTest::addColumn<QString>("question");
    QTest::addColumn<QString>("answer");

    QTest::newRow("oneMatch")
        << "large dog < 400"
        << "I found 1 available large dog under $400:\n"
           "- Rocky, Boxer, 4 years old, 320.00 USD (id 019bc774-cfc0-7000-8001-000000000015)\n"
           "To adopt, place an order with POST /v1/orders and the pet's id.";
    QTest::newRow("twoMatches")
        << "I'd like a dog that is good with kids, under $300"
        << "I found 2 available dogs good with kids under $300. Here they are:\n"
           "- Toby, Shih Tzu, 5 years 6 months old, 260.00 USD (id 019c4d11-d420-7000-8001-000000000038)\n"
           "- Buddy, Mixed Breed, 3 years 8 months old, 150.00 USD (id 019c8108-70e0-7000-8001-000000000048)\n"
           "To adopt, place an order with POST /v1/orders and the pet's id.";
    QTest::newRow("topThreeOfFour")
        << "Any small cats?"
        << "I found 4 available small cats. Here are my top 3:\n"
           "- Simba, Abyssinian, 1 year old, 350.00 USD (id 019c0444-7040-7000-8001-000000000027)\n"
           "- Cleo, Sphynx, 2 years 10 months old, 750.00 EUR (id 019c424a-6de0-7000-8001-000000000036)\n"
           "- Jasper, Scottish Fold, 1 year 10 months old, 500.00 GBP (id 019c60e9-2ca0-7000-8001-000000000042)\n"
           "To adopt, place an order with POST /v1/orders and the pet's id.";
    QTest::newRow("relaxBudget")
        << "small dog under $200"
        << "Sorry, I have no available small dogs under $200 right now. If you can be flexible on the budget, "
           "I have 4 small dogs, for example:\n"
           "- Coco, Poodle, 3 years old, 550.00 EUR (id 019bd084-c200-7000-8001-000000000017)\n"
           "- Lola, French Bulldog, 1 year 10 months old, 900.00 USD (id 019bff17-aba0-7000-8001-000000000026)\n"
           "- Penny, Dachshund, 3 years 4 months old, 420.00 USD (id 019c2eaa-03e0-7000-8001-000000000032)";
    QTest::newRow("relaxSize")
        << "a large reptile"
        << "Sorry, I have no available large reptiles right now. If you can be flexible on the size, I have "
           "1 reptile, for example:\n"
           "- Sheldon, Russian Tortoise, 10 years old, 180.00 USD (id 019c6b79-a460-7000-8001-000000000044)";
    QTest::newRow("nothingCloseEnough")
        << "a large bird under $10"
        << "Sorry, I have no available large birds under $10 right now. Try a broader question: 30 pets are "
           "available right now.";
    QTest::newRow("noCriteria")
        << "hello"
        << "Here are a few of our 30 available pets:\n"
           "- Clover, Holland Lop, 8 months old, 65.00 USD (id 019b8e1a-7fe0-7000-8001-000000000004)\n"
           "- Pepper, Border Collie, 1 year 8 months old, 350.00 USD (id 019bb1e6-0340-7000-8001-000000000011)\n"
           "- Shadow, Domestic Shorthair, 6 years old, 90.00 USD (id 019bb749-b660-7000-8001-000000000012)\n"
           "Tell me the species, size, a budget (say \"under $300\") or whether the pet should be good with "
           "kids, and I will narrow it down.";
}

void tst_PetAdvisor::answersWithTheExactText()
{
    QFETCH(QString, question);
    QFETCH(QString, answer);

    QCOMPARE(QString::fromStdString(PetAdvisor::answer(*m_store, question.toStdString())), answer);
}

void tst_PetAdvisor::answersFromAnEmptyStore_data()
{
    QTest::addColumn<QString>("question");
    QTest::addColumn<QString>("answer");

    QTest::newRow("withCriteria") << "Any dogs?"
                                  << "Sorry, I have no available dogs right now. No pets are available for "
                                     "adoption at the moment; please check back soon.";
    QTest::newRow("withoutCriteria") << "hi"
                                     << "No pets are available for adoption at the moment; please check back soon.";
}

void tst_PetAdvisor::answersFromAnEmptyStore()
{
    QFETCH(QString, question);
    QFETCH(QString, answer);

    const core::Store empty("empty", nullptr, fixedNow);
    QCOMPARE(QString::fromStdString(PetAdvisor::answer(empty, question.toStdString())), answer);
}

QTEST_GUILESS_MAIN(tst_PetAdvisor)
#include "tst_petadvisor.moc"
