// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mock-server/rest/restenvironment.h"
#include "mock-server/rest/restrouter.h"

namespace petstore::mock {

// /v1/inventory (list, get, admin stock adjustments) and /v1/store/inventory (pet counts by
// status).
class RestInventoryRoutes
{
public:
    static void install(RestRouter &router, const RestEnvironment &environment);
};

} // namespace petstore::mock
