// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/http/socketpeer.h"

#include <QAbstractSocket>

#if defined(Q_OS_UNIX)
#include <sys/socket.h>
#endif

namespace petstore::mock {

bool peerClosed(QAbstractSocket &socket)
{
    if (socket.state() == QAbstractSocket::UnconnectedState || socket.socketDescriptor() < 0)
        return true;
#if defined(Q_OS_UNIX)
    char byte;
    return ::recv(int(socket.socketDescriptor()), &byte, 1, MSG_PEEK | MSG_DONTWAIT) == 0;
#else
    Q_UNUSED(socket);
    return false;
#endif
}

} // namespace petstore::mock
