// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/requests/requestresolver.h"
#include "panels/common/wireview.h"

#include <QWidget>

class QButtonGroup;
class QComboBox;
class QLabel;
class QStackedWidget;
class QTabWidget;
class QTableWidget;

namespace petstore::panels {

class CodeEditor;
class JsonView;
class ProblemCard;
struct RestResponse;

// The result half of the REST panel: status, time (total and to first byte), size, then tabs
// for the body (pretty, raw, tree; problem+json as an error card), headers, the Wire bytes and
// the equivalent code.
class ResponseView : public QWidget
{
    Q_OBJECT
public:
    explicit ResponseView(QWidget *parent = nullptr);

    void showPending(const QString &summary);
    void showResponse(const RestResponse &response);
    // A request that produced no HTTP response (refused, timed out, cancelled, not resolvable).
    void showFailure(const QString &message);
    void showWire(const QByteArray &request, const QByteArray &response, WireView::Origin origin);
    // The Code tab follows the request as composed, response or not.
    void showCode(const core::ResolvedRequest &request);

private:
    QWidget *buildBodyTab();
    QWidget *buildCodeTab();
    void showBody(const RestResponse &response);
    void showHeaders(const RestResponse &response);
    void refreshCode();

    QLabel *m_status = nullptr;
    QLabel *m_timing = nullptr;
    QLabel *m_size = nullptr;
    QTabWidget *m_tabs = nullptr;
    ProblemCard *m_problem = nullptr;
    QButtonGroup *m_bodyModes = nullptr;
    QStackedWidget *m_bodyPages = nullptr;
    CodeEditor *m_pretty = nullptr;
    CodeEditor *m_raw = nullptr;
    JsonView *m_tree = nullptr;
    QTableWidget *m_headers = nullptr;
    WireView *m_wire = nullptr;
    QComboBox *m_codeLanguage = nullptr;
    CodeEditor *m_code = nullptr;
    core::ResolvedRequest m_codeRequest;
};

} // namespace petstore::panels
