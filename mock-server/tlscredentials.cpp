// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/tlscredentials.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>

namespace petstore::mock {

namespace {

core::Result<QByteArray> readFile(const std::string &path, const char *what)
{
    if (path.empty())
        return core::Error::make(core::ErrorKind::Validation, std::string("TLS needs a ") + what + " file as well");
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly))
        return core::Error::make(core::ErrorKind::Validation, "cannot read the TLS " + std::string(what) + ' ' + path
                                                                  + ": " + file.errorString().toStdString());
    return file.readAll();
}

} // namespace

core::Result<QSslConfiguration> TlsCredentials::load(const std::string &certificateFile, const std::string &keyFile)
{
    if (!QSslSocket::supportsSsl())
        return core::Error::make(core::ErrorKind::Internal, "this build of Qt has no TLS backend");
    auto certificatePem = readFile(certificateFile, "certificate");
    if (!certificatePem.ok())
        return certificatePem.error();
    auto keyPem = readFile(keyFile, "key");
    if (!keyPem.ok())
        return keyPem.error();
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certificatePem.value(), QSsl::Pem);
    if (chain.isEmpty())
        return core::Error::make(core::ErrorKind::Validation, certificateFile + " holds no PEM certificate");
    QSslKey key(keyPem.value(), QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(keyPem.value(), QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        return core::Error::make(core::ErrorKind::Validation, keyFile + " holds no unencrypted PEM RSA or EC key");
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);   // clients are not asked for certificates
    return configuration;
}

} // namespace petstore::mock
