// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocols/graphql/graphqlresolved.h"
#include "core/result.h"

namespace petstore::mock {

// The one place a domain error becomes a GraphQL field error (DESIGN: one function per
// protocol maps errors to the wire): the message, and extensions with a stable `code`
// (NOT_FOUND, BAD_USER_INPUT, CONFLICT, INVALID_TRANSITION, UNAUTHENTICATED, FORBIDDEN,
// PRECONDITION_FAILED, INTERNAL_SERVER_ERROR), the HTTP status REST would have answered, and
// the broken members of a validation error as `fields`.
core::GraphQLResolved graphQLErrorFor(const core::Error &error);

} // namespace petstore::mock
