// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocols/sse/sseevent.h"

#include <cstddef>
#include <deque>
#include <string>
#include <string_view>

namespace petstore::core {

// Incremental text/event-stream parser (WHATWG HTML §9.2.6 "Interpreting an event stream"): feed
// bytes as they arrive, in any split, and take whole events. Lines end with CRLF, LF or CR (a CR
// at the end of one chunk and an LF at the start of the next are one line break); a leading BOM
// is dropped; invalid UTF-8 becomes U+FFFD. Limits bound memory: a line or an event beyond them
// fails the stream instead of growing without end.
class SseStreamParser
{
public:
    struct Limits
    {
        std::size_t maxLineBytes = 1024 * 1024;
        std::size_t maxEventBytes = 4 * 1024 * 1024;
    };

    SseStreamParser() = default;
    explicit SseStreamParser(Limits limits) : m_limits(limits) {}

    void feed(std::string_view bytes);
    bool hasEvent() const { return !m_events.empty(); }
    SseEvent takeEvent();

    // Seeds the last event ID (a reconnect that sent Last-Event-ID).
    void setLastEventId(std::string id) { m_lastEventId = std::move(id); }
    const std::string &lastEventId() const { return m_lastEventId; }
    // The reconnection time last set by `retry:`, or -1.
    long long retryMs() const { return m_retryMs; }
    std::size_t commentCount() const { return m_comments; }
    const std::string &lastComment() const { return m_lastComment; }

    bool failed() const { return !m_error.empty(); }
    const std::string &errorMessage() const { return m_error; }

private:
    void processLine(std::string_view line);
    void dispatch();

    Limits m_limits;
    std::string m_line;
    bool m_started = false;       // the BOM check happens once, on the first bytes
    bool m_afterCR = false;       // the previous chunk ended in CR: skip one leading LF
    std::string m_data;
    std::string m_type;
    std::string m_lastEventId;
    long long m_retryMs = -1;
    std::optional<long long> m_retrySinceEvent;
    std::size_t m_comments = 0;
    std::string m_lastComment;
    std::deque<SseEvent> m_events;
    std::string m_error;
};

} // namespace petstore::core
