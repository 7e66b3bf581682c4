// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/jsonschema/jsonschemaformats.h"
#include "core/jsonschema/jsonschemapatterncache.h"
#include "core/jsonschema/jsonschemavalidator.h"

#include <QtTest/QtTest>

using nlohmann::json;
using petstore::core::JsonSchemaFormats;
using petstore::core::JsonSchemaPatternCache;
using petstore::core::JsonSchemaValidator;
using petstore::core::SchemaViolation;

namespace {

// The components document "$ref"s point into, shaped like an OpenAPI document.
const char *const kComponents = R"({"components": {"schemas": {
    "Pet": {"type": "object", "required": ["name", "species"], "additionalProperties": false,
            "properties": {"name": {"type": "string", "minLength": 1, "maxLength": 50},
                           "species": {"$ref": "#/components/schemas/Species"},
                           "tags": {"type": "array", "items": {"$ref": "#/components/schemas/Tag"}}}},
    "Species": {"type": "string", "enum": ["DOG", "CAT"]},
    "Tag": {"type": "object", "required": ["label"], "properties": {"label": {"type": "string"}}},
    "Node": {"type": "object", "properties": {"child": {"$ref": "#/components/schemas/Node"},
                                              "value": {"type": "integer"}}},
    "a/b": {"type": "integer"},
    "t~x": {"type": "boolean"},
    "Loop": {"$ref": "#/components/schemas/Loop"},
    "PingA": {"$ref": "#/components/schemas/PingB"},
    "PingB": {"allOf": [{"$ref": "#/components/schemas/PingA"}]}
}}})";

// "#/pointer keyword" per violation, in report order; the root pointer shows as "#".
QStringList describe(const std::vector<SchemaViolation> &violations)
{
    QStringList out;
    for (const SchemaViolation &violation : violations)
        out << QString::fromStdString("#" + violation.instancePointer + ' ' + violation.keyword);
    return out;
}

json parsed(const QString &text)
{
    json value = json::parse(text.toStdString(), nullptr, false);
    if (value.is_discarded())
        qFatal("test data is not JSON: %s", qPrintable(text));
    return value;
}

} // namespace

class tst_JsonSchemaValidator : public QObject
{
    Q_OBJECT

private:
    void addViolationColumns()
    {
        QTest::addColumn<QString>("schema");
        QTest::addColumn<QString>("instance");
        QTest::addColumn<QStringList>("expected");
    }
    void checkViolations()
    {
        QFETCH(QString, schema);
        QFETCH(QString, instance);
        QFETCH(QStringList, expected);
        const json schemaJson = parsed(schema);
        const json instanceJson = parsed(instance);
        QCOMPARE(describe(m_validator.validate(instanceJson, schemaJson)), expected);
    }

    const json m_components = json::parse(kComponents);
    const JsonSchemaValidator m_validator{&m_components};

private Q_SLOTS:
    void reportsTypeViolations_data();
    void reportsTypeViolations() { checkViolations(); }
    void reportsObjectViolations_data();
    void reportsObjectViolations() { checkViolations(); }
    void reportsArrayViolations_data();
    void reportsArrayViolations() { checkViolations(); }
    void reportsNumberViolations_data();
    void reportsNumberViolations() { checkViolations(); }
    void reportsStringViolations_data();
    void reportsStringViolations() { checkViolations(); }
    void reportsEnumAndConstViolations_data();
    void reportsEnumAndConstViolations() { checkViolations(); }
    void reportsCombinatorViolations_data();
    void reportsCombinatorViolations() { checkViolations(); }
    void resolvesRefsIntoComponents_data();
    void resolvesRefsIntoComponents() { checkViolations(); }
    void reportsFormatViolations_data();
    void reportsFormatViolations() { checkViolations(); }
    void checksFormats_data();
    void checksFormats();
    void searchesPatternsWithEcmaSemantics_data();
    void searchesPatternsWithEcmaSemantics();
    void writesMessages_data();
    void writesMessages();
    void stopsCyclicRefsAtDepthLimit_data();
    void stopsCyclicRefsAtDepthLimit();
    void reportsRefWithoutRootDocument();
    void ignoresAnnotationsAndUnknownKeywords();
    void mapsViolationsToFieldErrors();
};

void tst_JsonSchemaValidator::reportsTypeViolations_data()
{
    addViolationColumns();
    QTest::newRow("string ok") << R"({"type": "string"})" << R"("x")" << QStringList{};
    QTest::newRow("string vs number") << R"({"type": "string"})" << "1" << QStringList{"# type"};
    QTest::newRow("integer ok") << R"({"type": "integer"})" << "-7" << QStringList{};
    QTest::newRow("integer zero fraction") << R"({"type": "integer"})" << "2.0" << QStringList{};
    QTest::newRow("integer vs fraction") << R"({"type": "integer"})" << "2.5" << QStringList{"# type"};
    QTest::newRow("integer vs string") << R"({"type": "integer"})" << R"("2")" << QStringList{"# type"};
    QTest::newRow("number accepts integer") << R"({"type": "number"})" << "3" << QStringList{};
    QTest::newRow("boolean vs 0") << R"({"type": "boolean"})" << "0" << QStringList{"# type"};
    QTest::newRow("null ok") << R"({"type": "null"})" << "null" << QStringList{};
    QTest::newRow("object vs array") << R"({"type": "object"})" << "[]" << QStringList{"# type"};
    QTest::newRow("array vs object") << R"({"type": "array"})" << "{}" << QStringList{"# type"};
    QTest::newRow("union accepts null") << R"({"type": ["string", "null"]})" << "null" << QStringList{};
    QTest::newRow("union rejects number") << R"({"type": ["string", "null"]})" << "4" << QStringList{"# type"};
    QTest::newRow("true schema") << "true" << "4" << QStringList{};
    QTest::newRow("false schema") << "false" << "4" << QStringList{"# false"};
    QTest::newRow("type mismatch skips string keywords")
        << R"({"type": "string", "minLength": 3, "pattern": "^a"})" << "12" << QStringList{"# type"};
}

void tst_JsonSchemaValidator::reportsObjectViolations_data()
{
    addViolationColumns();
    const QString person = R"({"type": "object", "required": ["name", "age"],
        "properties": {"name": {"type": "string"}, "age": {"type": "integer", "minimum": 0},
                       "address": {"type": "object", "required": ["city"],
                                   "properties": {"city": {"type": "string", "minLength": 1}}}}})";
    QTest::newRow("valid") << person << R"({"name": "Ann", "age": 3})" << QStringList{};
    QTest::newRow("missing both") << person << "{}" << QStringList{"#/name required", "#/age required"};
    QTest::newRow("nested missing") << person << R"({"name": "A", "age": 1, "address": {}})"
                                    << QStringList{"#/address/city required"};
    QTest::newRow("nested and top level at once")
        << person << R"({"name": 5, "age": -1, "address": {"city": ""}})"
        << QStringList{"#/address/city minLength", "#/age minimum", "#/name type"};
    QTest::newRow("additional false")
        << R"({"properties": {"a": {}}, "additionalProperties": false})" << R"({"a": 1, "b": 2, "c": 3})"
        << QStringList{"#/b additionalProperties", "#/c additionalProperties"};
    QTest::newRow("additional schema")
        << R"({"properties": {"a": {}}, "additionalProperties": {"type": "string"}})"
        << R"({"a": 1, "b": "x", "c": 3})" << QStringList{"#/c type"};
    QTest::newRow("pattern properties exempt from additional")
        << R"({"patternProperties": {"^x-": {"type": "string"}}, "additionalProperties": false})"
        << R"({"x-a": "ok", "x-b": 1, "y": 0})" << QStringList{"#/y additionalProperties", "#/x-b type"};
    QTest::newRow("escaped member names")
        << R"({"properties": {"a/b": {"type": "string"}, "m~n": {"type": "string"}}})"
        << R"({"a/b": 1, "m~n": 2})" << QStringList{"#/a~1b type", "#/m~0n type"};
    QTest::newRow("min properties") << R"({"minProperties": 2})" << R"({"a": 1})"
                                    << QStringList{"# minProperties"};
    QTest::newRow("max properties") << R"({"maxProperties": 1})" << R"({"a": 1, "b": 2})"
                                    << QStringList{"# maxProperties"};
    QTest::newRow("object keywords ignore arrays") << R"({"required": ["a"], "maxProperties": 0})"
                                                   << "[1]" << QStringList{};
}

void tst_JsonSchemaValidator::reportsArrayViolations_data()
{
    addViolationColumns();
    const QString photos = R"({"type": "array", "minItems": 1, "maxItems": 3,
        "items": {"type": "object", "required": ["url"], "properties": {"url": {"type": "string"}}}})";
    QTest::newRow("valid") << photos << R"([{"url": "a"}])" << QStringList{};
    QTest::newRow("too few") << photos << "[]" << QStringList{"# minItems"};
    QTest::newRow("too many and bad items")
        << photos << R"([{"url": "a"}, {}, {"url": 1}, {"url": "d"}])"
        << QStringList{"#/1/url required", "#/2/url type", "# maxItems"};
    QTest::newRow("items nested arrays")
        << R"({"items": {"items": {"type": "integer"}}})" << R"([[1, 2], [3, "x"]])"
        << QStringList{"#/1/1 type"};
    QTest::newRow("items false") << R"({"items": false})" << "[1]" << QStringList{"#/0 items"};
    QTest::newRow("prefix items then items")
        << R"({"prefixItems": [{"type": "string"}, {"type": "integer"}], "items": {"type": "boolean"}})"
        << R"([1, "b", true, 4])" << QStringList{"#/3 type", "#/0 type", "#/1 type"};
    QTest::newRow("unique ok") << R"({"uniqueItems": true})" << R"([1, "1", [1], {"a": 1}])" << QStringList{};
    QTest::newRow("unique numbers 1 and 1.0") << R"({"uniqueItems": true})" << "[1, 2, 1.0]"
                                              << QStringList{"# uniqueItems"};
    QTest::newRow("unique objects") << R"({"uniqueItems": true})" << R"([{"a": 1, "b": 2}, {"b": 2, "a": 1}])"
                                    << QStringList{"# uniqueItems"};
    QTest::newRow("unique false allows duplicates") << R"({"uniqueItems": false})" << "[1, 1]" << QStringList{};
}

void tst_JsonSchemaValidator::reportsNumberViolations_data()
{
    addViolationColumns();
    const QString range = R"({"minimum": 1, "maximum": 10})";
    QTest::newRow("at minimum") << range << "1" << QStringList{};
    QTest::newRow("at maximum") << range << "10" << QStringList{};
    QTest::newRow("below minimum") << range << "0.5" << QStringList{"# minimum"};
    QTest::newRow("above maximum") << range << "11" << QStringList{"# maximum"};
    QTest::newRow("exclusive minimum equal") << R"({"exclusiveMinimum": 0})" << "0" << QStringList{"# exclusiveMinimum"};
    QTest::newRow("exclusive minimum above") << R"({"exclusiveMinimum": 0})" << "0.001" << QStringList{};
    QTest::newRow("exclusive maximum equal") << R"({"exclusiveMaximum": 5})" << "5" << QStringList{"# exclusiveMaximum"};
    QTest::newRow("negative against unsigned") << R"({"minimum": 0})" << "-9223372036854775808"
                                               << QStringList{"# minimum"};
    QTest::newRow("uint64 max against int64 max") << R"({"maximum": 9223372036854775807})"
                                                  << "18446744073709551615" << QStringList{"# maximum"};
    QTest::newRow("multiple of integer") << R"({"multipleOf": 5})" << "-15" << QStringList{};
    QTest::newRow("not multiple of integer") << R"({"multipleOf": 5})" << "7" << QStringList{"# multipleOf"};
    QTest::newRow("multiple of decimal") << R"({"multipleOf": 0.01})" << "19.99" << QStringList{};
    QTest::newRow("not multiple of decimal") << R"({"multipleOf": 0.01})" << "19.999" << QStringList{"# multipleOf"};
    QTest::newRow("overflowing quotient") << R"({"multipleOf": 0.123456789})" << "1e308"
                                          << QStringList{"# multipleOf"};
    QTest::newRow("numeric keywords ignore strings") << range << R"("0")" << QStringList{};
}

void tst_JsonSchemaValidator::reportsStringViolations_data()
{
    addViolationColumns();
    QTest::newRow("min length ok") << R"({"minLength": 1})" << R"("a")" << QStringList{};
    QTest::newRow("empty too short") << R"({"minLength": 1})" << R"("")" << QStringList{"# minLength"};
    QTest::newRow("e acute is one") << R"({"maxLength": 1})" << R"("é")" << QStringList{};
    QTest::newRow("emoji is one") << R"({"minLength": 2, "maxLength": 2})" << R"("🐶x")" << QStringList{};
    QTest::newRow("three code points") << R"({"maxLength": 2})" << R"("héé")" << QStringList{"# maxLength"};
    QTest::newRow("pattern found inside") << R"({"pattern": "o+"})" << R"("dog")" << QStringList{};
    QTest::newRow("pattern not found") << R"({"pattern": "^[A-Z]+$"})" << R"("Dog")" << QStringList{"# pattern"};
    QTest::newRow("invalid pattern") << R"({"pattern": "(["})" << R"("x")" << QStringList{"# pattern"};
    QTest::newRow("all string keywords at once")
        << R"({"minLength": 5, "pattern": "^\\d+$", "format": "uuid"})" << R"("ab")"
        << QStringList{"# format", "# minLength", "# pattern"};
}

void tst_JsonSchemaValidator::reportsEnumAndConstViolations_data()
{
    addViolationColumns();
    QTest::newRow("enum hit") << R"({"enum": ["DOG", "CAT"]})" << R"("CAT")" << QStringList{};
    QTest::newRow("enum is case sensitive") << R"({"enum": ["DOG", "CAT"]})" << R"("dog")" << QStringList{"# enum"};
    QTest::newRow("enum with null") << R"({"enum": ["A", null]})" << "null" << QStringList{};
    QTest::newRow("enum number equality") << R"({"enum": [1, 2]})" << "2.0" << QStringList{};
    QTest::newRow("enum of objects") << R"({"enum": [{"a": 1}]})" << R"({"a": 2})" << QStringList{"# enum"};
    QTest::newRow("const hit") << R"({"const": {"v": [1]}})" << R"({"v": [1]})" << QStringList{};
    QTest::newRow("const miss") << R"({"const": "x"})" << R"("y")" << QStringList{"# const"};
    QTest::newRow("const false is not 0") << R"({"const": false})" << "0" << QStringList{"# const"};
}

void tst_JsonSchemaValidator::reportsCombinatorViolations_data()
{
    addViolationColumns();
    const QString oneOf = R"({"oneOf": [{"type": "integer"}, {"minimum": 2}]})";
    QTest::newRow("oneOf exactly one") << oneOf << "1" << QStringList{};
    QTest::newRow("oneOf matches two") << oneOf << "3" << QStringList{"# oneOf"};
    QTest::newRow("oneOf matches none") << oneOf << "1.5" << QStringList{"# oneOf"};
    QTest::newRow("oneOf at nested pointer")
        << R"({"properties": {"p": {"oneOf": [{"type": "string"}, {"type": "boolean"}]}}})"
        << R"({"p": 1})" << QStringList{"#/p oneOf"};
    const QString anyOf = R"({"anyOf": [{"type": "string", "maxLength": 1}, {"type": "integer"}]})";
    QTest::newRow("anyOf second") << anyOf << "7" << QStringList{};
    QTest::newRow("anyOf none is one violation") << anyOf << R"("long")" << QStringList{"# anyOf"};
    QTest::newRow("allOf reports every branch")
        << R"({"allOf": [{"type": "string"}, {"minimum": 3}, {"maximum": 5}]})" << "2"
        << QStringList{"# type", "# minimum"};
    QTest::newRow("not matching") << R"({"not": {"type": "null"}})" << "null" << QStringList{"# not"};
    QTest::newRow("not failing") << R"({"not": {"type": "null"}})" << "0" << QStringList{};
}

void tst_JsonSchemaValidator::resolvesRefsIntoComponents_data()
{
    addViolationColumns();
    const QString pet = R"({"$ref": "#/components/schemas/Pet"})";
    QTest::newRow("valid pet") << pet << R"({"name": "Rex", "species": "DOG", "tags": [{"label": "x"}]})"
                               << QStringList{};
    QTest::newRow("every violation through refs")
        << pet << R"({"name": "", "species": "COW", "tags": [{"label": 1}, {}], "extra": true})"
        << QStringList{"#/extra additionalProperties", "#/name minLength", "#/species enum",
                       "#/tags/0/label type", "#/tags/1/label required"};
    QTest::newRow("missing required through ref") << pet << "{}"
                                                   << QStringList{"#/name required", "#/species required"};
    QTest::newRow("siblings of ref apply too")
        << R"({"$ref": "#/components/schemas/Species", "const": "CAT"})" << R"("COW")"
        << QStringList{"# enum", "# const"};
    QTest::newRow("recursive schema")
        << R"({"$ref": "#/components/schemas/Node"})" << R"({"child": {"child": {"value": "x"}}})"
        << QStringList{"#/child/child/value type"};
    QTest::newRow("~1 unescapes to slash") << R"({"$ref": "#/components/schemas/a~1b"})" << R"("x")"
                                           << QStringList{"# type"};
    QTest::newRow("~0 unescapes to tilde") << R"({"$ref": "#/components/schemas/t~0x"})" << "true"
                                           << QStringList{};
    QTest::newRow("percent encoded fragment") << R"({"$ref": "#/components/schemas/a%7E1b"})" << "1.5"
                                              << QStringList{"# type"};
    QTest::newRow("missing target") << R"({"$ref": "#/components/schemas/Missing"})" << "1"
                                    << QStringList{"# $ref"};
    QTest::newRow("other document") << R"({"$ref": "other.json#/Pet"})" << "1" << QStringList{"# $ref"};
}

void tst_JsonSchemaValidator::reportsFormatViolations_data()
{
    addViolationColumns();
    QTest::newRow("uuid ok") << R"({"format": "uuid"})" << R"("0190a6e4-7b7c-7d8e-9f00-112233445566")"
                             << QStringList{};
    QTest::newRow("nested email") << R"({"properties": {"email": {"format": "email"}}})"
                                  << R"({"email": "not an email"})" << QStringList{"#/email format"};
    QTest::newRow("unknown format passes") << R"({"format": "x-color"})" << R"("?")" << QStringList{};
    QTest::newRow("format ignores numbers") << R"({"format": "date"})" << "20240101" << QStringList{};
}

void tst_JsonSchemaValidator::checksFormats_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("valid");
    const auto row = [](const char *format, const char *value, bool valid) {
        QTest::addRow("%s %s", format, value) << QString::fromLatin1(format) << QString::fromUtf8(value) << valid;
    };
    row("date-time", "2024-05-01T12:30:00Z", true);
    row("date-time", "2024-05-01T12:30:00.123456+02:00", true);
    row("date-time", "2024-05-01t12:30:00z", true);
    row("date-time", "1998-12-31T23:59:60Z", true);
    row("date-time", "1998-12-31T15:59:60-08:00", true);
    row("date-time", "1998-12-31T23:59:60+01:00", false);
    row("date-time", "2024-05-01T12:30:00", false);
    row("date-time", "2024-05-01 12:30:00Z", false);
    row("date-time", "2024-05-01T24:00:00Z", false);
    row("date-time", "2024-05-01T12:30:00.Z", false);
    row("date-time", "2024-05-01T12:30:00+0200", false);
    row("date-time", "2024-02-30T00:00:00Z", false);
    row("date", "2024-02-29", true);
    row("date", "2000-02-29", true);
    row("date", "1900-02-29", false);
    row("date", "2023-02-29", false);
    row("date", "2024-04-31", false);
    row("date", "2024-13-01", false);
    row("date", "2024-1-01", false);
    row("date", "2024-01-01T00:00:00Z", false);
    row("email", "ann@example.com", true);
    row("email", "first.last+tag@mail.pets.co.uk", true);
    row("email", "ann@localhost", false);
    row("email", "ann example@example.com", false);
    row("email", "@example.com", false);
    row("email", "ann@", false);
    row("email", "ann@@example.com", false);
    row("email", ".ann@example.com", false);
    row("email", "a..b@example.com", false);
    row("email", "ann@-pets.com", false);
    row("email", "ann@example.c", false);
    row("email", "ann@example.123", false);
    row("uuid", "0190a6e4-7b7c-7d8e-9f00-112233445566", true);
    row("uuid", "0190A6E4-7B7C-7D8E-9F00-112233445566", true);
    row("uuid", "0190a6e47b7c7d8e9f00112233445566", false);
    row("uuid", "0190a6e4-7b7c-7d8e-9f00-11223344556", false);
    row("uuid", "0190a6e4-7b7c-7d8e-9f00-11223344556g", false);
    row("uuid", "{0190a6e4-7b7c-7d8e-9f00-112233445566}", false);
    row("uri", "https://api.petstoreapi.com/v1/pets?limit=10#top", true);
    row("uri", "urn:isbn:0451450523", true);
    row("uri", "mailto:ann@example.com", true);
    row("uri", "http://example.com/a%20b", true);
    row("uri", "/v1/pets", false);
    row("uri", "//example.com/x", false);
    row("uri", "1http://example.com", false);
    row("uri", "http://example.com/a b", false);
    row("uri", "http://example.com/%zz", false);
    row("uri", "http://example.com/#a#b", false);
    row("uri", "http://example.com/ü", false);
}

void tst_JsonSchemaValidator::checksFormats()
{
    QFETCH(QString, format);
    QFETCH(QString, value);
    QFETCH(bool, valid);
    const std::string text = value.toStdString();
    QCOMPARE(JsonSchemaFormats::check(format.toStdString(), text),
             valid ? JsonSchemaFormats::Verdict::Valid : JsonSchemaFormats::Verdict::Invalid);
    const json schema = {{"format", format.toStdString()}};
    QCOMPARE(describe(m_validator.validate(json(text), schema)), valid ? QStringList{} : QStringList{"# format"});
}

void tst_JsonSchemaValidator::searchesPatternsWithEcmaSemantics_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("found");
    QTest::newRow("unanchored search") << "og" << "dog" << true;
    QTest::newRow("caret anchors start") << "^og" << "dog" << false;
    QTest::newRow("dollar anchors end") << "do$" << "dog" << false;
    QTest::newRow("dollar not before final newline") << "^dog$" << "dog\n" << false;
    QTest::newRow("both anchors") << "^[A-Z]{3}$" << "USD" << true;
    QTest::newRow("anchored too long") << "^[A-Z]{3}$" << "USDX" << false;
    QTest::newRow("dot excludes newline") << "^a.b$" << "a\nb" << false;
    QTest::newRow("dot excludes line separator") << "^a.b$" << QString::fromUtf8("a\u2028b") << false;
    QTest::newRow("dot matches letter") << "^a.b$" << "axb" << true;
    QTest::newRow("empty negated class matches anything") << "^a[^]b$" << "a\nb" << true;
    QTest::newRow("empty class matches nothing") << "a[]" << "a" << false;
    QTest::newRow("unicode escape") << "^caf\\u00e9$" << QString::fromUtf8("café") << true;
    QTest::newRow("braced unicode escape") << "^\\u{1F436}$" << QString::fromUtf8("🐶") << true;
    QTest::newRow("digit is ascii only") << "^\\d+$" << QString::fromUtf8("١٢") << false;
    QTest::newRow("space includes no-break space") << "^a\\sb$" << QString::fromUtf8("a\u00a0b") << true;
    QTest::newRow("space in class") << "^a[\\s-]b$" << QString::fromUtf8("a\u3000b") << true;
    QTest::newRow("non-space excludes em space") << "^a\\Sb$" << QString::fromUtf8("a\u2003b") << false;
    QTest::newRow("vertical tab escape") << "^\\v$" << "\n" << false;
    QTest::newRow("identity escape of letter") << "^\\Q$" << "Q" << true;
    QTest::newRow("literal bracket in class") << "^[[:]+$" << "[:" << true;
    QTest::newRow("e164 phone") << "^\\+[1-9]\\d{1,14}$" << "+4930123456" << true;
}

void tst_JsonSchemaValidator::searchesPatternsWithEcmaSemantics()
{
    QFETCH(QString, pattern);
    QFETCH(QString, text);
    QFETCH(bool, found);
    const JsonSchemaPatternCache cache;
    QCOMPARE(cache.search(pattern.toStdString(), text.toStdString()), std::optional<bool>(found));
    // A second search is served from the compiled cache and must agree.
    QCOMPARE(cache.search(pattern.toStdString(), text.toStdString()), std::optional<bool>(found));
}

void tst_JsonSchemaValidator::writesMessages_data()
{
    QTest::addColumn<QString>("schema");
    QTest::addColumn<QString>("instance");
    QTest::addColumn<QString>("message");
    QTest::newRow("type") << R"({"type": "integer"})" << "1.5" << "must be of type integer";
    QTest::newRow("type union") << R"({"type": ["string", "null"]})" << "1" << "must be of type string or null";
    QTest::newRow("required") << R"({"required": ["name"]})" << "{}" << "is required";
    QTest::newRow("additional") << R"({"additionalProperties": false})" << R"({"x": 1})" << "is not allowed";
    QTest::newRow("minLength 1") << R"({"minLength": 1})" << R"("")" << "must have at least 1 character";
    QTest::newRow("maxLength 50") << R"({"maxLength": 2})" << R"("abc")" << "must have at most 2 characters";
    QTest::newRow("minItems") << R"({"minItems": 1})" << "[]" << "must have at least 1 item";
    QTest::newRow("maxProperties") << R"({"maxProperties": 1})" << R"({"a": 1, "b": 2})"
                                   << "must have at most 1 property";
    QTest::newRow("uniqueItems") << R"({"uniqueItems": true})" << R"(["a", "b", "a"])"
                                 << "must not contain duplicate items (items 0 and 2 are equal)";
    QTest::newRow("enum") << R"({"enum": ["DOG", "CAT"]})" << R"("COW")" << R"(must be one of "DOG", "CAT")";
    QTest::newRow("const") << R"({"const": 3})" << "4" << "must be 3";
    QTest::newRow("minimum") << R"({"minimum": 1})" << "0" << "must be >= 1";
    QTest::newRow("exclusiveMaximum") << R"({"exclusiveMaximum": 2.5})" << "3" << "must be < 2.5";
    QTest::newRow("multipleOf") << R"({"multipleOf": 0.5})" << "0.7" << "must be a multiple of 0.5";
    QTest::newRow("pattern") << R"({"pattern": "^a"})" << R"("b")" << R"(must match pattern "^a")";
    QTest::newRow("format") << R"({"format": "date"})" << R"("x")" << "must be a valid date";
    QTest::newRow("oneOf two") << R"({"oneOf": [{}, true, false]})" << "1"
                               << "must match exactly one schema in oneOf (matched 2 of 3)";
    QTest::newRow("oneOf zero") << R"({"oneOf": [false, {"type": "string"}]})" << "1"
                                << "must match exactly one schema in oneOf (matched 0 of 2)";
    QTest::newRow("anyOf") << R"({"anyOf": [false, false]})" << "1"
                           << "must match at least one schema in anyOf (matched 0 of 2)";
    QTest::newRow("not") << R"({"not": {}})" << "1" << "must not match the schema in not";
    QTest::newRow("unresolvable ref") << R"({"$ref": "#/nowhere"})" << "1"
                                      << R"(cannot resolve reference "#/nowhere")";
}

void tst_JsonSchemaValidator::writesMessages()
{
    QFETCH(QString, schema);
    QFETCH(QString, instance);
    QFETCH(QString, message);
    const std::vector<SchemaViolation> violations = m_validator.validate(parsed(instance), parsed(schema));
    QCOMPARE(violations.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(violations.front().message), message);
}

void tst_JsonSchemaValidator::stopsCyclicRefsAtDepthLimit_data()
{
    QTest::addColumn<QString>("schema");
    QTest::newRow("self reference") << R"({"$ref": "#/components/schemas/Loop"})";
    QTest::newRow("mutual through allOf") << R"({"$ref": "#/components/schemas/PingA"})";
}

void tst_JsonSchemaValidator::stopsCyclicRefsAtDepthLimit()
{
    QFETCH(QString, schema);
    const std::vector<SchemaViolation> violations = m_validator.validate(json(1), parsed(schema));
    QCOMPARE(describe(violations), QStringList{"# $ref"});
    QVERIFY2(violations.front().message.find("deeper than 64 levels") != std::string::npos,
             violations.front().message.c_str());
}

void tst_JsonSchemaValidator::reportsRefWithoutRootDocument()
{
    const JsonSchemaValidator validator(nullptr);
    const json schema = json::parse(R"({"properties": {"a": {"$ref": "#"}}, "type": "object"})");
    QCOMPARE(describe(validator.validate(json::parse(R"({"a": 1})"), schema)), QStringList{"#/a $ref"});
    QCOMPARE(describe(validator.validate(json::array(), schema)), QStringList{"# type"});
}

void tst_JsonSchemaValidator::ignoresAnnotationsAndUnknownKeywords()
{
    const json schema = json::parse(R"({"type": "string", "description": "d", "example": 5, "examples": [5],
        "readOnly": true, "writeOnly": true, "deprecated": true, "title": "t", "default": 5,
        "x-internal": {"type": "integer"}, "$defs": {"X": false}, "contentMediaType": "text/plain"})");
    QCOMPARE(describe(m_validator.validate(json("ok"), schema)), QStringList{});
}

void tst_JsonSchemaValidator::mapsViolationsToFieldErrors()
{
    const std::vector<SchemaViolation> violations = {
        {"", "type", "must be of type object"},
        {"/photos/0", "format", "must be a valid uri"},
    };
    const std::vector<petstore::core::FieldError> errors = petstore::core::toFieldErrors(violations);
    QCOMPARE(errors.size(), std::size_t(2));
    QCOMPARE(errors[0].field, std::string("/"));
    QCOMPARE(errors[0].message, std::string("must be of type object"));
    QCOMPARE(errors[0].code, std::string("type"));
    QCOMPARE(errors[1].field, std::string("/photos/0"));
    QCOMPARE(errors[1].code, std::string("format"));
}

QTEST_GUILESS_MAIN(tst_JsonSchemaValidator)
#include "tst_jsonschemavalidator.moc"
