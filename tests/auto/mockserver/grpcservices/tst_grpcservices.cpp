// SPDX-License-Identifier: GPL-3.0-or-later
// The mock's gRPC services through grpc++'s own client: every method and streaming kind, the
// status codes of PROTOCOL-NOTES, credentials, deadlines, cancellation, chaos, health and a
// reader too slow for its stream. The mock runs on its own thread (MockServerHost), so these
// blocking client calls never hold up the server.
#include "mock-server/mockserverhost.h"

#include "grpc/health/v1/health.grpc.pb.h"
#include "petstore/v1/chat_service.grpc.pb.h"
#include "petstore/v1/order_service.grpc.pb.h"
#include "petstore/v1/pet_service.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>

#include <nlohmann/json.hpp>

#include <chrono>
#include <thread>

using namespace petstore;
namespace v1 = petstore::v1;
using grpc::StatusCode;

namespace {

constexpr const char *ReadOnlyKey = "psk_read_only_0123456789";
constexpr const char *WriterKey = "psk_writer_0123456789abc";

std::unique_ptr<grpc::ClientContext> contextWith(const char *apiKey = nullptr, int timeoutMs = 5000)
{
    auto context = std::make_unique<grpc::ClientContext>();
    context->set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(timeoutMs));
    if (apiKey)
        context->AddMetadata("x-api-key", apiKey);
    return context;
}

QString codeName(const grpc::Status &status)
{
    return QString::number(int(status.error_code())) + QStringLiteral(" ") + QString::fromStdString(status.error_message());
}

// Evaluates the call once (a ClientContext serves one call only).
#define QCOMPARE_CODE(call, code)                                                             \
    do {                                                                                      \
        const grpc::Status status_ = (call);                                                  \
        QVERIFY2(status_.error_code() == (code), qPrintable(codeName(status_)));              \
    } while (false)

} // namespace

class TestGrpcServices : public QObject
{
    Q_OBJECT

private:
    mock::MockServerHost m_host;
    std::shared_ptr<grpc::Channel> m_channel;
    std::unique_ptr<v1::PetService::Stub> m_pets;
    std::unique_ptr<v1::OrderService::Stub> m_orders;

    void setAuth(const char *mode)
    {
        m_host.applyRuntimeConfig({{"auth", mode}});
        QVERIFY(m_host.waitForStatus());
    }

    v1::Pet createPet(const std::string &name)
    {
        v1::CreatePetRequest request;
        request.mutable_pet()->set_name(name);
        request.mutable_pet()->set_species(v1::SPECIES_CAT);
        request.mutable_pet()->set_price("120.00");
        v1::CreatePetResponse response;
        const grpc::Status status = m_pets->CreatePet(contextWith().get(), request, &response);
        return status.ok() ? response.pet() : v1::Pet();
    }

    nlohmann::json restGet(const QString &path)
    {
        QNetworkAccessManager network;
        QNetworkReply *reply = network.get(QNetworkRequest(
            QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_host.status().httpPort).arg(path))));
        if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 5000))
            return nullptr;
        reply->deleteLater();
        return nlohmann::json::parse(reply->readAll().toStdString(), nullptr, false);
    }

private Q_SLOTS:
    void initTestCase()
    {
        mock::MockConfig config;
        config.useFreePorts();
        config.grpc.maxQueuedMessages = 8;
        config.streaming.chatTokenDelayMs = 0;
        config.paymentDelayMs = 50;
        config.apiKeys.push_back({ReadOnlyKey, "reader", core::Role::Customer, {"read:pets", "read:orders"}});
        config.apiKeys.push_back({WriterKey, "writer", core::Role::Admin, {"read:pets", "write:pets", "read:orders", "write:orders"}});
        m_host.start(config);
        QVERIFY(m_host.waitForStatus());
        QVERIFY(m_host.status().grpcPort != 0);
        m_channel = grpc::CreateChannel("127.0.0.1:" + std::to_string(m_host.status().grpcPort), grpc::InsecureChannelCredentials());
        m_pets = v1::PetService::NewStub(m_channel);
        m_orders = v1::OrderService::NewStub(m_channel);
    }

    void unaryPetMethodsFollowTheRestRules()
    {
        const v1::Pet created = createPet("Grpc Whiskers");
        QVERIFY(!created.id().empty());
        QCOMPARE(created.status(), v1::PET_STATUS_AVAILABLE);
        QVERIFY(created.created_at().seconds() > 0);

        v1::GetPetResponse got;
        v1::GetPetRequest get;
        get.set_id(created.id());
        QVERIFY(m_pets->GetPet(contextWith().get(), get, &got).ok());
        QCOMPARE(got.pet().name(), std::string("Grpc Whiskers"));
        QCOMPARE(restGet(QStringLiteral("/v1/pets/") + QString::fromStdString(created.id())).value("name", ""), "Grpc Whiskers");

        // Only the masked field changes; age_months stays as it was.
        v1::UpdatePetRequest update;
        update.mutable_pet()->set_id(created.id());
        update.mutable_pet()->set_name("Renamed");
        update.mutable_pet()->set_breed("ignored, not in the mask");
        update.mutable_update_mask()->add_paths("name");
        v1::UpdatePetResponse updated;
        QVERIFY(m_pets->UpdatePet(contextWith().get(), update, &updated).ok());
        QCOMPARE(updated.pet().name(), std::string("Renamed"));
        QCOMPARE(updated.pet().breed(), std::string());

        v1::DeletePetRequest remove;
        remove.set_id(created.id());
        v1::DeletePetResponse removed;
        QVERIFY(m_pets->DeletePet(contextWith().get(), remove, &removed).ok());
        QCOMPARE_CODE(m_pets->GetPet(contextWith().get(), get, &got), StatusCode::NOT_FOUND);
    }

    void listPetsPagesThroughEveryMatch()
    {
        v1::ListPetsRequest request;
        request.set_page_size(7);
        request.set_species(v1::SPECIES_DOG);
        std::set<std::string> seen;
        int total = -1;
        for (int page = 0; page < 100; ++page) {
            v1::ListPetsResponse response;
            QVERIFY(m_pets->ListPets(contextWith().get(), request, &response).ok());
            total = response.total_size();
            for (const v1::Pet &pet : response.pets()) {
                QCOMPARE(pet.species(), v1::SPECIES_DOG);
                seen.insert(pet.id());
            }
            if (response.next_page_token().empty())
                break;
            request.set_page_token(response.next_page_token());
        }
        QVERIFY(total > 7);
        QCOMPARE(int(seen.size()), total);
    }

    void domainErrorsMapToStatusCodes()
    {
        v1::CreatePetRequest unknownEnum;
        unknownEnum.mutable_pet()->set_name("Odd");
        unknownEnum.mutable_pet()->set_species(v1::Species(42));
        v1::CreatePetResponse created;
        grpc::Status status = m_pets->CreatePet(contextWith().get(), unknownEnum, &created);
        QCOMPARE_CODE(status, StatusCode::INVALID_ARGUMENT);
        QVERIFY(status.error_message().find("species: unknown enum value 42") != std::string::npos);

        v1::CreatePetRequest nameless;
        nameless.mutable_pet()->set_species(v1::SPECIES_DOG);
        status = m_pets->CreatePet(contextWith().get(), nameless, &created);
        QCOMPARE_CODE(status, StatusCode::INVALID_ARGUMENT);
        QVERIFY(status.error_message().find("name: ") != std::string::npos);

        v1::UpdatePetRequest badMask;
        badMask.mutable_pet()->set_id(createPet("Masked").id());
        badMask.mutable_update_mask()->add_paths("created_at");
        v1::UpdatePetResponse updated;
        QCOMPARE_CODE(m_pets->UpdatePet(contextWith().get(), badMask, &updated), StatusCode::INVALID_ARGUMENT);

        v1::ListPetsRequest badToken;
        badToken.set_page_token("not-a-token");
        v1::ListPetsResponse listed;
        QCOMPARE_CODE(m_pets->ListPets(contextWith().get(), badToken, &listed), StatusCode::INVALID_ARGUMENT);

        // An order holds its pet: a second order and deleting the pet both fail the precondition.
        const v1::Pet pet = createPet("Held");
        v1::PlaceOrderRequest place;
        place.set_pet_id(pet.id());
        v1::PlaceOrderResponse placed;
        QVERIFY(m_orders->PlaceOrder(contextWith().get(), place, &placed).ok());
        QCOMPARE_CODE(m_orders->PlaceOrder(contextWith().get(), place, &placed), StatusCode::FAILED_PRECONDITION);
        v1::DeletePetRequest remove;
        remove.set_id(pet.id());
        v1::DeletePetResponse removed;
        QCOMPARE_CODE(m_pets->DeletePet(contextWith().get(), remove, &removed), StatusCode::FAILED_PRECONDITION);

        v1::PlaceOrderRequest missingPet;
        QCOMPARE_CODE(m_orders->PlaceOrder(contextWith().get(), missingPet, &placed), StatusCode::INVALID_ARGUMENT);
        v1::GetOrderRequest unknownOrder;
        unknownOrder.set_id("0000");
        v1::GetOrderResponse order;
        QCOMPARE_CODE(m_orders->GetOrder(contextWith().get(), unknownOrder, &order), StatusCode::NOT_FOUND);
    }

    void credentialsAreCheckedPerMethod()
    {
        setAuth("required");
        v1::GetPetRequest get;
        get.set_id("anything");
        v1::GetPetResponse got;
        QCOMPARE_CODE(m_pets->GetPet(contextWith().get(), get, &got), StatusCode::UNAUTHENTICATED);
        QCOMPARE_CODE(m_pets->GetPet(contextWith("psk_unknown_key_0000000").get(), get, &got), StatusCode::UNAUTHENTICATED);
        auto bearer = contextWith();
        bearer->AddMetadata("authorization", "Bearer not.a.jwt");
        QCOMPARE_CODE(m_pets->GetPet(bearer.get(), get, &got), StatusCode::UNAUTHENTICATED);
        QCOMPARE_CODE(m_pets->GetPet(contextWith(ReadOnlyKey).get(), get, &got), StatusCode::NOT_FOUND);
        v1::CreatePetRequest create;
        create.mutable_pet()->set_name("Denied");
        create.mutable_pet()->set_species(v1::SPECIES_DOG);
        v1::CreatePetResponse created;
        QCOMPARE_CODE(m_pets->CreatePet(contextWith(ReadOnlyKey).get(), create, &created), StatusCode::PERMISSION_DENIED);
        QVERIFY(m_pets->CreatePet(contextWith(WriterKey).get(), create, &created).ok());
        // Health stays public.
        auto health = grpc::health::v1::Health::NewStub(m_channel);
        grpc::health::v1::HealthCheckRequest check;
        grpc::health::v1::HealthCheckResponse serving;
        QVERIFY(health->Check(contextWith().get(), check, &serving).ok());
        setAuth("none");
    }

    void tenantMetadataSelectsAnIsolatedStore()
    {
        auto tenant = contextWith();
        tenant->AddMetadata("x-tenant-id", "grpc-tenant");
        v1::CreatePetRequest create;
        create.mutable_pet()->set_name("Tenant Pet");
        create.mutable_pet()->set_species(v1::SPECIES_BIRD);
        v1::CreatePetResponse created;
        QVERIFY(m_pets->CreatePet(tenant.get(), create, &created).ok());
        v1::GetPetRequest get;
        get.set_id(created.pet().id());
        v1::GetPetResponse got;
        QCOMPARE_CODE(m_pets->GetPet(contextWith().get(), get, &got), StatusCode::NOT_FOUND);
        auto sameTenant = contextWith();
        sameTenant->AddMetadata("x-tenant-id", "grpc-tenant");
        QVERIFY(m_pets->GetPet(sameTenant.get(), get, &got).ok());
    }

    void ordersPlacedOverGrpcAreOrdersInRestAndTrackingEndsWhenCancelled()
    {
        const v1::Pet pet = createPet("Tracked");
        v1::PlaceOrderRequest place;
        place.set_pet_id(pet.id());
        v1::PlaceOrderResponse placed;
        QVERIFY(m_orders->PlaceOrder(contextWith().get(), place, &placed).ok());
        const nlohmann::json rest = restGet(QStringLiteral("/v1/orders/") + QString::fromStdString(placed.order().id()));
        QCOMPARE(rest.value("petId", ""), pet.id());
        QCOMPARE(rest.value("status", ""), "PLACED");

        v1::TrackOrderRequest track;
        track.set_order_id(placed.order().id());
        auto context = contextWith(nullptr, 10000);
        auto reader = m_orders->TrackOrder(context.get(), track);
        v1::TrackOrderResponse step;
        QVERIFY(reader->Read(&step));
        QCOMPARE(step.order().status(), v1::ORDER_STATUS_PLACED);
        QCOMPARE(step.previous_status(), v1::ORDER_STATUS_UNSPECIFIED);

        v1::CancelOrderRequest cancel;
        cancel.set_id(placed.order().id());
        v1::CancelOrderResponse cancelled;
        QVERIFY(m_orders->CancelOrder(contextWith().get(), cancel, &cancelled).ok());
        QVERIFY(reader->Read(&step));
        QCOMPARE(step.order().status(), v1::ORDER_STATUS_CANCELLED);
        QCOMPARE(step.previous_status(), v1::ORDER_STATUS_PLACED);
        QVERIFY(!reader->Read(&step));
        QVERIFY(reader->Finish().ok());
    }

    void paymentsSettleAsynchronouslyAndApproveTheOrder()
    {
        const v1::Pet pet = createPet("Paid For");
        v1::PlaceOrderRequest place;
        place.set_pet_id(pet.id());
        v1::PlaceOrderResponse placed;
        QVERIFY(m_orders->PlaceOrder(contextWith().get(), place, &placed).ok());
        auto context = contextWith(nullptr, 10000);
        v1::TrackOrderRequest track;
        track.set_order_id(placed.order().id());
        auto reader = m_orders->TrackOrder(context.get(), track);
        v1::TrackOrderResponse step;
        QVERIFY(reader->Read(&step));

        v1::PayOrderRequest pay;
        pay.set_order_id(placed.order().id());
        pay.mutable_card()->set_number("4242424242424242");
        pay.mutable_card()->set_exp_month(12);
        pay.mutable_card()->set_exp_year(2040);
        pay.mutable_card()->set_cvc("123");
        pay.mutable_card()->set_name("Ada Lovelace");
        v1::PayOrderResponse paid;
        QVERIFY(m_orders->PayOrder(contextWith().get(), pay, &paid).ok());
        QCOMPARE(paid.payment().status(), v1::PAYMENT_STATUS_PENDING);
        QCOMPARE(paid.payment().card().last4(), std::string("4242"));
        QVERIFY(reader->Read(&step));
        QCOMPARE(step.order().status(), v1::ORDER_STATUS_APPROVED);
        context->TryCancel();
        while (reader->Read(&step)) {}
        QCOMPARE_CODE(reader->Finish(), StatusCode::CANCELLED);

        v1::PayOrderRequest noCard;
        noCard.set_order_id(placed.order().id());
        QCOMPARE_CODE(m_orders->PayOrder(contextWith().get(), noCard, &paid), StatusCode::INVALID_ARGUMENT);
    }

    void watchPetsSendsExistingPetsThenChanges()
    {
        const v1::Pet pet = createPet("Watched");
        v1::WatchPetsRequest request;
        request.add_pet_ids(pet.id());
        request.set_include_existing(true);
        auto context = contextWith(nullptr, 10000);
        auto reader = m_pets->WatchPets(context.get(), request);
        v1::WatchPetsResponse event;
        QVERIFY(reader->Read(&event));
        QCOMPARE(event.type(), v1::PET_EVENT_TYPE_EXISTING);
        QCOMPARE(event.pet().name(), std::string("Watched"));

        v1::UpdatePetRequest update;
        update.mutable_pet()->set_id(pet.id());
        update.mutable_pet()->set_status(v1::PET_STATUS_NOT_AVAILABLE);
        update.mutable_update_mask()->add_paths("status");
        v1::UpdatePetResponse updated;
        QVERIFY(m_pets->UpdatePet(contextWith().get(), update, &updated).ok());
        QVERIFY(reader->Read(&event));
        QCOMPARE(event.type(), v1::PET_EVENT_TYPE_UPDATED);
        QVERIFY(!event.event_id().empty());
        QVERIFY(reader->Read(&event));
        QCOMPARE(event.type(), v1::PET_EVENT_TYPE_STATUS_CHANGED);
        QCOMPARE(event.previous_status(), v1::PET_STATUS_AVAILABLE);
        QCOMPARE(event.pet().status(), v1::PET_STATUS_NOT_AVAILABLE);
        context->TryCancel();
        while (reader->Read(&event)) {}
        QCOMPARE_CODE(reader->Finish(), StatusCode::CANCELLED);
        // The server let go of the call as well.
        QTRY_COMPARE((m_host.waitForStatus(), m_host.status().grpcActiveCalls), 0);
    }

    void watchPetsRefusesUnknownFilterValues()
    {
        v1::WatchPetsRequest request;
        request.add_types(v1::PetEventType(77));
        auto context = contextWith();
        auto reader = m_pets->WatchPets(context.get(), request);
        v1::WatchPetsResponse event;
        QVERIFY(!reader->Read(&event));
        QCOMPARE_CODE(reader->Finish(), StatusCode::INVALID_ARGUMENT);
    }

    void importPetsCreatesEachPetAndReportsFailures()
    {
        auto context = contextWith();
        v1::ImportPetsResponse summary;
        auto writer = m_pets->ImportPets(context.get(), &summary);
        v1::ImportPetsRequest item;
        item.mutable_pet()->set_name("Imported One");
        item.mutable_pet()->set_species(v1::SPECIES_RABBIT);
        QVERIFY(writer->Write(item));
        item.mutable_pet()->set_name("");
        QVERIFY(writer->Write(item));
        item.mutable_pet()->set_name("Imported Three");
        QVERIFY(writer->Write(item));
        QVERIFY(writer->WritesDone());
        QVERIFY(writer->Finish().ok());
        QCOMPARE(summary.received_count(), 3);
        QCOMPARE(summary.created_count(), 2);
        QCOMPARE(summary.created_ids_size(), 2);
        QCOMPARE(summary.failures_size(), 1);
        QCOMPARE(summary.failures(0).index(), 1);
        QCOMPARE(summary.failures(0).code(), std::string("INVALID_ARGUMENT"));
        v1::GetPetRequest get;
        get.set_id(summary.created_ids(1));
        v1::GetPetResponse got;
        QVERIFY(m_pets->GetPet(contextWith().get(), get, &got).ok());
        QCOMPARE(got.pet().name(), std::string("Imported Three"));
    }

    void importPetsTakesAtMostFiftyThousandPetsPerCall()
    {
        auto context = contextWith(nullptr, 60000);
        v1::ImportPetsResponse summary;
        auto writer = m_pets->ImportPets(context.get(), &summary);
        v1::ImportPetsRequest item;
        item.mutable_pet()->set_species(v1::SPECIES_DOG);
        item.mutable_pet()->set_name("Many");
        int written = 0;
        while (written < 50001 && writer->Write(item))
            ++written;
        writer->WritesDone();
        const grpc::Status status = writer->Finish();
        QCOMPARE_CODE(status, StatusCode::RESOURCE_EXHAUSTED);
        QVERIFY(status.error_message().find("the first 50000 were created") != std::string::npos);
        v1::ListPetsRequest list;
        list.set_query("Many");
        list.set_page_size(1);
        v1::ListPetsResponse listed;
        QVERIFY(m_pets->ListPets(contextWith().get(), list, &listed).ok());
        QCOMPARE(listed.total_size(), 50000);
    }

    void chatAcknowledgesAnswersAndEndsAfterHalfClose()
    {
        auto chat = v1::ChatService::NewStub(m_channel);
        auto context = contextWith();
        auto stream = chat->Chat(context.get());
        v1::ChatRequest typing;
        typing.mutable_typing()->set_typing(true);
        QVERIFY(stream->Write(typing));
        v1::ChatRequest ask;
        ask.mutable_message()->set_client_message_id("c-1");
        ask.mutable_message()->set_text("a cat under 300");
        QVERIFY(stream->Write(ask));
        QVERIFY(stream->WritesDone());
        v1::ChatResponse reply;
        QVERIFY(stream->Read(&reply));
        QCOMPARE(reply.kind_case(), v1::ChatResponse::kDelivered);
        QCOMPARE(reply.delivered().client_message_id(), std::string("c-1"));
        QVERIFY(stream->Read(&reply));
        QCOMPARE(reply.kind_case(), v1::ChatResponse::kTyping);
        QVERIFY(stream->Read(&reply));
        QCOMPARE(reply.kind_case(), v1::ChatResponse::kMessage);
        QVERIFY(!reply.message().text().empty());
        QVERIFY(!stream->Read(&reply));
        QVERIFY(stream->Finish().ok());

        auto invalid = contextWith();
        auto second = chat->Chat(invalid.get());
        v1::ChatRequest empty;
        empty.mutable_message()->set_text("");
        QVERIFY(second->Write(empty));
        QVERIFY(!second->Read(&reply));
        QCOMPARE_CODE(second->Finish(), StatusCode::INVALID_ARGUMENT);
    }

    void deadlinesEndStreamsOnTime()
    {
        v1::WatchPetsRequest request;
        auto context = contextWith(nullptr, 300);
        const auto started = std::chrono::steady_clock::now();
        auto reader = m_pets->WatchPets(context.get(), request);
        v1::WatchPetsResponse event;
        while (reader->Read(&event)) {}
        QCOMPARE_CODE(reader->Finish(), StatusCode::DEADLINE_EXCEEDED);
        QVERIFY(std::chrono::steady_clock::now() - started < std::chrono::seconds(3));
        QTRY_COMPARE((m_host.waitForStatus(), m_host.status().grpcActiveCalls), 0);
    }

    void aReaderTooSlowForItsStreamIsDropped()
    {
        // A small receive window and no reading: the server's 8-message outbox and backlog fill.
        grpc::ChannelArguments arguments;
        arguments.SetInt(GRPC_ARG_HTTP2_BDP_PROBE, 0);
        arguments.SetInt(GRPC_ARG_MAX_CONCURRENT_STREAMS, 10);
        auto slowChannel = grpc::CreateCustomChannel("127.0.0.1:" + std::to_string(m_host.status().grpcPort),
                                                     grpc::InsecureChannelCredentials(), arguments);
        auto slowPets = v1::PetService::NewStub(slowChannel);
        const v1::Pet pet = createPet("Busy");
        v1::WatchPetsRequest request;
        request.add_pet_ids(pet.id());
        auto context = contextWith(nullptr, 20000);
        auto reader = slowPets->WatchPets(context.get(), request);
        QTest::qWait(200);
        const std::string description(1900, 'x');
        for (int i = 0; i < 250; ++i) {
            v1::UpdatePetRequest update;
            update.mutable_pet()->set_id(pet.id());
            update.mutable_pet()->set_description(description + std::to_string(i));
            update.mutable_update_mask()->add_paths("description");
            v1::UpdatePetResponse updated;
            QVERIFY(m_pets->UpdatePet(contextWith().get(), update, &updated).ok());
        }
        v1::WatchPetsResponse event;
        int read = 0;
        while (reader->Read(&event))
            ++read;
        QCOMPARE_CODE(reader->Finish(), StatusCode::RESOURCE_EXHAUSTED);
        QVERIFY(read < 250);
    }

    void chaosFailsPetstoreCallsButNotHealth()
    {
        m_host.applyRuntimeConfig({{"errorRate", 1.0}});
        QVERIFY(m_host.waitForStatus());
        v1::ListPetsRequest list;
        v1::ListPetsResponse listed;
        QCOMPARE_CODE(m_pets->ListPets(contextWith().get(), list, &listed), StatusCode::UNAVAILABLE);
        auto health = grpc::health::v1::Health::NewStub(m_channel);
        grpc::health::v1::HealthCheckRequest check;
        check.set_service("petstore.v1.PetService");
        grpc::health::v1::HealthCheckResponse serving;
        QVERIFY(health->Check(contextWith().get(), check, &serving).ok());
        QCOMPARE(serving.status(), grpc::health::v1::HealthCheckResponse::SERVING);
        m_host.applyRuntimeConfig({{"errorRate", 0.0}});
        QVERIFY(m_host.waitForStatus());
        QVERIFY(m_pets->ListPets(contextWith().get(), list, &listed).ok());
    }

    void latencyHoldsEveryCallKindBackAndLosesNothingSentMeanwhile()
    {
        using Clock = std::chrono::steady_clock;
        const auto held = [](Clock::time_point since) { return Clock::now() - since >= std::chrono::milliseconds(250); };
        m_host.applyRuntimeConfig({{"latencyMs", 300}});
        QVERIFY(m_host.waitForStatus());

        auto started = Clock::now();
        v1::ListPetsRequest list;
        v1::ListPetsResponse listed;
        QVERIFY(m_pets->ListPets(contextWith().get(), list, &listed).ok());
        QVERIFY(held(started));

        // Client streaming: every pet written while the call waits is imported.
        started = Clock::now();
        auto importing = contextWith();
        v1::ImportPetsResponse summary;
        auto writer = m_pets->ImportPets(importing.get(), &summary);
        v1::ImportPetsRequest item;
        item.mutable_pet()->set_species(v1::SPECIES_BIRD);
        for (const char *name : {"Early One", "Early Two", "Early Three"}) {
            item.mutable_pet()->set_name(name);
            QVERIFY(writer->Write(item));
        }
        QVERIFY(writer->WritesDone());
        QVERIFY(writer->Finish().ok());
        QVERIFY(held(started));
        QCOMPARE(summary.received_count(), 3);
        QCOMPARE(summary.created_count(), 3);

        // Bidirectional: the message sent before the call was admitted is answered.
        started = Clock::now();
        auto chatting = contextWith();
        auto chat = v1::ChatService::NewStub(m_channel)->Chat(chatting.get());
        v1::ChatRequest ask;
        ask.mutable_message()->set_client_message_id("early");
        ask.mutable_message()->set_text("a bird");
        QVERIFY(chat->Write(ask));
        QVERIFY(chat->WritesDone());
        v1::ChatResponse reply;
        QVERIFY(chat->Read(&reply));
        QVERIFY(held(started));
        QCOMPARE(reply.delivered().client_message_id(), std::string("early"));
        while (chat->Read(&reply)) {}
        QVERIFY(chat->Finish().ok());

        m_host.applyRuntimeConfig({{"latencyMs", 0}});
        QVERIFY(m_host.waitForStatus());
    }

    void healthKnowsEachServiceAndTellsWatchersWhenTheMockStops()
    {
        auto health = grpc::health::v1::Health::NewStub(m_channel);
        grpc::health::v1::HealthCheckRequest check;
        check.set_service("petstore.v1.Unknown");
        grpc::health::v1::HealthCheckResponse response;
        QCOMPARE_CODE(health->Check(contextWith().get(), check, &response), StatusCode::NOT_FOUND);

        check.set_service("petstore.v1.OrderService");
        auto context = contextWith(nullptr, 10000);
        auto watch = health->Watch(context.get(), check);
        QVERIFY(watch->Read(&response));
        QCOMPARE(response.status(), grpc::health::v1::HealthCheckResponse::SERVING);
        m_host.stop();
        QVERIFY(watch->Read(&response));
        QCOMPARE(response.status(), grpc::health::v1::HealthCheckResponse::NOT_SERVING);
        while (watch->Read(&response)) {}
        QCOMPARE_CODE(watch->Finish(), StatusCode::UNAVAILABLE);
    }
};

QTEST_GUILESS_MAIN(TestGrpcServices)
#include "tst_grpcservices.moc"
