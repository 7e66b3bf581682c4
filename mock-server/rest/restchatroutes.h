// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mock-server/rest/restenvironment.h"
#include "mock-server/rest/restrouter.h"

namespace petstore::mock {

// POST /v1/chat/completions: the OpenAI-compatible (camelCase) chat endpoint of the
// `pet-advisor-1` model, answered by PetAdvisor from the caller's tenant store.
//
// `environment` is copied into the handler (its unixSeconds clock stamps `created`).
class RestChatRoutes
{
public:
    static void install(RestRouter &router, const RestEnvironment &environment);
};

} // namespace petstore::mock
