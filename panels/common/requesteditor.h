// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/requests/httprequestspec.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QPushButton;
class QTabWidget;

namespace petstore::panels {

class AuthEditor;
class BodyEditor;
class KeyValueTable;

// The compose half of the REST panel and the SSE console: method (custom ones included), URL with {{variables}},
// query table kept in sync with the URL, headers, body and auth.
class RequestEditor : public QWidget
{
    Q_OBJECT
public:
    explicit RequestEditor(QWidget *parent = nullptr);

    core::HttpRequestSpec spec() const;
    void setSpec(const core::HttpRequestSpec &spec);
    // Why the request cannot be sent as it stands (bad JSON body, empty URL); empty when it can.
    QString problem() const;

    void focusUrl();
    // While a request is in flight the Send button becomes Cancel.
    void setBusy(bool busy);
    // The action button's words: "Send"/"Cancel" by default, "Connect"/"Disconnect" for streams.
    void setActionLabels(const QString &idle, const QString &busy, const QString &toolTip);
    AuthEditor &auth() { return *m_auth; }

Q_SIGNALS:
    void sendRequested();
    void cancelRequested();
    void edited();

private:
    void syncParamsFromUrl();
    void syncUrlFromParams();

    QComboBox *m_method = nullptr;
    QLineEdit *m_url = nullptr;
    QPushButton *m_send = nullptr;
    QTabWidget *m_tabs = nullptr;
    KeyValueTable *m_params = nullptr;
    KeyValueTable *m_headers = nullptr;
    BodyEditor *m_body = nullptr;
    AuthEditor *m_auth = nullptr;
    std::string m_name;
    QString m_idleLabel;
    QString m_busyLabel;
    bool m_busy = false;
    bool m_syncing = false;
};

} // namespace petstore::panels
