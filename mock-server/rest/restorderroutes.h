// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mock-server/rest/restenvironment.h"
#include "mock-server/rest/restrouter.h"

namespace petstore::mock {

// /v1/orders and /v1/payments: place, list (own orders for customers; page or cursor), get,
// cancel, admin status transitions, pay (202; the payment settles later on
// environment.timerContext's thread) and get a payment.
//
// `environment` is copied into the handlers and the payment timers; its tenants and
// timerContext must outlive the router (timers die with timerContext).
class RestOrderRoutes
{
public:
    static void install(RestRouter &router, const RestEnvironment &environment);
};

} // namespace petstore::mock
