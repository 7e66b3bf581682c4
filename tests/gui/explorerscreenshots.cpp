// SPDX-License-Identifier: GPL-3.0-or-later
// Renders the explorer as a person sees it after the "done when" of issues 3 and 4: the REST
// panel has sent GET {{baseUrl}}/pets to the embedded mock (typed, then Ctrl+Enter) and the
// Traffic dock lists the exchange; the SSE console shows the order.created event of an order
// placed through the REST panel, then a chat answer streamed token by token; the WebSocket
// console has chatted with the mock agent; a grpc++ client's PlaceOrder call is selected in the
// Traffic dock with its messages decoded. One set of PNGs per palette, plus a protocol that is
// not built yet.
#include "app/explorer/explorerpalette.h"
#include "app/explorer/mainwindow.h"
#include "mock-server/mockserverhost.h"
#include "panels/common/messagelog.h"
#include "panels/common/requesteditor.h"
#include "panels/rest/restpanel.h"
#include "panels/sse/ssepanel.h"
#include "panels/websocket/websocketpanel.h"

#include "petstore/v1/order_service.grpc.pb.h"

#include <grpcpp/grpcpp.h>
#include <nlohmann/json.hpp>

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QTableView>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace petstore;

namespace {

bool save(QWidget &widget, const QString &path)
{
    const bool ok = widget.grab().save(path);
    std::printf("%s %s\n", ok ? "wrote" : "FAILED", qPrintable(path));
    return ok;
}

bool hasRow(panels::MessageLog &log, const QString &kind, const QString &contains = QString())
{
    const QAbstractItemModel *model = log.view()->model();
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->index(r, panels::MessageLogModel::KindColumn).data().toString() == kind
            && model->index(r, panels::MessageLogModel::SummaryColumn).data().toString().contains(contains))
            return true;
    return false;
}

std::string firstAvailablePet(quint16 port)
{
    QNetworkAccessManager http;
    std::unique_ptr<QNetworkReply> reply(
        http.get(QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/v1/pets?status=AVAILABLE&limit=1").arg(port)))));
    QTest::qWaitFor([&reply] { return reply->isFinished(); }, 5000);
    const auto body = nlohmann::json::parse(reply->readAll().toStdString(), nullptr, false);
    return body.is_object() ? body["data"][0].value("id", std::string()) : std::string();
}

// The SSE console open on /v1/events while the REST panel places an order; then the streamed
// chat preset.
bool renderStreams(explorer::MainWindow &window, quint16 port, const QString &outDir, const QString &paletteName)
{
    window.showProtocol(QStringLiteral("sse"));
    auto *sse = dynamic_cast<panels::SsePanel *>(window.panel(QStringLiteral("sse")));
    if (!sse)
        return false;
    sse->toggleConnection();
    if (!QTest::qWaitFor([sse] { return sse->status().startsWith(QStringLiteral("Streaming")); }, 5000))
        return false;
    window.showProtocol(QStringLiteral("rest"));
    auto *rest = dynamic_cast<panels::RestPanel *>(window.panel(QStringLiteral("rest")));
    core::HttpRequestSpec order;
    order.method = "POST";
    order.url = "{{baseUrl}}/orders";
    order.bodyKind = core::RequestBodyKind::Json;
    order.body = nlohmann::json{{"petId", firstAvailablePet(port)}}.dump(2);
    rest->editor().setSpec(order);
    rest->send();
    window.showProtocol(QStringLiteral("sse"));
    if (!QTest::qWaitFor([sse] { return hasRow(sse->events(), QStringLiteral("order.created")); }, 5000))
        return false;
    sse->events().view()->selectRow(0);
    QTest::qWait(400);
    bool ok = save(window, QStringLiteral("%1/sse-events-%2.png").arg(outDir, paletteName));
    sse->disconnectStream();

    sse->applyPreset(1);
    sse->toggleConnection();
    QTest::qWaitFor([sse] { return sse->status().startsWith(QStringLiteral("Disconnected")); }, 15000);
    QTest::qWait(100);
    ok = save(window, QStringLiteral("%1/sse-chat-%2.png").arg(outDir, paletteName)) && ok;

    window.showProtocol(QStringLiteral("websocket"));
    auto *ws = dynamic_cast<panels::WebSocketPanel *>(window.panel(QStringLiteral("websocket")));
    if (!ws)
        return false;
    ws->toggleConnection();
    if (!QTest::qWaitFor([ws] { return ws->socket().state() == QAbstractSocket::ConnectedState; }, 5000))
        return false;
    ws->sendComposed();
    QTest::qWaitFor([ws] { return hasRow(ws->log(), QStringLiteral("text"), QStringLiteral("available dogs")); }, 5000);
    ws->log().view()->selectRow(ws->log().view()->model()->rowCount() - 1);
    QTest::qWait(200);
    ok = save(window, QStringLiteral("%1/websocket-chat-%2.png").arg(outDir, paletteName)) && ok;
    ws->closeWith(1000, QStringLiteral("done"));
    return ok;
}

// A PlaceOrder call from grpc++'s generated client, shown decoded in the Traffic dock.
bool renderGrpcTraffic(explorer::MainWindow &window, const mock::MockServerStatus &status, const QString &outDir,
                       const QString &paletteName)
{
    auto orders = petstore::v1::OrderService::NewStub(
        grpc::CreateChannel("127.0.0.1:" + std::to_string(status.grpcPort), grpc::InsecureChannelCredentials()));
    grpc::ClientContext context;
    petstore::v1::PlaceOrderRequest request;
    request.set_pet_id(firstAvailablePet(status.httpPort));
    petstore::v1::PlaceOrderResponse response;
    const grpc::Status placed = orders->PlaceOrder(&context, request, &response);
    if (!placed.ok()) {
        std::fprintf(stderr, "PlaceOrder over gRPC failed: %s\n", placed.error_message().c_str());
        return false;
    }
    auto *table = window.findChild<QTableView *>(QStringLiteral("trafficTable"));
    const auto grpcRow = [table] {
        for (int r = table->model()->rowCount() - 1; r >= 0; --r)
            if (table->model()->index(r, 1).data().toString() == QStringLiteral("GRPC"))
                return r;
        return -1;
    };
    if (!table || !QTest::qWaitFor([&grpcRow] { return grpcRow() >= 0; }, 5000))
        return false;
    table->selectRow(grpcRow());
    if (auto *detail = window.findChild<QTabWidget *>(QStringLiteral("trafficDetail")))
        detail->setCurrentIndex(1);
    QTest::qWait(50);
    return save(window, QStringLiteral("%1/grpc-traffic-%2.png").arg(outDir, paletteName));
}

bool renderSet(const QString &outDir, const QString &paletteName, const QPalette &palette)
{
    explorer::ExplorerPalette::apply(palette);
    QTemporaryDir home;
    QSettings settings(home.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    mock::MockServerHost host;
    mock::MockConfig config;
    config.useFreePorts();
    host.start(config);
    if (!host.waitForStatus() || !host.status().running) {
        std::fprintf(stderr, "embedded mock did not start: %s\n", qPrintable(host.status().error));
        return false;
    }

    explorer::MainWindow window(settings, host, home.path());
    window.resize(1280, 800);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return false;
    window.showProtocol(QStringLiteral("rest"));

    auto *url = window.findChild<QLineEdit *>(QStringLiteral("urlEdit"));
    auto *status = window.findChild<QLabel *>(QStringLiteral("responseStatus"));
    if (!url || !status)
        return false;
    url->clear();
    QTest::keyClicks(url, QStringLiteral("{{baseUrl}}/pets?limit=3"));
    QTest::keyClick(url, Qt::Key_Return, Qt::ControlModifier);
    if (!QTest::qWaitFor([status] { return !status->text().isEmpty() && status->text().front().isDigit(); }, 10000)) {
        std::fprintf(stderr, "no response shown: %s\n", qPrintable(status->text()));
        return false;
    }
    QTest::qWait(400);   // the Traffic dock's next batch

    bool ok = save(window, QStringLiteral("%1/main-window-%2.png").arg(outDir, paletteName));
    QWidget *panel = window.findChild<QWidget *>(QStringLiteral("restPanel"));
    ok = panel && save(*panel, QStringLiteral("%1/rest-panel-%2.png").arg(outDir, paletteName)) && ok;
    if (auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("responseTabs"))) {
        tabs->setCurrentIndex(2);
        QTest::qWait(50);
        ok = save(*panel, QStringLiteral("%1/rest-wire-%2.png").arg(outDir, paletteName)) && ok;
        tabs->setCurrentIndex(0);
    }
    ok = renderStreams(window, host.status().httpPort, outDir, paletteName) && ok;
    ok = renderGrpcTraffic(window, host.status(), outDir, paletteName) && ok;
    window.showProtocol(QStringLiteral("mqtt"));
    QTest::qWait(50);
    ok = save(window, QStringLiteral("%1/not-built-%2.png").arg(outDir, paletteName)) && ok;
    // GraphQL: no panel yet, but the mock serves it and its Learn page is there.
    window.showProtocol(QStringLiteral("graphql"));
    QTest::qWait(50);
    ok = save(window, QStringLiteral("%1/graphql-%2.png").arg(outDir, paletteName)) && ok;
    return ok;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QString outDir = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("screenshots");
    QDir().mkpath(outDir);
    const bool light = renderSet(outDir, QStringLiteral("light"), explorer::ExplorerPalette::light());
    const bool dark = renderSet(outDir, QStringLiteral("dark"), explorer::ExplorerPalette::dark());
    return light && dark ? 0 : 1;
}
