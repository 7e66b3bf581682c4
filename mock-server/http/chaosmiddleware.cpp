// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/http/chaosmiddleware.h"

#include "mock-server/http/httpproblemresponse.h"

#include <QRandomGenerator>

#include <algorithm>
#include <charconv>

namespace petstore::mock {

namespace {

bool isControlPlane(const std::string &path)
{
    return path == "/health" || path.rfind("/admin/", 0) == 0;
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

// Integer value of preference `name` in a Prefer header (RFC 7240 §2), or -1.
int preference(std::string_view header, std::string_view name)
{
    for (std::size_t start = 0; start <= header.size();) {
        const std::size_t end = std::min(header.find_first_of(",;", start), header.size());
        const std::string_view item = trim(header.substr(start, end - start));
        start = end + 1;
        const std::size_t eq = item.find('=');
        if (eq == std::string_view::npos || trim(item.substr(0, eq)) != name)
            continue;
        std::string_view value = trim(item.substr(eq + 1));
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
            value = value.substr(1, value.size() - 2);
        int number = -1;
        const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
        return ec == std::errc() && ptr == value.data() + value.size() ? number : -1;
    }
    return -1;
}

} // namespace

void ChaosMiddleware::configure(int latencyMs, double errorRate)
{
    m_latencyMs = std::clamp(latencyMs, 0, MaxLatencyMs);
    m_errorRate = std::clamp(errorRate, 0.0, 1.0);
}

std::optional<core::HttpResponse> ChaosMiddleware::before(HttpExchange &exchange)
{
    if (isControlPlane(exchange.path))
        return std::nullopt;
    exchange.delayMs += m_latencyMs;
    const std::string prefer = exchange.header("Prefer");
    if (!prefer.empty()) {
        const int latency = preference(prefer, "latency");
        if (latency >= 0) {
            exchange.delayMs += std::min(latency, MaxLatencyMs);
            exchange.preferenceApplied.push_back("latency=" + std::to_string(std::min(latency, MaxLatencyMs)));
        }
        const int code = preference(prefer, "code");
        if (code >= 400 && code <= 599) {
            exchange.preferenceApplied.push_back("code=" + std::to_string(code));
            return HttpProblemResponse::forStatus(code, "status " + std::to_string(code)
                                                            + " injected by Prefer: code", exchange);
        }
    }
    if (m_errorRate > 0.0 && QRandomGenerator::global()->generateDouble() < m_errorRate)
        return HttpProblemResponse::forStatus(503, "failure injected by the configured error rate", exchange);
    return std::nullopt;
}

void ChaosMiddleware::after(const HttpExchange &exchange, core::HttpResponse &response)
{
    if (exchange.preferenceApplied.empty())
        return;
    std::string applied;
    for (const auto &p : exchange.preferenceApplied)
        applied += (applied.empty() ? "" : ", ") + p;
    response.addHeader("Preference-Applied", applied);
}

} // namespace petstore::mock
