// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mock-server/rest/restrouter.h"

namespace petstore::mock {

class MockServer;

// The control plane at the host root and the specs under /v1: /health, /admin/reset,
// /admin/config, /admin/traffic, /admin/events, /v1/openapi.json and .yaml, /v1/asyncapi.json. Always public:
// the mock binds to 127.0.0.1 unless told otherwise (docs/protocols/rest.md).
class AdminRoutes
{
public:
    static void install(RestRouter &router, MockServer &server);
};

} // namespace petstore::mock
