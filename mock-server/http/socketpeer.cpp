// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/http/socketpeer.h"

#include <QAbstractSocket>
#include <QTcpSocket>

#if defined(Q_OS_UNIX)
#include <sys/socket.h>
#endif

namespace petstore::mock {

QAbstractSocket *adoptAcceptedSocket(qintptr handle)
{
#if defined(Q_OS_UNIX)
    auto *socket = new QAbstractSocket(QAbstractSocket::TcpSocket, nullptr);
#else
    auto *socket = new QTcpSocket;
#endif
    // QIODevice::Unbuffered as well, or QIODevice itself would buffer reads smaller than 16 KiB.
    if (!socket->setSocketDescriptor(handle, QAbstractSocket::ConnectedState, QIODevice::ReadWrite | QIODevice::Unbuffered)) {
        delete socket;
        return nullptr;
    }
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    return socket;
}

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
