// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mock-server/rest/restenvironment.h"
#include "mock-server/rest/restrouter.h"

namespace petstore::mock {

// /v1/pets: list (filters, sort, sparse fields, page or cursor), create, search (POST and
// QUERY), get, replace and merge-patch with If-Match, delete.
class RestPetRoutes
{
public:
    static void install(RestRouter &router, const RestEnvironment &environment);
};

} // namespace petstore::mock
