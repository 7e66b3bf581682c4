// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/sse/ssestreamparser.h"

#include <cctype>

namespace petstore::core {

namespace {

// WHATWG Encoding "UTF-8 decode" replacement: each maximal invalid subpart becomes U+FFFD.
std::string validUtf8(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t length = 0;
        unsigned char low = 0x80, high = 0xBF;
        if (c < 0x80)
            length = 1;
        else if (c >= 0xC2 && c <= 0xDF)
            length = 2;
        else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            low = c == 0xE0 ? 0xA0 : 0x80;
            high = c == 0xED ? 0x9F : 0xBF;
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            low = c == 0xF0 ? 0x90 : 0x80;
            high = c == 0xF4 ? 0x8F : 0xBF;
        }
        if (length == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
            continue;
        }
        std::size_t valid = 1;
        while (valid < length && i + valid < text.size()) {
            const auto next = static_cast<unsigned char>(text[i + valid]);
            const unsigned char min = valid == 1 ? low : 0x80;
            const unsigned char max = valid == 1 ? high : 0xBF;
            if (next < min || next > max)
                break;
            ++valid;
        }
        if (valid == length)
            out.append(text.substr(i, length));
        else
            out += "\xEF\xBF\xBD";
        i += valid;
    }
    return out;
}

} // namespace

void SseStreamParser::feed(std::string_view bytes)
{
    if (failed())
        return;
    if (!m_started && !bytes.empty()) {
        // §9.2.6: one leading U+FEFF BYTE ORDER MARK is ignored. It may arrive split; wait for
        // three bytes before deciding.
        m_line.append(bytes);
        if (m_line.size() < 3 && std::string_view("\xEF\xBB\xBF").substr(0, m_line.size()) == m_line)
            return;
        m_started = true;
        std::string pending;
        pending.swap(m_line);
        std::string_view rest(pending);
        if (rest.substr(0, 3) == "\xEF\xBB\xBF")
            rest.remove_prefix(3);
        feed(rest);
        return;
    }
    for (const char c : bytes) {
        if (m_afterCR) {
            m_afterCR = false;
            if (c == '\n')
                continue;
        }
        if (c == '\r' || c == '\n') {
            m_afterCR = c == '\r';
            processLine(m_line);
            m_line.clear();
            if (failed())
                return;
            continue;
        }
        if (m_line.size() >= m_limits.maxLineBytes) {
            m_error = "line longer than " + std::to_string(m_limits.maxLineBytes) + " bytes";
            return;
        }
        m_line += c;
    }
}

SseEvent SseStreamParser::takeEvent()
{
    SseEvent event = std::move(m_events.front());
    m_events.pop_front();
    return event;
}

void SseStreamParser::processLine(std::string_view raw)
{
    if (raw.empty()) {
        dispatch();
        return;
    }
    const std::string line = validUtf8(raw);
    if (line.front() == ':') {
        ++m_comments;
        m_lastComment = line.substr(line.size() > 1 && line[1] == ' ' ? 2 : 1);
        return;
    }
    const auto colon = line.find(':');
    const std::string field = line.substr(0, colon);
    std::string value;
    if (colon != std::string::npos) {
        value = line.substr(colon + 1);
        if (!value.empty() && value.front() == ' ')
            value.erase(0, 1);
    }
    if (field == "event") {
        m_type = value;
    } else if (field == "data") {
        if (m_data.size() + value.size() + 1 > m_limits.maxEventBytes) {
            m_error = "event data larger than " + std::to_string(m_limits.maxEventBytes) + " bytes";
            return;
        }
        m_data += value;
        m_data += '\n';
    } else if (field == "id") {
        if (value.find('\0') == std::string::npos)
            m_lastEventId = value;
    } else if (field == "retry") {
        const bool digits = !value.empty() && value.size() <= 15
                            && value.find_first_not_of("0123456789") == std::string::npos;
        if (digits) {
            m_retryMs = std::stoll(value);
            m_retrySinceEvent = m_retryMs;
        }
    }
}

void SseStreamParser::dispatch()
{
    // §9.2.6 "dispatch the event": the last event ID is kept even when no event is fired.
    if (m_data.empty()) {
        m_type.clear();
        return;
    }
    SseEvent event;
    m_data.pop_back();
    event.data = std::move(m_data);
    event.type = m_type.empty() ? std::string("message") : std::move(m_type);
    event.id = m_lastEventId;
    event.retryMs = m_retrySinceEvent;
    m_retrySinceEvent.reset();
    m_data.clear();
    m_type.clear();
    m_events.push_back(std::move(event));
}

} // namespace petstore::core
