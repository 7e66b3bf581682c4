// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/requests/variabletemplate.h"

#include <QTest>

using petstore::core::VariableTemplate;

class TestVariableTemplate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void expands_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("base url") << "{{baseUrl}}/pets" << "http://h:1/v1/pets";
        QTest::newRow("spaces inside braces") << "Bearer {{ token }}" << "Bearer abc";
        QTest::newRow("unknown stays") << "{{nope}}/x" << "{{nope}}/x";
        QTest::newRow("unclosed stays") << "a {{token" << "a {{token";
        QTest::newRow("two in a row") << "{{token}}{{token}}" << "abcabc";
        QTest::newRow("no placeholders") << "plain" << "plain";
        QTest::newRow("empty name") << "{{}}" << "{{}}";
    }
    void expands()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const std::map<std::string, std::string> variables{{"baseUrl", "http://h:1/v1"}, {"token", "abc"}};
        QCOMPARE(QString::fromStdString(VariableTemplate::expand(text.toStdString(), variables)), expected);
    }

    void listsUnresolvedNames()
    {
        const auto names = VariableTemplate::unresolved("{{a}}/{{ b }}/{{c}}", {{"a", "1"}});
        QCOMPARE(names, (std::vector<std::string>{"b", "c"}));
    }
};

QTEST_APPLESS_MAIN(TestVariableTemplate)
#include "tst_variabletemplate.moc"
