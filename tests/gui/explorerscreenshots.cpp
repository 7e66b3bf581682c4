// SPDX-License-Identifier: GPL-3.0-or-later
// Renders the explorer as a person sees it after the "done when" of issue 3: the REST panel has
// sent GET {{baseUrl}}/pets to the embedded mock (typed, then Ctrl+Enter) and the Traffic dock
// lists the exchange. One set of PNGs per palette: main window, REST panel, the Wire tab, and a
// protocol that is not built yet.
#include "app/explorer/explorerpalette.h"
#include "app/explorer/mainwindow.h"
#include "mock-server/mockserverhost.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
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

bool renderSet(const QString &outDir, const QString &paletteName, const QPalette &palette)
{
    explorer::ExplorerPalette::apply(palette);
    QTemporaryDir home;
    QSettings settings(home.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    mock::MockServerHost host;
    mock::MockConfig config;
    config.httpPort = 0;
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
    window.showProtocol(QStringLiteral("mqtt"));
    QTest::qWait(50);
    ok = save(window, QStringLiteral("%1/not-built-%2.png").arg(outDir, paletteName)) && ok;
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
