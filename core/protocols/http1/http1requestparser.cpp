// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/http1/http1requestparser.h"

#include "core/http/httpmessage.h"

#include <algorithm>
#include <cctype>
#include <limits>

namespace petstore::core {

namespace {

// RFC 9110 §5.6.2 token characters.
bool isTchar(unsigned char c)
{
    return std::isalnum(c) || std::string_view("!#$%&'*+-.^_`|~").find(char(c)) != std::string_view::npos;
}

bool isToken(std::string_view s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return isTchar(c); });
}

std::string_view trimOws(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

// Finds the empty line ending a head: "\n\n" or "\n\r\n" (RFC 9112 §2.2 lets a recipient
// accept a bare LF as a line terminator). Returns the index just past it, or npos.
std::size_t findHeadEnd(const std::string &buffer, std::size_t from)
{
    for (std::size_t i = buffer.find('\n', from); i != std::string::npos; i = buffer.find('\n', i + 1)) {
        if (i + 1 < buffer.size() && buffer[i + 1] == '\n')
            return i + 2;
        if (i + 2 < buffer.size() && buffer[i + 1] == '\r' && buffer[i + 2] == '\n')
            return i + 3;
    }
    return std::string::npos;
}

bool parseDecimal(std::string_view s, std::size_t &out)
{
    if (s.empty() || s.size() > 18 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return false;
    out = 0;
    for (char c : s)
        out = out * 10 + std::size_t(c - '0');
    return true;
}

} // namespace

Http1RequestParser::Http1RequestParser() : Http1RequestParser(Limits()) {}

Http1RequestParser::Http1RequestParser(Limits limits) : m_limits(limits) {}

void Http1RequestParser::feed(std::string_view bytes)
{
    if (failed() || m_upgraded)
        return;
    m_buffer.append(bytes);
    parse();
}

Http1Request Http1RequestParser::takeRequest()
{
    Http1Request request = std::move(m_ready.front());
    m_ready.pop_front();
    return request;
}

bool Http1RequestParser::takeContinueRequest()
{
    return std::exchange(m_continueRequested, false);
}

std::string Http1RequestParser::takeRemainder()
{
    return std::exchange(m_buffer, std::string());
}

void Http1RequestParser::fail(int status, std::string message)
{
    m_errorStatus = status;
    m_errorMessage = std::move(message);
    m_buffer.clear();
}

void Http1RequestParser::parse()
{
    while (!failed() && !m_upgraded) {
        if (m_phase == Phase::Head) {
            // RFC 9112 §2.2: ignore empty lines received before the request-line.
            if (m_current.raw.empty()) {
                std::size_t skip = 0;
                while (skip < m_buffer.size() && (m_buffer[skip] == '\r' || m_buffer[skip] == '\n'))
                    ++skip;
                m_buffer.erase(0, skip);
                m_scanFrom = 0;
            }
            const std::size_t end = findHeadEnd(m_buffer, m_scanFrom);
            if (end == std::string::npos) {
                if (m_buffer.size() > m_limits.maxHeaderBytes)
                    return fail(431, "request head exceeds " + std::to_string(m_limits.maxHeaderBytes) + " bytes");
                m_scanFrom = m_buffer.empty() ? 0 : m_buffer.size() - 1;
                return;
            }
            if (end > m_limits.maxHeaderBytes)
                return fail(431, "request head exceeds " + std::to_string(m_limits.maxHeaderBytes) + " bytes");
            m_current.raw.assign(m_buffer, 0, end);
            const bool ok = parseHead(std::string_view(m_buffer).substr(0, end));
            m_buffer.erase(0, end);
            m_scanFrom = 0;
            if (!ok)
                return;
            continue;
        }
        if (m_phase == Phase::FixedBody) {
            if (!consumeBody())
                return;
            finishRequest();
            continue;
        }
        if (!parseChunked())
            return;
    }
}

bool Http1RequestParser::parseHead(std::string_view head)
{
    std::vector<std::string_view> lines;
    for (std::size_t start = 0; start < head.size();) {
        const std::size_t nl = head.find('\n', start);
        std::string_view line = head.substr(start, nl - start);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        lines.push_back(line);
        start = nl + 1;
    }
    while (!lines.empty() && lines.back().empty())
        lines.pop_back();
    if (lines.empty())
        return fail(400, "empty request"), false;

    // RFC 9112 §3: request-line = method SP request-target SP HTTP-version
    const std::string_view requestLine = lines.front();
    const std::size_t sp1 = requestLine.find(' ');
    const std::size_t sp2 = sp1 == std::string_view::npos ? sp1 : requestLine.find(' ', sp1 + 1);
    if (sp2 == std::string_view::npos || requestLine.find(' ', sp2 + 1) != std::string_view::npos)
        return fail(400, "malformed request line"), false;
    const std::string_view method = requestLine.substr(0, sp1);
    const std::string_view target = requestLine.substr(sp1 + 1, sp2 - sp1 - 1);
    const std::string_view version = requestLine.substr(sp2 + 1);
    if (!isToken(method))
        return fail(400, "invalid method token"), false;
    if (target.empty() || std::any_of(target.begin(), target.end(), [](unsigned char c) { return c <= 0x20 || c == 0x7f; }))
        return fail(400, "invalid request target"), false;
    if (version == "HTTP/1.1")
        m_current.versionMinor = 1;
    else if (version == "HTTP/1.0")
        m_current.versionMinor = 0;
    else if (version.size() == 8 && version.substr(0, 5) == "HTTP/" && std::isdigit((unsigned char)version[5]))
        return fail(505, "HTTP version " + std::string(version.substr(5)) + " is not supported"), false;
    else
        return fail(400, "malformed HTTP version"), false;
    m_current.method = std::string(method);
    m_current.target = std::string(target);

    if (lines.size() - 1 > m_limits.maxHeaderCount)
        return fail(431, "more than " + std::to_string(m_limits.maxHeaderCount) + " header fields"), false;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const std::string_view line = lines[i];
        if (line.front() == ' ' || line.front() == '\t')
            return fail(400, "obsolete line folding is not accepted"), false;  // RFC 9112 §5.2
        const std::size_t colon = line.find(':');
        // RFC 9112 §5.1: no whitespace between field name and colon.
        if (colon == std::string_view::npos || !isToken(line.substr(0, colon)))
            return fail(400, "malformed header field"), false;
        const std::string_view value = trimOws(line.substr(colon + 1));
        if (std::any_of(value.begin(), value.end(), [](unsigned char c) { return (c < 0x20 && c != '\t') || c == 0x7f; }))
            return fail(400, "control character in header field value"), false;
        m_current.headers.emplace_back(std::string(line.substr(0, colon)), std::string(value));
    }
    if (m_current.versionMinor == 1 && !m_current.hasHeader("Host"))
        return fail(400, "HTTP/1.1 request without Host"), false;  // RFC 9112 §3.2

    const std::string transferEncoding = m_current.header("Transfer-Encoding");
    std::size_t contentLength = 0;
    bool hasLength = false;
    for (const auto &[name, value] : m_current.headers) {
        if (!headerNameEquals(name, "Content-Length"))
            continue;
        std::size_t parsed = 0;
        if (!parseDecimal(trimOws(value), parsed) || (hasLength && parsed != contentLength))
            return fail(400, "invalid Content-Length"), false;
        contentLength = parsed;
        hasLength = true;
    }
    if (!transferEncoding.empty()) {
        // RFC 9112 §6.1: both present is a smuggling attempt; only "chunked" is implemented.
        if (hasLength)
            return fail(400, "both Transfer-Encoding and Content-Length"), false;
        if (!headerNameEquals(trimOws(transferEncoding), "chunked"))
            return fail(501, "transfer coding not implemented: " + transferEncoding), false;
        m_phase = Phase::ChunkSize;
    } else if (contentLength > m_limits.maxBodyBytes) {
        return fail(413, "body of " + std::to_string(contentLength) + " bytes exceeds the limit of "
                             + std::to_string(m_limits.maxBodyBytes)), false;
    } else {
        m_phase = Phase::FixedBody;
        m_remaining = contentLength;
    }
    const bool expectsBody = m_phase == Phase::ChunkSize || m_remaining > 0;
    if (expectsBody && headerNameEquals(m_current.header("Expect"), "100-continue"))
        m_continueRequested = true;
    if (!expectsBody && !m_current.upgradeProtocol().empty()) {
        finishRequest();
        m_upgraded = true;
    }
    return true;
}

bool Http1RequestParser::parseChunked()
{
    // RFC 9112 §7.1: chunk = chunk-size [ext] CRLF data CRLF; last-chunk; trailer section.
    if (m_phase == Phase::ChunkData) {
        if (!consumeBody())
            return false;
        m_phase = Phase::ChunkDataEnd;
        return true;
    }
    const std::size_t nl = m_buffer.find('\n');
    if (nl == std::string::npos) {
        if (m_buffer.size() > 1024)
            fail(400, "chunk line too long");
        return false;
    }
    std::string_view line(m_buffer.data(), nl);
    if (!line.empty() && line.back() == '\r')
        line.remove_suffix(1);
    if (m_phase == Phase::ChunkDataEnd) {
        if (!line.empty())
            return fail(400, "chunk data not followed by CRLF"), false;
        m_phase = Phase::ChunkSize;
    } else if (m_phase == Phase::ChunkSize) {
        const std::string_view size = trimOws(line.substr(0, line.find(';')));
        if (size.empty() || size.size() > 15 || !std::all_of(size.begin(), size.end(), [](unsigned char c) { return std::isxdigit(c); }))
            return fail(400, "invalid chunk size"), false;
        const std::size_t chunk = std::stoull(std::string(size), nullptr, 16);
        if (m_current.body.size() + chunk > m_limits.maxBodyBytes)
            return fail(413, "chunked body exceeds the limit of " + std::to_string(m_limits.maxBodyBytes)), false;
        m_remaining = chunk;
        m_phase = chunk == 0 ? Phase::Trailers : Phase::ChunkData;
    } else if (line.empty()) {  // end of the trailer section
        m_current.raw.append(m_buffer, 0, nl + 1);
        m_buffer.erase(0, nl + 1);
        finishRequest();
        return true;
    } else if (m_current.raw.size() > m_limits.maxHeaderBytes + m_limits.maxBodyBytes) {
        return fail(431, "trailer section too large"), false;
    }
    m_current.raw.append(m_buffer, 0, nl + 1);
    m_buffer.erase(0, nl + 1);
    return true;
}

bool Http1RequestParser::consumeBody()
{
    const std::size_t n = std::min(m_remaining, m_buffer.size());
    m_current.body.append(m_buffer, 0, n);
    m_current.raw.append(m_buffer, 0, n);
    m_buffer.erase(0, n);
    m_remaining -= n;
    return m_remaining == 0;
}

void Http1RequestParser::finishRequest()
{
    m_ready.push_back(std::move(m_current));
    m_current = Http1Request();
    m_phase = Phase::Head;
    m_remaining = 0;
}

} // namespace petstore::core
