// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/graphql/graphqlerrorreply.h"

namespace petstore::mock {

core::GraphQLResolved graphQLErrorFor(const core::Error &error)
{
    const char *code = "INTERNAL_SERVER_ERROR";
    int status = 500;
    switch (error.kind) {
    case core::ErrorKind::BadRequest: code = "BAD_USER_INPUT"; status = 400; break;
    case core::ErrorKind::Validation: code = "BAD_USER_INPUT"; status = 422; break;
    case core::ErrorKind::NotFound: code = "NOT_FOUND"; status = 404; break;
    case core::ErrorKind::Conflict: code = "CONFLICT"; status = 409; break;
    case core::ErrorKind::InvalidTransition: code = "INVALID_TRANSITION"; status = 409; break;
    case core::ErrorKind::Unauthorized: code = "UNAUTHENTICATED"; status = 401; break;
    case core::ErrorKind::Forbidden: code = "FORBIDDEN"; status = 403; break;
    case core::ErrorKind::PreconditionFailed: code = "PRECONDITION_FAILED"; status = 412; break;
    case core::ErrorKind::Internal: break;
    }
    nlohmann::ordered_json extensions{{"code", code}, {"status", status}};
    if (!error.fields.empty()) {
        auto &fields = extensions["fields"] = nlohmann::ordered_json::array();
        for (const core::FieldError &field : error.fields)
            fields.push_back({{"field", field.field}, {"message", field.message}, {"code", field.code}});
    }
    return core::GraphQLResolved::error(error.message, std::move(extensions));
}

} // namespace petstore::mock
