// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/requests/requestresolver.h"
#include "panels/common/ipanel.h"

#include <QObject>
#include <QPointer>

#include <memory>

class QLabel;
class QSplitter;
class QTabWidget;

namespace petstore::panels {

class CollectionTree;
class HistoryPane;
class PanelContext;
class RequestEditor;
class RequestHistoryStore;
class ResponseView;
class RestClient;
class SavedRequestStore;
struct RestResponse;

// The REST requester (issue 3): compose a request, send it to the current target, read the
// response with its wire bytes and equivalent code; history and saved collections on the side.
class RestPanel : public QObject, public IPanel
{
    Q_OBJECT
public:
    explicit RestPanel(PanelContext &context, QObject *parent = nullptr);
    ~RestPanel() override;

    QString id() const override { return QStringLiteral("rest"); }
    QString title() const override { return tr("REST"); }
    QWidget *widget() override;
    QString learnPage() const override { return QStringLiteral(":/docs/protocols/rest.md"); }
    void activate() override;

    void send();
    void cancel();
    RequestEditor &editor() { return *m_editor; }

Q_SIGNALS:
    // After a response (or a failure) is on screen; tests and the status bar wait for it.
    void exchangeShown();

private:
    void buildWidgets();
    void openStores();
    void onFinished(quint64 id, const RestResponse &response);
    void showWire(const RestResponse &response, int attemptsLeft);
    void refreshCode();
    void requestToken(const QString &username, const QString &password, const QString &scope);
    void saveCurrentRequest();
    void say(const QString &message);
    core::Result<core::ResolvedRequest> resolve(const core::HttpRequestSpec &spec) const;

    PanelContext &m_context;
    QPointer<QSplitter> m_root;
    RequestEditor *m_editor = nullptr;
    ResponseView *m_response = nullptr;
    QTabWidget *m_sidebar = nullptr;
    HistoryPane *m_historyPane = nullptr;
    CollectionTree *m_collections = nullptr;
    QLabel *m_message = nullptr;
    std::unique_ptr<RequestHistoryStore> m_history;
    std::unique_ptr<SavedRequestStore> m_saved;
    std::unique_ptr<RestClient> m_client;
    std::unique_ptr<RestClient> m_tokenClient;
    quint64 m_inFlight = 0;
    quint64 m_tokenRequest = 0;
    core::HttpRequestSpec m_sentSpec;
    core::ResolvedRequest m_sent;
    QString m_storeProblem;
};

} // namespace petstore::panels
