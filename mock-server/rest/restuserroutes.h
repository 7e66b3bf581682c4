// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mock-server/rest/restenvironment.h"
#include "mock-server/rest/restrouter.h"

namespace petstore::mock {

// /v1/users and /v1/auth/tokens: registration, the signed-in user (`me`), get / replace /
// merge-patch / delete of one user (self or admin), and username + password -> HS256 Bearer
// token with the scopes the user's role allows.
//
// `environment` is copied into the handlers; its config must outlive the router.
class RestUserRoutes
{
public:
    static void install(RestRouter &router, const RestEnvironment &environment);
};

} // namespace petstore::mock
