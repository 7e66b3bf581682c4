// SPDX-License-Identifier: GPL-3.0-or-later
// Traffic's gRPC decoder: length-prefixed frames to JSON by the method's message types, and a
// malformed-input table with the exact entry each bad frame gives.
#include "core/protocols/grpc/grpcmessagejson.h"
#include "core/protocols/grpc/grpcstatuscode.h"

#include "petstore/v1/pet_service.pb.h"

#include <QTest>

using namespace petstore;
using core::GrpcMessageJson;
using json = nlohmann::json;

Q_DECLARE_METATYPE(std::string)

class TestGrpcMessageJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodesEachMessageByTheMethodsTypes()
    {
        v1::GetPetRequest request;
        request.set_id("p-1");
        v1::GetPetResponse response;
        response.mutable_pet()->set_name("Rex");
        response.mutable_pet()->set_species(v1::SPECIES_DOG);
        response.mutable_pet()->set_age_months(0);
        const std::string method = "/petstore.v1.PetService/GetPet";
        QCOMPARE(QString::fromStdString(GrpcMessageJson::decode(method, GrpcMessageJson::frame(request.SerializeAsString()),
                                                                GrpcMessageJson::Direction::Request).dump()),
                 QStringLiteral("[{\"id\":\"p-1\"}]"));
        const json out = GrpcMessageJson::decode(method, GrpcMessageJson::frame(response.SerializeAsString()),
                                                 GrpcMessageJson::Direction::Response);
        QCOMPARE(QString::fromStdString(out.dump()),
                 QStringLiteral("[{\"pet\":{\"age_months\":0,\"name\":\"Rex\",\"species\":\"SPECIES_DOG\"}}]"));
    }

    void decodesAStreamOfMessages()
    {
        v1::ImportPetsRequest item;
        std::string frames;
        for (const char *name : {"A", "B", "C"}) {
            item.mutable_pet()->set_name(name);
            frames += GrpcMessageJson::frame(item.SerializeAsString());
        }
        const json out = GrpcMessageJson::decode("/petstore.v1.PetService/ImportPets", frames, GrpcMessageJson::Direction::Request);
        QCOMPARE(int(out.size()), 3);
        QCOMPARE(QString::fromStdString(out[2]["pet"]["name"].get<std::string>()), QStringLiteral("C"));
        QVERIFY(GrpcMessageJson::decode("/petstore.v1.PetService/ImportPets", "", GrpcMessageJson::Direction::Request).empty());
    }

    void malformedFramesAreNamed_data()
    {
        QTest::addColumn<std::string>("method");
        QTest::addColumn<std::string>("frames");
        QTest::addColumn<QString>("expected");
        const std::string getPet = "/petstore.v1.PetService/GetPet";
        QTest::newRow("prefix-cut-short") << getPet << std::string("\x00\x00\x00", 3)
                                          << QStringLiteral("[{\"bytes\":\"000000\",\"error\":\"a frame prefix needs 5 bytes\"}]");
        QTest::newRow("announces-more-than-follows")
            << getPet << std::string("\x00\x00\x00\x00\x09\x0a\x01x", 8)
            << QStringLiteral("[{\"bytes\":\"00000000090a0178\",\"error\":\"the frame announces 9 bytes but 3 follow\"}]");
        QTest::newRow("compressed") << getPet << std::string("\x01\x00\x00\x00\x02\x0a\x00", 7)
                                    << QStringLiteral("[{\"bytes\":\"0a00\",\"error\":\"compressed (flag 1)\"}]");
        QTest::newRow("not-the-methods-type") << getPet << std::string("\x00\x00\x00\x00\x02\x0a\x05", 7)
                                              << QStringLiteral("[{\"bytes\":\"0a05\",\"error\":\"not a petstore.v1.GetPetRequest\"}]");
        QTest::newRow("unknown-method") << std::string("/other.v1.Service/Call") << std::string("\x00\x00\x00\x00\x01\x08", 6)
                                        << QStringLiteral("[{\"bytes\":\"08\"}]");
        QTest::newRow("not-a-method-path") << std::string("GetPet") << std::string("\x00\x00\x00\x00\x00", 5)
                                           << QStringLiteral("[{\"bytes\":\"\"}]");
        QTest::newRow("good-then-cut") << getPet << std::string("\x00\x00\x00\x00\x00\x00\x00", 7)
                                       << QStringLiteral("[{},{\"bytes\":\"0000\",\"error\":\"a frame prefix needs 5 bytes\"}]");
    }

    void malformedFramesAreNamed()
    {
        QFETCH(std::string, method);
        QFETCH(std::string, frames);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(GrpcMessageJson::decode(method, frames, GrpcMessageJson::Direction::Request).dump()), expected);
    }

    void statusCodesHaveTheirCanonicalNames()
    {
        QCOMPARE(core::GrpcStatusCode::name(0), std::string_view("OK"));
        QCOMPARE(core::GrpcStatusCode::name(5), std::string_view("NOT_FOUND"));
        QCOMPARE(core::GrpcStatusCode::name(16), std::string_view("UNAUTHENTICATED"));
        QCOMPARE(core::GrpcStatusCode::name(17), std::string_view("UNKNOWN"));
        QCOMPARE(core::GrpcStatusCode::name(-1), std::string_view("UNKNOWN"));
    }
};

QTEST_GUILESS_MAIN(TestGrpcMessageJson)
#include "tst_grpcmessagejson.moc"
