// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/grpc/grpcerrorstatus.h"

#include "core/protocols/grpc/grpcstatuscode.h"

#include <cctype>

namespace petstore::mock {

namespace {

grpc::StatusCode codeFor(core::ErrorKind kind)
{
    switch (kind) {
    case core::ErrorKind::BadRequest:
    case core::ErrorKind::Validation: return grpc::StatusCode::INVALID_ARGUMENT;
    case core::ErrorKind::NotFound: return grpc::StatusCode::NOT_FOUND;
    case core::ErrorKind::Conflict:
    case core::ErrorKind::InvalidTransition: return grpc::StatusCode::FAILED_PRECONDITION;
    case core::ErrorKind::Unauthorized: return grpc::StatusCode::UNAUTHENTICATED;
    case core::ErrorKind::Forbidden: return grpc::StatusCode::PERMISSION_DENIED;
    case core::ErrorKind::PreconditionFailed: return grpc::StatusCode::ABORTED;
    case core::ErrorKind::Internal: break;
    }
    return grpc::StatusCode::INTERNAL;
}

} // namespace

std::string grpcStatusName(grpc::StatusCode code)
{
    return std::string(core::GrpcStatusCode::name(int(code)));
}

std::string protoFieldPath(const std::string &field)
{
    std::string path;
    for (std::size_t i = 0; i < field.size(); ++i) {
        const char c = field[i];
        if (c == '/') {
            if (i != 0)
                path += '.';
        } else if (std::isupper(static_cast<unsigned char>(c))) {
            if (!path.empty() && path.back() != '.')
                path += '_';
            path += char(std::tolower(static_cast<unsigned char>(c)));
        } else {
            path += c;
        }
    }
    return path;
}

grpc::Status grpcStatusFor(const core::Error &error)
{
    std::string message = error.message;
    for (const core::FieldError &field : error.fields)
        message += "; " + protoFieldPath(field.field) + ": " + field.message;
    return {codeFor(error.kind), message};
}

} // namespace petstore::mock
