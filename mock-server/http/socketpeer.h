// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

class QAbstractSocket;

namespace petstore::mock {

// An accepted descriptor as a connected socket with low delay. On Unix a plain QAbstractSocket
// opened QIODevice::Unbuffered (a QTcpSocket keeps 16 KiB read and write chunks per connection,
// which thousands of idle SSE subscribers or MQTT devices cannot afford); elsewhere a
// QTcpSocket. Null when the descriptor cannot be adopted.
QAbstractSocket *adoptAcceptedSocket(qintptr handle);

// Whether a socket that signalled readyRead but had nothing to read has reached the end of its
// stream. An unbuffered QAbstractSocket reports the peer's close that way — and may already
// have dropped its descriptor — but never as disconnected.
bool peerClosed(QAbstractSocket &socket);

} // namespace petstore::mock
