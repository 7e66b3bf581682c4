// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/requests/codesnippets.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QStandardPaths>
#include <QTest>

using namespace petstore::core;

namespace {

ResolvedRequest postWithBody()
{
    return {"POST", "http://127.0.0.1:8080/v1/pets", {{"Content-Type", "application/json"}, {"X-Note", "it's"}},
            "{\"name\":\"Rex \\\"Jr\\\"\"}\n"};
}

} // namespace

class TestCodeSnippets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void curlOmitsTheMethodItImplies()
    {
        QCOMPARE(QString::fromStdString(CodeSnippets::curl({"GET", "http://h/p?a=1&b=2", {}, ""})),
                 QStringLiteral("curl 'http://h/p?a=1&b=2'\n"));
        QCOMPARE(QString::fromStdString(CodeSnippets::curl({"DELETE", "http://h/p", {}, ""})),
                 QStringLiteral("curl -X DELETE 'http://h/p'\n"));
    }

    void curlQuotesHeadersAndBody()
    {
        QCOMPARE(QString::fromStdString(CodeSnippets::curl(postWithBody())),
                 QStringLiteral("curl 'http://127.0.0.1:8080/v1/pets' \\\n"
                                "  -H 'Content-Type: application/json' \\\n"
                                "  -H 'X-Note: it'\\''s' \\\n"
                                "  --data-raw '{\"name\":\"Rex \\\"Jr\\\"\"}\n'\n"));
    }

    void shellQuotingSurvivesARealShell_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("quote") << "it's";
        QTest::newRow("dollar and backtick") << "$HOME `id` $(id)";
        QTest::newRow("newline and backslash") << "a\\nb\nc";
        QTest::newRow("unicode") << "Rëx 🐶";
    }
    void shellQuotingSurvivesARealShell()
    {
        QFETCH(QString, text);
        QProcess shell;
        shell.start(QStringLiteral("/bin/sh"),
                    {QStringLiteral("-c"),
                     QStringLiteral("printf %s ") + QString::fromStdString(CodeSnippets::shellQuoted(text.toStdString()))});
        QVERIFY(shell.waitForFinished());
        QCOMPARE(QString::fromUtf8(shell.readAllStandardOutput()), text);
    }

    void fetchAndPythonEscapeTheirStrings()
    {
        const std::string fetch = CodeSnippets::fetch(postWithBody());
        QVERIFY(fetch.find("body: \"{\\\"name\\\":\\\"Rex \\\\\\\"Jr\\\\\\\"\\\"}\\n\",") != std::string::npos);
        QVERIFY(fetch.find("\"X-Note\": \"it's\",") != std::string::npos);
        const std::string python = CodeSnippets::pythonRequests(postWithBody());
        QVERIFY(python.find("data=\"{\\\"name\\\":\\\"Rex \\\\\\\"Jr\\\\\\\"\\\"}\\n\".encode(\"utf-8\"),") != std::string::npos);
        QCOMPARE(QString::fromStdString(CodeSnippets::quoted(std::string("a\x01" "b\t", 4))), QStringLiteral("\"a\\u0001b\\t\""));
    }

    void pythonSnippetIsValidPython()
    {
        const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
        if (python.isEmpty())
            QSKIP("python3 is not installed");
        QProcess process;
        process.start(python, {QStringLiteral("-c"), QStringLiteral("import ast,sys; ast.parse(sys.stdin.read())")});
        process.write(QByteArray::fromStdString(CodeSnippets::pythonRequests(postWithBody())));
        process.closeWriteChannel();
        QVERIFY(process.waitForFinished());
        QCOMPARE(process.exitCode(), 0);
    }

    void fetchSnippetIsValidJavaScript()
    {
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        if (node.isEmpty())
            QSKIP("node is not installed");
        QProcess process;
        // An async function body accepts the top-level await the snippet uses.
        process.start(node, {QStringLiteral("-e"),
                             QStringLiteral("let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{"
                                            "new (Object.getPrototypeOf(async function(){}).constructor)(s)})")});
        process.write(QByteArray::fromStdString(CodeSnippets::fetch(postWithBody())));
        process.closeWriteChannel();
        QVERIFY(process.waitForFinished());
        QCOMPARE(process.exitCode(), 0);
    }

    void websocatArgumentsSurviveARealShell()
    {
        const std::string command = CodeSnippets::websocat("ws://127.0.0.1:8080/v1/ws/chat?token=a'b",
                                                           {"petstore.chat.v1", "x"}, {{"X-Tenant-ID", "it's"}});
        QVERIFY(command.rfind("websocat", 0) == 0);
        QProcess shell;
        shell.start(QStringLiteral("/bin/sh"),
                    {QStringLiteral("-c"), QStringLiteral("printf '%s|' ") + QString::fromStdString(command.substr(8))});
        QVERIFY(shell.waitForFinished());
        QCOMPARE(QString::fromUtf8(shell.readAllStandardOutput()),
                 QStringLiteral("-H|X-Tenant-ID: it's|--protocol|petstore.chat.v1, x|ws://127.0.0.1:8080/v1/ws/chat?token=a'b|"));
    }

    void nodeWebSocketSnippetIsValidJavaScript()
    {
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        if (node.isEmpty())
            QSKIP("node is not installed");
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("snippet.mjs")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray::fromStdString(CodeSnippets::nodeWebSocket("ws://x/\"quoted\"", {"p1"}, {{"Authorization", "Bearer t"}})));
        file.close();
        QProcess process;
        process.start(node, {QStringLiteral("--check"), file.fileName()});
        QVERIFY(process.waitForFinished());
        QCOMPARE(process.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCodeSnippets)
#include "tst_codesnippets.moc"
