// SPDX-License-Identifier: GPL-3.0-or-later
// The Petstore GraphQL service on a seeded store: nested look-ups are batched (the store is
// asked once per batch and once per distinct id, as extensions.metrics shows), mutations
// follow the REST rules and codes, credentials and scopes are enforced per field, and domain
// events feed the Subscription fields.
#include "mock-server/graphql/graphqlservice.h"
#include "mock-server/graphql/graphqlsubscriptionfeed.h"

#include <QFile>
#include <QTest>

#include <set>

using namespace petstore;
using namespace petstore::mock;
using json = nlohmann::json;
using ordered_json = nlohmann::ordered_json;

class TestGraphQLService : public QObject
{
    Q_OBJECT

    MockConfig m_config;
    core::DomainEventBus m_bus;
    std::unique_ptr<core::TenantRegistry> m_tenants;
    std::unique_ptr<GraphQLService> m_service;
    QObject m_timers;

    core::Store &store() { return *m_tenants->store("default").value(); }

    GraphQLRequestContext context(Caller caller = {}, std::vector<std::string> scopes = {}, bool required = false)
    {
        return GraphQLRequestContext(&store(), "default", std::move(caller), std::move(scopes), required,
                                     PaymentScheduler(&m_config, m_tenants.get(), &m_timers));
    }

    ordered_json run(const std::string &query, GraphQLRequestContext requestContext, const json &variables = json::object())
    {
        const auto prepared = m_service->prepare(query, {}, variables);
        if (!prepared.ok())
            return core::GraphQLResponse::requestError(prepared.errors).toJson();
        return m_service->execute(prepared, requestContext).toJson();
    }

    core::Actor customer()
    {
        core::Actor actor;
        actor.userId = store().findUserByUsername("alice")->id;
        return actor;
    }

private Q_SLOTS:
    void init()
    {
        QFile seed(QStringLiteral(":/seed/petstore.json"));
        QVERIFY(seed.open(QIODevice::ReadOnly));
        m_tenants = std::make_unique<core::TenantRegistry>(json::parse(seed.readAll().toStdString()), &m_bus);
        auto service = GraphQLService::create(GraphQLConfig().engineLimits());
        QVERIFY2(service.ok(), service.ok() ? "" : service.error().message.c_str());
        m_service = std::move(service).value();
        m_config.paymentDelayMs = 20;
    }

    void nestedLookUpsAreBatchedPerList()
    {
        const auto response = run("{ pets(first: 50) { nodes { id orders { pet { name } user { username } } } } }", context());
        QVERIFY2(!response.contains("errors"), response.dump().c_str());
        std::set<std::string> pets, users;
        std::size_t orders = 0;
        for (const auto &pet : response["data"]["pets"]["nodes"])
            for (const auto &order : pet["orders"]) {
                ++orders;
                pets.insert(pet["id"].get<std::string>());
                if (order["user"].is_object())
                    users.insert(order["user"]["username"].get<std::string>());
            }
        QVERIFY(orders >= 10);
        // One listPets, one listOrders for every pet, then each distinct pet and user once.
        const auto metrics = response["extensions"]["metrics"];
        QCOMPARE(metrics["storeLookups"].get<std::size_t>(), 2 + pets.size() + users.size());
        QVERIFY(metrics["storeLookups"].get<std::size_t>() < orders * 2);
        // One resolver call per field per list, however many pets and orders there are.
        QCOMPARE(metrics["resolverCalls"].get<int>(), 8);
    }

    void mutationsFollowTheRestRulesAndCodes()
    {
        const std::string adopted = store().listPets({std::nullopt, core::PetStatus::Adopted})->front().id;
        const auto conflict = run("mutation ($id: ID!) { placeOrder(petId: $id) { id } }", context(), {{"id", adopted}});
        QCOMPARE(conflict["errors"][0]["extensions"]["code"].get<std::string>(), std::string("CONFLICT"));
        QCOMPARE(conflict["errors"][0]["extensions"]["status"].get<int>(), 409);

        const auto invalid = run("mutation { createPet(input: {name: \"\", species: DOG}) { id } }", context());
        QCOMPARE(invalid["errors"][0]["extensions"]["code"].get<std::string>(), std::string("BAD_USER_INPUT"));
        QCOMPARE(invalid["errors"][0]["extensions"]["fields"][0]["field"].get<std::string>(), std::string("/name"));

        const std::string available = store().listPets({std::nullopt, core::PetStatus::Available})->front().id;
        const auto placed = run("mutation ($id: ID!) { placeOrder(petId: $id) { id status pet { status } } }", context(), {{"id", available}});
        QCOMPARE(placed["data"]["placeOrder"]["pet"]["status"].get<std::string>(), std::string("PENDING"));
        const std::string order = placed["data"]["placeOrder"]["id"];
        const auto paid = run("mutation ($o: ID!) { payOrder(input: {orderId: $o, card: {number: \"4242424242424242\", expMonth: 12, "
                              "expYear: 2040, cvc: \"123\", name: \"Ana\"}}) { status card { last4 } order { id } } }",
                              context(), {{"o", order}});
        QCOMPARE(paid["data"]["payOrder"]["status"].get<std::string>(), std::string("PENDING"));
        QCOMPARE(paid["data"]["payOrder"]["card"]["last4"].get<std::string>(), std::string("4242"));
        // Settled by the same scheduler as REST payments.
        QTRY_COMPARE(core::toString(store().getPet(available)->status), std::string_view("ADOPTED"));
    }

    void credentialsAndScopesAreCheckedPerField()
    {
        const auto anonymous = run("{ pet(id: \"x\") { name } __typename }", context({}, {}, true));
        QCOMPARE(anonymous["errors"][0]["extensions"]["code"].get<std::string>(), std::string("UNAUTHENTICATED"));
        QCOMPARE(anonymous["data"]["__typename"].get<std::string>(), std::string("Query"));

        const Caller alice{true, customer()};
        const auto noScope = run("mutation { deletePet(id: \"x\") }", context(alice, {"read:pets"}));
        QCOMPARE(noScope["errors"][0]["extensions"]["code"].get<std::string>(), std::string("FORBIDDEN"));

        // A customer sees only their own orders, as GET /v1/orders.
        const auto own = run("{ orders(first: 100) { totalCount nodes { userId } } me { username } }", context(alice, {"read:orders", "read:user"}));
        QCOMPARE(own["data"]["me"]["username"].get<std::string>(), std::string("alice"));
        for (const auto &order : own["data"]["orders"]["nodes"])
            QCOMPARE(order["userId"].get<std::string>(), *alice.actor.userId);
        const auto all = run("{ orders(first: 100) { totalCount } }", context());
        QVERIFY(all["data"]["orders"]["totalCount"].get<int>() > own["data"]["orders"]["totalCount"].get<int>());
    }

    void domainEventsFeedTheSubscriptionFields()
    {
        const auto prepared = m_service->prepare("subscription { petStatusChanged { pet { name status } previousStatus status } }", {}, json::object());
        QVERIFY(prepared.ok());
        const auto root = m_service->subscriptionRoot(prepared);
        QVERIFY(root.ok());
        std::vector<ordered_json> payloads;
        m_bus.subscribe([&](const core::CloudEvent &event) {
            if (auto value = GraphQLSubscriptionFeed::valueFor(root->field, root->arguments, event, store(), Caller{})) {
                GraphQLRequestContext requestContext = context();
                payloads.push_back(m_service->executeEvent(prepared, *value, requestContext).toJson());
            }
        });
        const core::Pet pet = store().listPets({std::nullopt, core::PetStatus::Available})->front();
        QVERIFY(store().mergePatchPet(pet.id, {{"status", "NOT_AVAILABLE"}}).ok());
        QVERIFY(store().adjustStock(store().listInventory().front().productId, 1, "restock").ok());   // not this field's event
        QCOMPARE(payloads.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(payloads[0]["data"].dump()),
                 QString::fromStdString(json{{"petStatusChanged", {{"pet", {{"name", pet.name}, {"status", "NOT_AVAILABLE"}}},
                                                                   {"previousStatus", "AVAILABLE"}, {"status", "NOT_AVAILABLE"}}}}.dump()));
    }
};

QTEST_GUILESS_MAIN(TestGraphQLService)
#include "tst_graphqlservice.moc"
