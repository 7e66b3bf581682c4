// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/common/autheditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace petstore::panels {

namespace {

using Kind = core::RequestAuthKind;
const Kind kKinds[] = {Kind::None, Kind::Bearer, Kind::ApiKey, Kind::Basic};

QLineEdit *lineEdit(const char *objectName, const QString &placeholder, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(QString::fromLatin1(objectName));
    edit->setPlaceholderText(placeholder);
    return edit;
}

} // namespace

AuthEditor::AuthEditor(QWidget *parent) : QWidget(parent)
{
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("authKind"));
    m_kind->addItems({tr("No auth"), tr("Bearer token"), tr("API key"), tr("Basic")});
    m_pages = new QStackedWidget(this);
    auto *none = new QLabel(tr("No credentials are sent. With the mock's auth mode \"none\" "
                               "everything is open."), m_pages);
    none->setWordWrap(true);
    none->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_pages->addWidget(none);
    m_pages->addWidget(buildBearerPage());
    m_pages->addWidget(buildApiKeyPage());
    m_pages->addWidget(buildBasicPage());

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_kind, 0, Qt::AlignLeft);
    layout->addWidget(m_pages, 1);

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_pages->setCurrentIndex(index);
        Q_EMIT edited();
    });
    for (auto *edit : {m_token, m_keyName, m_keyValue, m_user, m_password})
        connect(edit, &QLineEdit::textEdited, this, &AuthEditor::edited);
    connect(m_keyInQuery, &QCheckBox::toggled, this, &AuthEditor::edited);
}

QWidget *AuthEditor::buildBearerPage()
{
    auto *page = new QWidget(m_pages);
    m_token = lineEdit("bearerToken", QStringLiteral("{{token}}"), page);
    auto *fetch = new QGroupBox(tr("Get a token from POST {{baseUrl}}/auth/tokens"), page);
    m_tokenUser = lineEdit("tokenUsername", QStringLiteral("alice"), fetch);
    m_tokenPassword = lineEdit("tokenPassword", QString(), fetch);
    m_tokenPassword->setEchoMode(QLineEdit::Password);
    m_tokenScope = lineEdit("tokenScope", tr("every scope the role allows"), fetch);
    m_getToken = new QPushButton(tr("Get token"), fetch);
    m_getToken->setObjectName(QStringLiteral("getToken"));
    m_tokenStatus = new QLabel(fetch);
    m_tokenStatus->setObjectName(QStringLiteral("tokenStatus"));
    m_tokenStatus->setWordWrap(true);
    auto *fetchLayout = new QFormLayout(fetch);
    fetchLayout->addRow(tr("Username"), m_tokenUser);
    fetchLayout->addRow(tr("Password"), m_tokenPassword);
    fetchLayout->addRow(tr("Scope"), m_tokenScope);
    fetchLayout->addRow(m_getToken, m_tokenStatus);
    auto *layout = new QFormLayout(page);
    layout->addRow(tr("Token"), m_token);
    layout->addRow(fetch);
    connect(m_getToken, &QPushButton::clicked, this, [this] {
        m_getToken->setEnabled(false);
        m_tokenStatus->setText(tr("Requesting…"));
        Q_EMIT tokenRequested(m_tokenUser->text(), m_tokenPassword->text(), m_tokenScope->text());
    });
    return page;
}

QWidget *AuthEditor::buildApiKeyPage()
{
    auto *page = new QWidget(m_pages);
    m_keyName = lineEdit("apiKeyName", QStringLiteral("X-API-Key"), page);
    m_keyValue = lineEdit("apiKeyValue", QString(), page);
    m_keyInQuery = new QCheckBox(tr("Send as a query parameter instead of a header"), page);
    auto *layout = new QFormLayout(page);
    layout->addRow(tr("Name"), m_keyName);
    layout->addRow(tr("Value"), m_keyValue);
    layout->addRow(m_keyInQuery);
    return page;
}

QWidget *AuthEditor::buildBasicPage()
{
    auto *page = new QWidget(m_pages);
    m_user = lineEdit("basicUsername", QString(), page);
    m_password = lineEdit("basicPassword", QString(), page);
    m_password->setEchoMode(QLineEdit::Password);
    auto *layout = new QFormLayout(page);
    layout->addRow(tr("Username"), m_user);
    layout->addRow(tr("Password"), m_password);
    return page;
}

void AuthEditor::writeTo(core::HttpRequestSpec &spec) const
{
    spec.auth.kind = kKinds[m_kind->currentIndex()];
    spec.auth.token = m_token->text().toStdString();
    spec.auth.apiKeyName = m_keyName->text().isEmpty() ? std::string("X-API-Key") : m_keyName->text().toStdString();
    spec.auth.apiKeyValue = m_keyValue->text().toStdString();
    spec.auth.apiKeyInQuery = m_keyInQuery->isChecked();
    spec.auth.username = m_user->text().toStdString();
    spec.auth.password = m_password->text().toStdString();
}

void AuthEditor::readFrom(const core::HttpRequestSpec &spec)
{
    const QSignalBlocker blocker(this);
    int index = 0;
    for (int i = 0; i < 4; ++i) {
        if (kKinds[i] == spec.auth.kind)
            index = i;
    }
    m_kind->setCurrentIndex(index);
    m_pages->setCurrentIndex(index);
    m_token->setText(QString::fromStdString(spec.auth.token));
    m_keyName->setText(QString::fromStdString(spec.auth.apiKeyName));
    m_keyValue->setText(QString::fromStdString(spec.auth.apiKeyValue));
    m_keyInQuery->setChecked(spec.auth.apiKeyInQuery);
    m_user->setText(QString::fromStdString(spec.auth.username));
    m_password->setText(QString::fromStdString(spec.auth.password));
}

void AuthEditor::showToken(const QString &token, const QString &scope)
{
    m_getToken->setEnabled(true);
    m_token->setText(token);
    m_tokenStatus->setText(tr("Token received (scope: %1).").arg(scope));
    Q_EMIT edited();
}

void AuthEditor::showTokenError(const QString &message)
{
    m_getToken->setEnabled(true);
    m_tokenStatus->setText(message);
}

} // namespace petstore::panels
