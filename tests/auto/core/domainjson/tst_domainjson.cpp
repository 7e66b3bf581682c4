// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/petstore/domainjson.h"

#include <QTest>

using namespace petstore::core;
using nlohmann::json;

namespace {

// Enums compare by wire name: QCOMPARE cannot print them (our toString returns string_view).
template<typename Enum>
QString wire(Enum value)
{
    const std::string_view name = toString(value);
    return QString::fromUtf8(name.data(), int(name.size()));
}

TimePoint at(const char *rfc3339)
{
    return *parseRfc3339(rfc3339);
}

Pet samplePet()
{
    Pet pet;
    pet.id = "019b76da-a800-7000-8001-000000000001";
    pet.name = "Biscuit";
    pet.species = Species::Dog;
    pet.breed = "Golden Retriever";
    pet.ageMonths = 14;
    pet.size = PetSize::Large;
    pet.color = "golden";
    pet.gender = Gender::Male;
    pet.goodWithKids = true;
    pet.goodWithPets = false;
    pet.status = PetStatus::NotAvailable;
    pet.price = "450.00";
    pet.currency = "USD";
    pet.description = "Loves fetch";
    pet.photos = {"https://images.example.com/pets/biscuit-1.jpg"};
    pet.medicalInfo = {true, true, false, false, "hip check"};
    pet.createdAt = at("2026-01-02T09:00:00.000Z");
    pet.updatedAt = at("2026-01-03T10:30:15.250Z");
    return pet;
}

// Joins field errors as "field:code" so a table row can state all of them at once.
QString describe(const std::vector<FieldError> &errors)
{
    QStringList parts;
    for (const FieldError &e : errors)
        parts << QString::fromStdString(e.field + ":" + e.code);
    return parts.join(QLatin1Char(' '));
}

} // namespace

class tst_DomainJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formatsTimesInUtcWithMilliseconds_data();
    void formatsTimesInUtcWithMilliseconds();
    void parsesRfc3339_data();
    void parsesRfc3339();
    void roundTripsEnumWireNames();
    void serialisesPet();
    void omitsAbsentPetMembers();
    void serialisesUserWithoutPasswordHash();
    void serialisesAnonymousOrderWithNullUser();
    void serialisesOrderWithPaymentLink();
    void serialisesPaymentWithCardSummaryOnly();
    void serialisesInventoryItem();
    void readsValidPet();
    void appliesPetDefaults();
    void reportsEveryPetError_data();
    void reportsEveryPetError();
    void roundTripsPetThroughJson();
};

void tst_DomainJson::formatsTimesInUtcWithMilliseconds_data()
{
    QTest::addColumn<qlonglong>("ms");
    QTest::addColumn<QString>("text");
    QTest::newRow("epoch") << 0LL << "1970-01-01T00:00:00.000Z";
    QTest::newRow("2026 new year") << 1767225600000LL << "2026-01-01T00:00:00.000Z";
    QTest::newRow("millis") << 1772366400123LL << "2026-03-01T12:00:00.123Z";
    QTest::newRow("leap day") << 1709164800000LL << "2024-02-29T00:00:00.000Z";
    QTest::newRow("before epoch") << -1LL << "1969-12-31T23:59:59.999Z";
}

void tst_DomainJson::formatsTimesInUtcWithMilliseconds()
{
    QFETCH(qlonglong, ms);
    QFETCH(QString, text);
    QCOMPARE(QString::fromStdString(formatRfc3339(TimePoint(std::chrono::milliseconds(ms)))), text);
}

void tst_DomainJson::parsesRfc3339_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qlonglong>("ms");   // -1: rejected
    QTest::newRow("utc millis") << "2026-03-01T12:00:00.123Z" << 1772366400123LL;
    QTest::newRow("no fraction") << "2026-03-01T12:00:00Z" << 1772366400000LL;
    QTest::newRow("lower case t z") << "2026-03-01t12:00:00z" << 1772366400000LL;
    QTest::newRow("micro truncated") << "2026-03-01T12:00:00.123999Z" << 1772366400123LL;
    QTest::newRow("one digit fraction") << "2026-03-01T12:00:00.5Z" << 1772366400500LL;
    QTest::newRow("positive offset") << "2026-03-01T13:30:00+01:30" << 1772366400000LL;
    QTest::newRow("negative offset") << "2026-03-01T07:00:00-05:00" << 1772366400000LL;
    QTest::newRow("leap second") << "2026-03-01T11:59:60Z" << 1772366400000LL;
    QTest::newRow("empty") << "" << -1LL;
    QTest::newRow("date only") << "2026-03-01" << -1LL;
    QTest::newRow("no zone") << "2026-03-01T12:00:00" << -1LL;
    QTest::newRow("month 13") << "2026-13-01T12:00:00Z" << -1LL;
    QTest::newRow("feb 29 non leap") << "2026-02-29T12:00:00Z" << -1LL;
    QTest::newRow("hour 24") << "2026-03-01T24:00:00Z" << -1LL;
    QTest::newRow("empty fraction") << "2026-03-01T12:00:00.Z" << -1LL;
    QTest::newRow("offset without colon") << "2026-03-01T12:00:00+0100" << -1LL;
    QTest::newRow("trailing garbage") << "2026-03-01T12:00:00Zx" << -1LL;
    QTest::newRow("space separator") << "2026-03-01 12:00:00Z" << -1LL;
}

void tst_DomainJson::parsesRfc3339()
{
    QFETCH(QString, text);
    QFETCH(qlonglong, ms);
    const std::optional<TimePoint> parsed = parseRfc3339(text.toStdString());
    if (ms == -1) {
        QVERIFY(!parsed);
        return;
    }
    QVERIFY(parsed);
    QCOMPARE(qlonglong(parsed->time_since_epoch().count()), ms);
}

void tst_DomainJson::roundTripsEnumWireNames()
{
    QCOMPARE(toString(PetStatus::NotAvailable), std::string_view("NOT_AVAILABLE"));
    QCOMPARE(petStatusFromString("NOT_AVAILABLE"), std::optional<PetStatus>(PetStatus::NotAvailable));
    QCOMPARE(petStatusFromString("available"), std::optional<PetStatus>());
    QCOMPARE(toString(Species::Reptile), std::string_view("REPTILE"));
    QCOMPARE(speciesFromString("OTHER"), std::optional<Species>(Species::Other));
    QCOMPARE(toString(Role::Admin), std::string_view("ADMIN"));
    QCOMPARE(orderStatusFromString("CANCELLED"), std::optional<OrderStatus>(OrderStatus::Cancelled));
    QCOMPARE(toString(PaymentStatus::Processing), std::string_view("PROCESSING"));
    QCOMPARE(paymentStatusFromString("SUCCEEDED"), std::optional<PaymentStatus>(PaymentStatus::Succeeded));
    QCOMPARE(genderFromString("UNKNOWN"), std::optional<Gender>(Gender::Unknown));
    QCOMPARE(petSizeFromString("MEDIUM "), std::optional<PetSize>());
    QCOMPARE(roleFromString("CUSTOMER"), std::optional<Role>(Role::Customer));
}

void tst_DomainJson::serialisesPet()
{
    const json expected = json::parse(R"({
        "id": "019b76da-a800-7000-8001-000000000001", "name": "Biscuit", "species": "DOG",
        "breed": "Golden Retriever", "ageMonths": 14, "size": "LARGE", "color": "golden",
        "gender": "MALE", "goodWithKids": true, "goodWithPets": false,
        "status": "NOT_AVAILABLE", "price": "450.00", "currency": "USD",
        "description": "Loves fetch",
        "photos": ["https://images.example.com/pets/biscuit-1.jpg"],
        "medicalInfo": {"spayedNeutered": true, "vaccinated": true, "microchipped": false,
                        "specialNeeds": false, "notes": "hip check"},
        "createdAt": "2026-01-02T09:00:00.000Z", "updatedAt": "2026-01-03T10:30:15.250Z",
        "links": {"self": "/v1/pets/019b76da-a800-7000-8001-000000000001",
                  "adopt": "/v1/orders"}})");
    QCOMPARE(toJson(samplePet()).dump(), expected.dump());
}

void tst_DomainJson::omitsAbsentPetMembers()
{
    Pet pet;
    pet.id = "019b76da-a800-7000-8001-000000000002";
    pet.name = "Kiwi";
    const json expected = json::parse(R"({
        "id": "019b76da-a800-7000-8001-000000000002", "name": "Kiwi", "species": "OTHER",
        "gender": "UNKNOWN", "status": "AVAILABLE", "price": "0.00", "currency": "USD",
        "photos": [],
        "medicalInfo": {"spayedNeutered": false, "vaccinated": false, "microchipped": false,
                        "specialNeeds": false},
        "createdAt": "1970-01-01T00:00:00.000Z", "updatedAt": "1970-01-01T00:00:00.000Z",
        "links": {"self": "/v1/pets/019b76da-a800-7000-8001-000000000002",
                  "adopt": "/v1/orders"}})");
    QCOMPARE(toJson(pet).dump(), expected.dump());
}

void tst_DomainJson::serialisesUserWithoutPasswordHash()
{
    User user;
    user.id = "019b76da-a800-7000-8002-000000000001";
    user.username = "alice";
    user.email = "alice@example.com";
    user.firstName = "Alice";
    user.lastName = "Johnson";
    user.role = Role::Customer;
    user.passwordHash = "pbkdf2-sha256$1$c2FsdA==$a2V5";
    user.createdAt = at("2026-01-02T08:15:00.000Z");
    user.updatedAt = at("2026-01-02T08:15:00.000Z");
    const json expected = json::parse(R"({
        "id": "019b76da-a800-7000-8002-000000000001", "username": "alice",
        "email": "alice@example.com", "firstName": "Alice", "lastName": "Johnson",
        "role": "CUSTOMER", "createdAt": "2026-01-02T08:15:00.000Z",
        "updatedAt": "2026-01-02T08:15:00.000Z"})");
    QCOMPARE(toJson(user).dump(), expected.dump());
    user.phone = "+14155550101";
    QCOMPARE(toJson(user).at("phone").get<std::string>(), std::string("+14155550101"));
}

void tst_DomainJson::serialisesAnonymousOrderWithNullUser()
{
    Order order;
    order.id = "019ca945-0a00-7000-8003-000000000001";
    order.petId = "019b76da-a800-7000-8001-000000000001";
    order.totalAmount = "450.00";
    order.currency = "USD";
    order.createdAt = order.updatedAt = at("2026-03-01T12:00:00.000Z");
    const json expected = json::parse(R"({
        "id": "019ca945-0a00-7000-8003-000000000001",
        "petId": "019b76da-a800-7000-8001-000000000001", "userId": null, "status": "PLACED",
        "totalAmount": "450.00", "currency": "USD",
        "createdAt": "2026-03-01T12:00:00.000Z", "updatedAt": "2026-03-01T12:00:00.000Z",
        "links": {"self": "/v1/orders/019ca945-0a00-7000-8003-000000000001",
                  "pet": "/v1/pets/019b76da-a800-7000-8001-000000000001"}})");
    QCOMPARE(toJson(order).dump(), expected.dump());
}

void tst_DomainJson::serialisesOrderWithPaymentLink()
{
    Order order;
    order.id = "o1";
    order.petId = "p1";
    order.userId = "u1";
    order.status = OrderStatus::Approved;
    order.totalAmount = "10.50";
    order.currency = "EUR";
    order.callbackUrl = "https://hooks.example.com/orders";
    order.paymentId = "pay1";
    const json j = toJson(order);
    QCOMPARE(j.at("userId").get<std::string>(), std::string("u1"));
    QCOMPARE(j.at("status").get<std::string>(), std::string("APPROVED"));
    QCOMPARE(j.at("callbackUrl").get<std::string>(), std::string("https://hooks.example.com/orders"));
    QCOMPARE(j.at("paymentId").get<std::string>(), std::string("pay1"));
    QCOMPARE(j.at("links").dump(),
             std::string(R"({"payment":"/v1/payments/pay1","pet":"/v1/pets/p1","self":"/v1/orders/o1"})"));
}

void tst_DomainJson::serialisesPaymentWithCardSummaryOnly()
{
    Payment payment;
    payment.id = "pay1";
    payment.orderId = "o1";
    payment.amount = "450.00";
    payment.currency = "USD";
    payment.card = {"VISA", "Alice Johnson", "0002", 12, 2028};
    payment.status = PaymentStatus::Failed;
    payment.failureReason = "card_declined";
    payment.declines = true;
    payment.createdAt = payment.updatedAt = at("2026-03-01T12:00:00.000Z");
    const json expected = json::parse(R"({
        "id": "pay1", "orderId": "o1", "amount": "450.00", "currency": "USD",
        "source": {"type": "card", "brand": "VISA", "name": "Alice Johnson", "last4": "0002",
                   "expMonth": 12, "expYear": 2028},
        "status": "FAILED", "failureReason": "card_declined",
        "createdAt": "2026-03-01T12:00:00.000Z", "updatedAt": "2026-03-01T12:00:00.000Z"})");
    QCOMPARE(toJson(payment).dump(), expected.dump());
}

void tst_DomainJson::serialisesInventoryItem()
{
    InventoryItem item{"prod1", "FOOD-DOG-001", "Premium Dog Food", "food", 42, 10, "54.99", "USD",
                       at("2026-04-10T07:30:00.000Z")};
    const json expected = json::parse(R"({
        "productId": "prod1", "sku": "FOOD-DOG-001", "name": "Premium Dog Food",
        "category": "food", "stock": 42, "reorderLevel": 10, "unitPrice": "54.99",
        "currency": "USD", "updatedAt": "2026-04-10T07:30:00.000Z"})");
    QCOMPARE(toJson(item).dump(), expected.dump());
}

void tst_DomainJson::readsValidPet()
{
    const json body = json::parse(R"({
        "name": "Ünïcødé名前", "species": "CAT", "breed": "Siamese", "ageMonths": 600,
        "size": "SMALL", "color": "seal", "gender": "FEMALE", "goodWithKids": true,
        "goodWithPets": false, "status": "NOT_AVAILABLE", "price": "123456789.99",
        "currency": "GBP", "description": "d", "photos": ["http://a.example/x.png"],
        "medicalInfo": {"vaccinated": true, "notes": "ok"},
        "id": "ignored", "createdAt": "ignored", "links": {}, "unknownMember": 1})");
    const Result<Pet> pet = petFromJson(body);
    QVERIFY(pet.ok());
    QCOMPARE(pet->name, std::string("Ünïcødé名前"));
    QCOMPARE(wire(pet->species), QStringLiteral("CAT"));
    QCOMPARE(pet->ageMonths, std::optional<int>(600));
    QCOMPARE(pet->size, std::optional<PetSize>(PetSize::Small));
    QCOMPARE(wire(pet->gender), QStringLiteral("FEMALE"));
    QCOMPARE(pet->goodWithPets, std::optional<bool>(false));
    QCOMPARE(wire(pet->status), QStringLiteral("NOT_AVAILABLE"));
    QCOMPARE(pet->price, std::string("123456789.99"));
    QCOMPARE(pet->currency, std::string("GBP"));
    QCOMPARE(pet->photos.size(), std::size_t(1));
    QCOMPARE(pet->medicalInfo.vaccinated, true);
    QCOMPARE(pet->medicalInfo.spayedNeutered, false);
    QCOMPARE(pet->medicalInfo.notes, std::string("ok"));
    QCOMPARE(pet->id, std::string());
}

void tst_DomainJson::appliesPetDefaults()
{
    const Result<Pet> pet = petFromJson(json{{"name", "Kiwi"}, {"species", "BIRD"}, {"breed", nullptr}});
    QVERIFY(pet.ok());
    QCOMPARE(wire(pet->status), QStringLiteral("AVAILABLE"));
    QCOMPARE(wire(pet->gender), QStringLiteral("UNKNOWN"));
    QCOMPARE(pet->price, std::string("0.00"));
    QCOMPARE(pet->currency, std::string("USD"));
    QCOMPARE(pet->breed, std::string());
    QVERIFY(!pet->ageMonths);
    QVERIFY(!pet->size);
    QVERIFY(!pet->goodWithKids);
}

void tst_DomainJson::reportsEveryPetError_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("errors");
    QTest::newRow("not an object") << "[1]" << ":type";
    QTest::newRow("missing name and species") << "{}" << "/name:required /species:required";
    QTest::newRow("empty name") << R"({"name":"","species":"DOG"})" << "/name:minLength";
    QTest::newRow("51 char name")
        << QString(R"({"name":"%1","species":"DOG"})").arg(QString(51, QLatin1Char('x')))
        << "/name:maxLength";
    QTest::newRow("50 multibyte chars ok")
        << QString(R"({"name":"%1","species":"DOG"})").arg(QString(50, QChar(0x00E9))) << "";
    QTest::newRow("name not string") << R"({"name":5,"species":"DOG"})" << "/name:type";
    QTest::newRow("lower-case enum") << R"({"name":"a","species":"dog"})" << "/species:enum";
    QTest::newRow("bad size gender status")
        << R"({"name":"a","species":"DOG","size":"HUGE","gender":"X","status":"SOLD"})"
        << "/size:enum /gender:enum /status:enum";
    QTest::newRow("age negative") << R"({"name":"a","species":"DOG","ageMonths":-1})"
                                  << "/ageMonths:minimum";
    QTest::newRow("age too old") << R"({"name":"a","species":"DOG","ageMonths":601})"
                                 << "/ageMonths:maximum";
    QTest::newRow("age fractional") << R"({"name":"a","species":"DOG","ageMonths":1.5})"
                                    << "/ageMonths:type";
    QTest::newRow("age huge unsigned")
        << R"({"name":"a","species":"DOG","ageMonths":18446744073709551615})"
        << "/ageMonths:maximum";
    QTest::newRow("price number") << R"({"name":"a","species":"DOG","price":10})" << "/price:type";
    QTest::newRow("price three decimals") << R"({"name":"a","species":"DOG","price":"1.234"})"
                                          << "/price:pattern";
    QTest::newRow("price negative") << R"({"name":"a","species":"DOG","price":"-1.00"})"
                                    << "/price:pattern";
    QTest::newRow("price ten digits") << R"({"name":"a","species":"DOG","price":"1234567890"})"
                                      << "/price:pattern";
    QTest::newRow("price trailing dot") << R"({"name":"a","species":"DOG","price":"1."})"
                                        << "/price:pattern";
    QTest::newRow("currency") << R"({"name":"a","species":"DOG","currency":"JPY"})"
                              << "/currency:enum";
    QTest::newRow("photos not array") << R"({"name":"a","species":"DOG","photos":"x"})"
                                      << "/photos:type";
    QTest::newRow("photo relative and ftp")
        << R"({"name":"a","species":"DOG","photos":["https://ok.example/a","/rel.png","ftp://h/x"]})"
        << "/photos/1:format /photos/2:format";
    QTest::newRow("21 photos")
        << QString(R"({"name":"a","species":"DOG","photos":[%1"https://h.example/x"]})")
               .arg(QString(QStringLiteral("\"https://h.example/x\",")).repeated(20))
        << "/photos:maxItems";
    QTest::newRow("breed color description")
        << QString(R"({"name":"a","species":"DOG","breed":"%1","color":"%1","description":"%2"})")
               .arg(QString(51, QLatin1Char('b')), QString(2001, QLatin1Char('d')))
        << "/breed:maxLength /color:maxLength /description:maxLength";
    QTest::newRow("good with kids string")
        << R"({"name":"a","species":"DOG","goodWithKids":"yes"})" << "/goodWithKids:type";
    QTest::newRow("medical info")
        << QString(R"({"name":"a","species":"DOG","medicalInfo":{"vaccinated":1,"notes":"%1"}})")
               .arg(QString(1001, QLatin1Char('n')))
        << "/medicalInfo/vaccinated:type /medicalInfo/notes:maxLength";
    QTest::newRow("medical info not object")
        << R"({"name":"a","species":"DOG","medicalInfo":[]})" << "/medicalInfo:type";
    QTest::newRow("all at once")
        << R"({"name":"","species":"FISH","ageMonths":700,"price":"x","currency":"usd"})"
        << "/name:minLength /species:enum /ageMonths:maximum /price:pattern /currency:enum";
}

void tst_DomainJson::reportsEveryPetError()
{
    QFETCH(QString, body);
    QFETCH(QString, errors);
    const Result<Pet> pet = petFromJson(json::parse(body.toStdString()));
    if (errors.isEmpty()) {
        QVERIFY(pet.ok());
        return;
    }
    QVERIFY(!pet.ok());
    QCOMPARE(pet.error().kind, ErrorKind::Validation);
    QCOMPARE(describe(pet.error().fields), errors);
}

void tst_DomainJson::roundTripsPetThroughJson()
{
    const Pet original = samplePet();
    const Result<Pet> read = petFromJson(toJson(original));
    QVERIFY(read.ok());
    Pet copy = read.value();
    copy.id = original.id;
    copy.createdAt = original.createdAt;
    copy.updatedAt = original.updatedAt;
    QCOMPARE(toJson(copy).dump(), toJson(original).dump());
}

QTEST_APPLESS_MAIN(tst_DomainJson)
#include "tst_domainjson.moc"
