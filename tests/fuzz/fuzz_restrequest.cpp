// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes what the mock does with untrusted bytes before a handler runs: HTTP/1.1 framing,
// OpenAPI routing, query parsing and coercion, JSON parsing and schema validation of the body,
// all against the compiled-in specs/openapi/petstore.yaml.
#include "core/http/percentencoding.h"
#include "core/jsonschema/openapirequestvalidator.h"
#include "core/protocols/http1/http1requestparser.h"

#include <QFile>

#include <cstdint>
#include <memory>

using namespace petstore;

namespace {

const core::OpenApiRequestValidator &api()
{
    static const std::unique_ptr<core::OpenApiRequestValidator> validator = [] {
        QFile file(QStringLiteral(":/specs/openapi.json"));
        file.open(QIODevice::ReadOnly);
        return std::make_unique<core::OpenApiRequestValidator>(nlohmann::json::parse(file.readAll().toStdString()));
    }();
    return *validator;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    core::Http1RequestParser parser;
    parser.feed(std::string_view(reinterpret_cast<const char *>(data), size));
    while (parser.hasRequest()) {
        const core::Http1Request request = parser.takeRequest();
        const auto match = api().match(request.method, request.path());
        api().allowedMethods(request.path());
        if (!match)
            continue;
        (void)api().validateParameters(*match, core::PercentEncoding::parseQuery(request.query()));
        const nlohmann::json body = nlohmann::json::parse(request.body, nullptr, false);
        if (!body.is_discarded() && api().hasRequestBody(*match))
            (void)api().validateBody(*match, "application/json", body);
    }
    return 0;
}
