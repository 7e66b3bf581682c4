// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the Petstore GraphQL service with arbitrary documents: parse, validate, choose the
// operation, check the limits and run it against a seeded store. Every input must end in a
// response that serialises, with errors when no data — never a crash, a hang or a resolver
// reaching a state validation should have ruled out.
#include "mock-server/graphql/graphqlservice.h"

#include <QFile>

#include <cstdint>
#include <cstdlib>
#include <memory>

using namespace petstore;

namespace {

struct Fixture
{
    mock::MockConfig config;
    core::DomainEventBus bus;
    std::unique_ptr<core::TenantRegistry> tenants;
    std::unique_ptr<mock::GraphQLService> service;
    QObject timers;

    Fixture()
    {
        QFile seed(QStringLiteral(":/seed/petstore.json"));
        seed.open(QIODevice::ReadOnly);
        tenants = std::make_unique<core::TenantRegistry>(nlohmann::json::parse(seed.readAll().toStdString()), &bus);
        service = std::move(mock::GraphQLService::create(mock::GraphQLConfig().engineLimits())).value();
    }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static Fixture fixture;
    const std::string_view query(reinterpret_cast<const char *>(data), size);
    const core::GraphQLPrepared prepared = fixture.service->prepare(query, {}, nlohmann::json::object());
    if (!prepared.ok()) {
        if (prepared.errors.empty())
            std::abort();
        return 0;
    }
    mock::GraphQLRequestContext context(fixture.tenants->store("default").value(), "default", {}, {}, false,
                                        mock::PaymentScheduler(&fixture.config, fixture.tenants.get(), &fixture.timers));
    const core::GraphQLResponse response = fixture.service->execute(prepared, context);
    if (!response.hasData && response.errors.empty())
        std::abort();
    (void)response.toJson().dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    return 0;
}
