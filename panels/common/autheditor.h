// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/requests/httprequestspec.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace petstore::panels {

// Auth helpers: Bearer (with "get a token" from POST /v1/auth/tokens), API key in a header or
// the query, and Basic (RFC 7617). The panel performs the token request; this editor only asks
// for it and shows the outcome.
class AuthEditor : public QWidget
{
    Q_OBJECT
public:
    explicit AuthEditor(QWidget *parent = nullptr);

    void writeTo(core::HttpRequestSpec &spec) const;
    void readFrom(const core::HttpRequestSpec &spec);

    // The outcome of a tokenRequested: fills the Bearer token, or says why there is none.
    void showToken(const QString &token, const QString &scope);
    void showTokenError(const QString &message);

Q_SIGNALS:
    void edited();
    void tokenRequested(const QString &username, const QString &password, const QString &scope);

private:
    QWidget *buildBearerPage();
    QWidget *buildApiKeyPage();
    QWidget *buildBasicPage();

    QComboBox *m_kind = nullptr;
    QStackedWidget *m_pages = nullptr;
    QLineEdit *m_token = nullptr;
    QLineEdit *m_tokenUser = nullptr;
    QLineEdit *m_tokenPassword = nullptr;
    QLineEdit *m_tokenScope = nullptr;
    QPushButton *m_getToken = nullptr;
    QLabel *m_tokenStatus = nullptr;
    QLineEdit *m_keyName = nullptr;
    QLineEdit *m_keyValue = nullptr;
    QCheckBox *m_keyInQuery = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
};

} // namespace petstore::panels
