// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/traffic/harexport.h"

#include "core/http/percentencoding.h"
#include "core/petstore/domaintime.h"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace petstore::core {

namespace {

struct RawMessage
{
    std::string startLine;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    long headersSize = -1;   // HAR: -1 when unknown

    std::string header(std::string_view name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.size() == name.size()
                && std::equal(key.begin(), key.end(), name.begin(), [](char a, char b) {
                       return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
                   }))
                return value;
        }
        return {};
    }
};

std::string trimmed(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
        text.remove_suffix(1);
    return std::string(text);
}

// RFC 9112 §7.1: size line (hex, optional extensions), data, CRLF; ends at a zero size.
std::string dechunked(std::string_view body)
{
    std::string out;
    while (!body.empty()) {
        const auto lineEnd = body.find("\r\n");
        if (lineEnd == std::string_view::npos)
            break;
        std::size_t size = 0;
        try {
            size = std::stoul(std::string(body.substr(0, lineEnd)), nullptr, 16);
        } catch (...) {
            break;
        }
        body.remove_prefix(lineEnd + 2);
        if (size == 0 || size > body.size())
            break;
        out.append(body.substr(0, size));
        body.remove_prefix(std::min(body.size(), size + 2));
    }
    return out;
}

RawMessage parseRaw(std::string_view raw)
{
    RawMessage message;
    const auto headEnd = raw.find("\r\n\r\n");
    const std::string_view head = raw.substr(0, headEnd);
    if (headEnd != std::string_view::npos) {
        message.headersSize = static_cast<long>(headEnd + 4);
        message.body = std::string(raw.substr(headEnd + 4));
    }
    std::size_t position = 0;
    bool first = true;
    while (position <= head.size()) {
        const auto end = std::min(head.find("\r\n", position), head.size());
        const std::string_view line = head.substr(position, end - position);
        position = end + 2;
        if (first) {
            message.startLine = std::string(line);
            first = false;
        } else if (const auto colon = line.find(':'); colon != std::string_view::npos) {
            message.headers.emplace_back(trimmed(line.substr(0, colon)), trimmed(line.substr(colon + 1)));
        }
        if (end == head.size())
            break;
    }
    if (message.header("Transfer-Encoding").find("chunked") != std::string::npos)
        message.body = dechunked(message.body);
    return message;
}

nlohmann::json headerList(const RawMessage &message)
{
    nlohmann::json list = nlohmann::json::array();
    for (const auto &[name, value] : message.headers)
        list.push_back({{"name", name}, {"value", value}});
    return list;
}

std::string field(const std::string &line, int index)
{
    std::size_t start = 0;
    for (int i = 0; i < index; ++i) {
        start = line.find(' ', start);
        if (start == std::string::npos)
            return {};
        ++start;
    }
    const auto end = index == 2 && line.rfind("HTTP/", 0) == 0 ? std::string::npos : line.find(' ', start);
    return line.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

nlohmann::json harRequest(const TrafficRecord &record)
{
    const RawMessage raw = parseRaw(record.rawRequest);
    const std::string target = raw.startLine.empty() ? record.path : field(raw.startLine, 1);
    const std::string version = raw.startLine.empty() ? std::string() : field(raw.startLine, 2);
    const std::string host = raw.header("Host").empty() ? std::string("localhost") : raw.header("Host");
    nlohmann::json query = nlohmann::json::array();
    if (const auto question = target.find('?'); question != std::string::npos) {
        for (const auto &[name, value] : PercentEncoding::parseQuery(std::string_view(target).substr(question + 1)))
            query.push_back({{"name", name}, {"value", value}});
    }
    nlohmann::json request = {
        {"method", record.method.empty() ? field(raw.startLine, 0) : record.method},
        {"url", "http://" + host + (target.empty() ? std::string("/") : target)},
        {"httpVersion", version.empty() ? std::string("HTTP/1.1") : version},
        {"cookies", nlohmann::json::array()},
        {"headers", headerList(raw)},
        {"queryString", query},
        {"headersSize", raw.headersSize},
        {"bodySize", static_cast<long>(raw.body.size())},
    };
    if (!raw.body.empty()) {
        const std::string type = raw.header("Content-Type");
        request["postData"] = {{"mimeType", type.empty() ? std::string("application/octet-stream") : type},
                               {"text", raw.body}};
    }
    return request;
}

nlohmann::json harResponse(const TrafficRecord &record)
{
    const RawMessage raw = parseRaw(record.rawResponse);
    const std::string version = raw.startLine.empty() ? std::string("HTTP/1.1") : field(raw.startLine, 0);
    const std::string type = raw.header("Content-Type");
    nlohmann::json content = {{"size", static_cast<long>(raw.body.size())},
                              {"mimeType", type.empty() ? std::string("application/octet-stream") : type}};
    if (!raw.body.empty())
        content["text"] = raw.body;
    return {
        {"status", record.status},
        {"statusText", raw.startLine.empty() ? std::string() : field(raw.startLine, 2)},
        {"httpVersion", version},
        {"cookies", nlohmann::json::array()},
        {"headers", headerList(raw)},
        {"content", content},
        {"redirectURL", raw.header("Location")},
        {"headersSize", raw.headersSize},
        {"bodySize", static_cast<long>(raw.body.size())},
    };
}

} // namespace

nlohmann::json HarExport::document(const std::vector<TrafficRecord> &records, const std::string &creatorVersion)
{
    nlohmann::json entries = nlohmann::json::array();
    for (const auto &record : records) {
        if (record.protocol != "http")
            continue;
        entries.push_back({
            {"startedDateTime", formatRfc3339(record.time)},
            {"time", record.durationMs},
            {"request", harRequest(record)},
            {"response", harResponse(record)},
            {"cache", nlohmann::json::object()},
            {"timings", {{"send", 0}, {"wait", record.durationMs}, {"receive", 0}}},
            {"comment", record.requestId},
        });
    }
    return {{"log",
             {{"version", "1.2"},
              {"creator", {{"name", "Petstore Protocol Explorer"}, {"version", creatorVersion}}},
              {"pages", nlohmann::json::array()},
              {"entries", entries}}}};
}

std::string HarExport::jsonLines(const std::vector<TrafficRecord> &records)
{
    std::string out;
    for (const auto &record : records) {
        out += record.toJson(true).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        out += '\n';
    }
    return out;
}

} // namespace petstore::core
