// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QSslConfiguration>

#include <string>

namespace petstore::mock {

// The certificate and key given with --tls-cert and --tls-key (PEM), as a server-side TLS
// configuration for the listeners that offer TLS (DESIGN §4).
class TlsCredentials
{
public:
    // Validation errors name the file and what is wrong with it.
    static core::Result<QSslConfiguration> load(const std::string &certificateFile, const std::string &keyFile);
};

} // namespace petstore::mock
