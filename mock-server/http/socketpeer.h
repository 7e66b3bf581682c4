// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QAbstractSocket;

namespace petstore::mock {

// Whether a socket that signalled readyRead but had nothing to read has reached the end of its
// stream. An unbuffered QAbstractSocket reports the peer's close that way — and may already
// have dropped its descriptor — but never as disconnected.
bool peerClosed(QAbstractSocket &socket);

} // namespace petstore::mock
