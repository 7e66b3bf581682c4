// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/problemdetails.h"

#include <QTest>

using petstore::core::Error;
using petstore::core::ErrorKind;
using petstore::core::FieldError;
using petstore::core::ProblemDetails;
using nlohmann::json;

namespace {

json parsed(const QByteArray &text)
{
    return json::parse(text.toStdString());
}

QByteArray dumped(const json &value)
{
    return QByteArray::fromStdString(value.dump());
}

} // namespace

class tst_ProblemDetails : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void forStatusUsesCatalogue_data();
    void forStatusUsesCatalogue();
    void toJsonOmitsEmptyOptionalMembers();
    void toJsonEmitsEveryMemberAndExtensions();
    void extensionsCannotOverrideStandardMembers();
    void specialFactoriesHaveTheirOwnTypes_data();
    void specialFactoriesHaveTheirOwnTypes();
    void mapsEveryErrorKind_data();
    void mapsEveryErrorKind();
    void reasonPhraseFollowsRfc9110_data();
    void reasonPhraseFollowsRfc9110();
    void fromJsonReadsWhatToJsonWrote();
    void fromJsonIsLenientWithForeignProblems();
    void fromJsonRefusesANonObject();
};

void tst_ProblemDetails::forStatusUsesCatalogue_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("slug");
    QTest::addColumn<QString>("title");

    QTest::newRow("400") << 400 << "bad-request" << "Bad Request";
    QTest::newRow("401") << 401 << "unauthorized" << "Unauthorized";
    QTest::newRow("403") << 403 << "forbidden" << "Forbidden";
    QTest::newRow("404") << 404 << "not-found" << "Not Found";
    QTest::newRow("405") << 405 << "method-not-allowed" << "Method Not Allowed";
    QTest::newRow("406") << 406 << "not-acceptable" << "Not Acceptable";
    QTest::newRow("409") << 409 << "conflict" << "Conflict";
    QTest::newRow("412") << 412 << "precondition-failed" << "Precondition Failed";
    QTest::newRow("413") << 413 << "payload-too-large" << "Payload Too Large";
    QTest::newRow("415") << 415 << "unsupported-media-type" << "Unsupported Media Type";
    QTest::newRow("422") << 422 << "validation-error" << "Validation Error";
    QTest::newRow("428") << 428 << "precondition-required" << "Precondition Required";
    QTest::newRow("429") << 429 << "rate-limited" << "Too Many Requests";
    QTest::newRow("431") << 431 << "request-header-fields-too-large"
                         << "Request Header Fields Too Large";
    QTest::newRow("500") << 500 << "internal-error" << "Internal Server Error";
    QTest::newRow("501") << 501 << "not-implemented" << "Not Implemented";
    QTest::newRow("503") << 503 << "service-unavailable" << "Service Unavailable";
    QTest::newRow("504") << 504 << "gateway-timeout" << "Gateway Timeout";
    QTest::newRow("uncatalogued-410") << 410 << "http-410" << "Gone";
    QTest::newRow("uncatalogued-502") << 502 << "http-502" << "Bad Gateway";
    QTest::newRow("unregistered-599") << 599 << "http-599" << "HTTP 599";
}

void tst_ProblemDetails::forStatusUsesCatalogue()
{
    QFETCH(int, status);
    QFETCH(QString, slug);
    QFETCH(QString, title);

    const ProblemDetails problem = ProblemDetails::forStatus(status, "why");
    QCOMPARE(QString::fromStdString(problem.type),
             "https://petstoreapi.com/problems/" + slug);
    QCOMPARE(QString::fromStdString(problem.title), title);
    QCOMPARE(problem.status, status);
    QCOMPARE(problem.detail, std::string("why"));
    QVERIFY(problem.errors.empty());
}

void tst_ProblemDetails::toJsonOmitsEmptyOptionalMembers()
{
    const json expected = parsed(R"({"type":"https://petstoreapi.com/problems/not-found",
                                     "title":"Not Found","status":404})");
    QCOMPARE(dumped(ProblemDetails::forStatus(404).toJson()), dumped(expected));
}

void tst_ProblemDetails::toJsonEmitsEveryMemberAndExtensions()
{
    ProblemDetails problem = ProblemDetails::validation(
        {{"/name", "must be at least 1 character", "minLength"},
         {"/species", "must be one of DOG, CAT", "enum"}},
        "The pet is invalid");
    problem.instance = "/v1/pets";
    problem.traceId = "req-42";
    problem.extensions = {{"retryable", false}};

    const json expected = parsed(R"({
        "type":"https://petstoreapi.com/problems/validation-error",
        "title":"Validation Error","status":422,"detail":"The pet is invalid",
        "instance":"/v1/pets","traceId":"req-42","retryable":false,
        "errors":[{"field":"/name","message":"must be at least 1 character","code":"minLength"},
                  {"field":"/species","message":"must be one of DOG, CAT","code":"enum"}]})");
    QCOMPARE(dumped(problem.toJson()), dumped(expected));
}

void tst_ProblemDetails::extensionsCannotOverrideStandardMembers()
{
    ProblemDetails problem = ProblemDetails::forStatus(409, "taken");
    problem.extensions = {{"status", 200}, {"title", "OK"}, {"errors", json::array()},
                          {"conflictingId", "p-1"}};
    const json expected = parsed(R"({
        "type":"https://petstoreapi.com/problems/conflict","title":"Conflict","status":409,
        "detail":"taken","conflictingId":"p-1"})");
    QCOMPARE(dumped(problem.toJson()), dumped(expected));
}

void tst_ProblemDetails::specialFactoriesHaveTheirOwnTypes_data()
{
    QTest::addColumn<QByteArray>("actual");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("malformedJson")
        << dumped(ProblemDetails::malformedJson("unexpected end of input at 12").toJson())
        << dumped(parsed(R"({"type":"https://petstoreapi.com/problems/malformed-json",
                  "title":"Malformed JSON","status":400,"detail":"unexpected end of input at 12"})"));
    QTest::newRow("invalidTransition")
        << dumped(ProblemDetails::invalidTransition("SHIPPED -> PLACED").toJson())
        << dumped(parsed(R"({"type":"https://petstoreapi.com/problems/invalid-state-transition",
                  "title":"Invalid State Transition","status":409,"detail":"SHIPPED -> PLACED"})"));
    QTest::newRow("idempotencyKeyReused")
        << dumped(ProblemDetails::idempotencyKeyReused().toJson())
        << dumped(parsed(R"({"type":"https://petstoreapi.com/problems/idempotency-key-reused",
                  "title":"Idempotency Key Reused","status":422})"));
    QTest::newRow("validation")
        << dumped(ProblemDetails::validation({{"query.limit", "must be at most 100", "maximum"}})
                      .toJson())
        << dumped(parsed(R"({"type":"https://petstoreapi.com/problems/validation-error",
                  "title":"Validation Error","status":422,
                  "errors":[{"field":"query.limit","message":"must be at most 100",
                             "code":"maximum"}]})"));
}

void tst_ProblemDetails::specialFactoriesHaveTheirOwnTypes()
{
    QFETCH(QByteArray, actual);
    QFETCH(QByteArray, expected);
    QCOMPARE(actual, expected);
}

void tst_ProblemDetails::mapsEveryErrorKind_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("slug");
    QTest::addColumn<QString>("title");

    QTest::newRow("BadRequest") << int(ErrorKind::BadRequest) << 400 << "bad-request"
                                << "Bad Request";
    QTest::newRow("Validation") << int(ErrorKind::Validation) << 422 << "validation-error"
                                << "Validation Error";
    QTest::newRow("NotFound") << int(ErrorKind::NotFound) << 404 << "not-found" << "Not Found";
    QTest::newRow("Conflict") << int(ErrorKind::Conflict) << 409 << "conflict" << "Conflict";
    QTest::newRow("InvalidTransition") << int(ErrorKind::InvalidTransition) << 409
                                       << "invalid-state-transition"
                                       << "Invalid State Transition";
    QTest::newRow("Unauthorized") << int(ErrorKind::Unauthorized) << 401 << "unauthorized"
                                  << "Unauthorized";
    QTest::newRow("Forbidden") << int(ErrorKind::Forbidden) << 403 << "forbidden" << "Forbidden";
    QTest::newRow("PreconditionFailed") << int(ErrorKind::PreconditionFailed) << 412
                                        << "precondition-failed" << "Precondition Failed";
    QTest::newRow("Internal") << int(ErrorKind::Internal) << 500 << "internal-error"
                              << "Internal Server Error";
}

void tst_ProblemDetails::mapsEveryErrorKind()
{
    QFETCH(int, kind);
    QFETCH(int, status);
    QFETCH(QString, slug);
    QFETCH(QString, title);

    const std::vector<FieldError> fields = {{"/name", "is required", "required"}};
    const Error error = Error::make(ErrorKind(kind), "something specific", fields);
    const ProblemDetails problem = ProblemDetails::fromError(error);

    QCOMPARE(problem.status, status);
    QCOMPARE(QString::fromStdString(problem.type), "https://petstoreapi.com/problems/" + slug);
    QCOMPARE(QString::fromStdString(problem.title), title);
    QCOMPARE(problem.detail, std::string("something specific"));
    // Only validation problems carry field errors (RFC 9457 extension "errors").
    const std::size_t expectedErrors = ErrorKind(kind) == ErrorKind::Validation ? 1 : 0;
    QCOMPARE(problem.errors.size(), expectedErrors);
    if (expectedErrors == 1) {
        QCOMPARE(problem.errors.front().field, std::string("/name"));
        QCOMPARE(problem.errors.front().code, std::string("required"));
    }
}

void tst_ProblemDetails::reasonPhraseFollowsRfc9110_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("phrase");

    QTest::newRow("200") << 200 << "OK";
    QTest::newRow("201") << 201 << "Created";
    QTest::newRow("204") << 204 << "No Content";
    QTest::newRow("304") << 304 << "Not Modified";
    QTest::newRow("308") << 308 << "Permanent Redirect";
    QTest::newRow("413") << 413 << "Content Too Large";
    QTest::newRow("422") << 422 << "Unprocessable Content";
    QTest::newRow("428") << 428 << "Precondition Required";
    QTest::newRow("429") << 429 << "Too Many Requests";
    QTest::newRow("431") << 431 << "Request Header Fields Too Large";
    QTest::newRow("505") << 505 << "HTTP Version Not Supported";
    QTest::newRow("unregistered-299") << 299 << "";
    QTest::newRow("negative") << -1 << "";
}

void tst_ProblemDetails::reasonPhraseFollowsRfc9110()
{
    QFETCH(int, status);
    QFETCH(QString, phrase);
    const std::string_view actual = ProblemDetails::reasonPhrase(status);
    QCOMPARE(QString::fromUtf8(actual.data(), qsizetype(actual.size())), phrase);
}

void tst_ProblemDetails::fromJsonReadsWhatToJsonWrote()
{
    ProblemDetails original = ProblemDetails::validation({{"/name", "must not be empty", "minLength"}}, "1 field");
    original.instance = "/v1/pets";
    original.traceId = "abc";
    original.extensions = {{"retryAfter", 3}};
    const auto read = ProblemDetails::fromJson(original.toJson(), 200);
    QVERIFY(read.ok());
    QCOMPARE(dumped(read->toJson()), dumped(original.toJson()));
}

void tst_ProblemDetails::fromJsonIsLenientWithForeignProblems()
{
    const auto read = ProblemDetails::fromJson(parsed(R"({"title":7,"detail":"gone","errors":[1,{"field":"a"}]})"), 410);
    QVERIFY(read.ok());
    QCOMPARE(QString::fromStdString(read->type), QStringLiteral("about:blank"));
    QCOMPARE(QString::fromStdString(read->title), QString());
    QCOMPARE(read->status, 410);
    QCOMPARE(QString::fromStdString(read->detail), QStringLiteral("gone"));
    QCOMPARE(read->errors.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(read->errors[0].field), QStringLiteral("a"));
}

void tst_ProblemDetails::fromJsonRefusesANonObject()
{
    const auto read = ProblemDetails::fromJson(parsed("[1,2]"), 400);
    QVERIFY(!read.ok());
    QCOMPARE(read.error().kind, ErrorKind::BadRequest);
}

QTEST_APPLESS_MAIN(tst_ProblemDetails)
#include "tst_problemdetails.moc"
