// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <grpcpp/support/status.h>

#include <string>

namespace petstore::mock {

// The one mapping of domain errors to gRPC statuses (PROTOCOL-NOTES, gRPC): not found ->
// NOT_FOUND, validation -> INVALID_ARGUMENT, a refused transition or a resource in use ->
// FAILED_PRECONDITION, a lost If-Match race -> ABORTED, credentials -> UNAUTHENTICATED /
// PERMISSION_DENIED. The message is for people: the error's message, then each offending
// field by its proto path ("age_months: must be at least 0").
grpc::Status grpcStatusFor(const core::Error &error);

// INVALID_ARGUMENT with `message`: a request a handler refuses before the store sees it.
inline grpc::Status invalidArgument(const std::string &message) { return {grpc::StatusCode::INVALID_ARGUMENT, message}; }

// The canonical name of a status code ("NOT_FOUND"), as grpc/doc/statuscodes.md spells it.
std::string grpcStatusName(grpc::StatusCode code);

// A store field name or JSON pointer ("/medicalInfo/notes", "ageMonths") as the proto path
// ("medical_info.notes", "age_months").
std::string protoFieldPath(const std::string &field);

} // namespace petstore::mock
