// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/pagination.h"

#include "core/http/base64url.h"
#include "core/http/percentencoding.h"
#include "core/http/sha256digest.h"

#include <QByteArray>

#include <algorithm>
#include <charconv>
#include <climits>

namespace petstore::core {

namespace {

constexpr std::string_view CursorVersion = "v1";

std::string cursorChecksum(std::string_view versionAndOffset)
{
    return Sha256Digest::of(versionAndOffset).left(4).toHex().toStdString();
}

// Query parameters are integers in the spec; out-of-range values are clamped so that the
// range check, not the parser, reports them.
std::optional<int> parseInteger(std::string_view text)
{
    long long value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (end != text.data() + text.size() || text.empty())
        return std::nullopt;
    if (ec == std::errc::result_out_of_range)
        return text.front() == '-' ? INT_MIN : INT_MAX;
    if (ec != std::errc())
        return std::nullopt;
    return int(std::clamp<long long>(value, INT_MIN, INT_MAX));
}

const std::string *firstValue(const Pagination::QueryItems &query, std::string_view name)
{
    for (const auto &[key, value] : query)
        if (key == name)
            return &value;
    return nullptr;
}

std::string link(const std::string &path, const Pagination::QueryItems &other,
                 const Pagination::QueryItems &paging)
{
    std::string out = path;
    char separator = '?';
    for (const auto *items : {&other, &paging}) {
        for (const auto &[name, value] : *items) {
            out += separator;
            PercentEncoding::appendEncoded(out, name);
            out += '=';
            PercentEncoding::appendEncoded(out, value);
            separator = '&';
        }
    }
    return out;
}

nlohmann::json pageEnvelope(const PageRequest &request, std::size_t totalItems,
                            const std::string &path, const Pagination::QueryItems &other)
{
    const std::size_t limit = std::size_t(request.limit);
    const std::size_t page = std::size_t(request.page.value_or(1));
    const std::size_t totalPages = (totalItems + limit - 1) / limit;
    const std::size_t lastPage = std::max<std::size_t>(totalPages, 1);
    const std::string limitText = std::to_string(limit);
    const auto pageLink = [&](std::size_t n) {
        return link(path, other, {{"page", std::to_string(n)}, {"limit", limitText}});
    };

    nlohmann::json links = nlohmann::json::object();
    links["self"] = pageLink(page);
    links["first"] = pageLink(1);
    // From beyond the end, prev leads back to the last page that has items.
    links["prev"] = page > 1 ? nlohmann::json(pageLink(std::min(page - 1, lastPage))) : nullptr;
    links["next"] = page < totalPages ? nlohmann::json(pageLink(page + 1)) : nullptr;
    links["last"] = pageLink(lastPage);

    return {{"pagination",
             {{"page", page}, {"limit", limit}, {"totalItems", totalItems},
              {"totalPages", totalPages}}},
            {"links", std::move(links)}};
}

nlohmann::json cursorEnvelope(const PageRequest &request, const PageWindow &window,
                              std::size_t totalItems, const std::string &path,
                              const Pagination::QueryItems &other)
{
    const std::size_t limit = std::size_t(request.limit);
    const std::string limitText = std::to_string(limit);
    const auto cursorLink = [&](const std::optional<std::string> &cursor) {
        if (!cursor)
            return link(path, other, {{"limit", limitText}});
        return link(path, other, {{"cursor", *cursor}, {"limit", limitText}});
    };

    std::optional<std::string> next;
    if (window.offset + window.count < totalItems)
        next = Pagination::encodeCursor(window.offset + window.count);
    std::optional<std::string> prev;
    if (window.offset > 0)
        prev = Pagination::encodeCursor(window.offset > limit ? window.offset - limit : 0);

    nlohmann::json links = nlohmann::json::object();
    links["self"] = cursorLink(request.cursor);
    links["first"] = cursorLink(std::nullopt);
    links["prev"] = prev ? nlohmann::json(cursorLink(prev)) : nullptr;
    links["next"] = next ? nlohmann::json(cursorLink(next)) : nullptr;
    // An offset cursor cannot name the last page without knowing where pages fall.
    links["last"] = nullptr;

    return {{"pagination",
             {{"limit", limit}, {"totalItems", totalItems},
              {"nextCursor", next ? nlohmann::json(*next) : nullptr},
              {"prevCursor", prev ? nlohmann::json(*prev) : nullptr}}},
            {"links", std::move(links)}};
}

} // namespace

Result<PageRequest> Pagination::fromQuery(const QueryItems &query, PageMode whenUnspecified)
{
    PageRequest request;
    request.limit = DefaultLimit;
    request.whenUnspecified = whenUnspecified;
    std::vector<FieldError> fields;
    if (const std::string *limit = firstValue(query, "limit")) {
        if (const std::optional<int> value = parseInteger(*limit))
            request.limit = *value;
        else
            fields.push_back({"query.limit", "must be an integer", "type"});
    }
    if (const std::string *page = firstValue(query, "page")) {
        if (const std::optional<int> value = parseInteger(*page))
            request.page = *value;
        else
            fields.push_back({"query.page", "must be an integer", "type"});
    }
    if (const std::string *cursor = firstValue(query, "cursor"))
        request.cursor = *cursor;
    if (!fields.empty())
        return Error::make(ErrorKind::Validation, "invalid pagination parameters",
                           std::move(fields));
    const Status valid = validate(request);
    if (!valid)
        return valid.error();
    return request;
}

Status Pagination::validate(const PageRequest &request)
{
    std::vector<FieldError> fields;
    if (request.limit < 1)
        fields.push_back({"query.limit", "must be at least 1", "minimum"});
    else if (request.limit > MaxLimit)
        fields.push_back({"query.limit", "must be at most " + std::to_string(MaxLimit), "maximum"});
    if (request.page && *request.page < 1)
        fields.push_back({"query.page", "must be at least 1", "minimum"});
    if (request.page && request.cursor)
        fields.push_back({"query.cursor", "cannot be combined with page", "mutuallyExclusive"});
    else if (request.cursor && !decodeCursor(*request.cursor))
        fields.push_back({"query.cursor", "is not a cursor issued by this server", "invalidCursor"});
    if (!fields.empty())
        return Error::make(ErrorKind::Validation, "invalid pagination parameters",
                           std::move(fields));
    return Done{};
}

Result<PageWindow> Pagination::window(const PageRequest &request, std::size_t totalItems)
{
    const Status valid = validate(request);
    if (!valid)
        return valid.error();
    const std::size_t limit = std::size_t(request.limit);
    std::size_t offset = 0;
    if (request.cursor)
        offset = *decodeCursor(*request.cursor);
    else if (request.page)
        offset = (std::size_t(*request.page) - 1) * limit;
    offset = std::min(offset, totalItems);
    return PageWindow{offset, std::min(limit, totalItems - offset)};
}

nlohmann::json Pagination::envelope(nlohmann::json dataArray, const PageRequest &request,
                                    const PageWindow &window, std::size_t totalItems,
                                    const std::string &path, const QueryItems &otherQuery)
{
    nlohmann::json body = request.mode() == PageMode::Cursor
        ? cursorEnvelope(request, window, totalItems, path, otherQuery)
        : pageEnvelope(request, totalItems, path, otherQuery);
    body["data"] = std::move(dataArray);
    return body;
}

std::string Pagination::encodeCursor(std::size_t offset)
{
    const std::string versionAndOffset = std::string(CursorVersion) + ':' + std::to_string(offset);
    return Base64Url::encode(versionAndOffset + ':' + cursorChecksum(versionAndOffset));
}

std::optional<std::size_t> Pagination::decodeCursor(std::string_view cursor)
{
    const std::optional<std::string> decoded = Base64Url::decode(cursor);
    if (!decoded)
        return std::nullopt;
    const std::string_view text = *decoded;
    const std::size_t lastColon = text.rfind(':');
    if (lastColon == std::string_view::npos)
        return std::nullopt;
    const std::string_view versionAndOffset = text.substr(0, lastColon);
    if (versionAndOffset.substr(0, CursorVersion.size() + 1) != std::string(CursorVersion) + ':')
        return std::nullopt;
    const std::string_view digits = versionAndOffset.substr(CursorVersion.size() + 1);
    unsigned long long offset = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), offset);
    if (ec != std::errc() || end != digits.data() + digits.size() || digits.empty())
        return std::nullopt;
    // Exactly the spelling encodeCursor produces: no sign, no leading zeros, a checksum match.
    if (std::to_string(offset) != digits
        || cursorChecksum(versionAndOffset) != text.substr(lastColon + 1))
        return std::nullopt;
    return std::size_t(offset);
}

} // namespace petstore::core
